import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { passwordProblems } from './accounts/passwords.js';
import { LINE_KINDS } from './invoices/tax.js';
import { PUBLIC_NOTICE_MIN_DAYS } from './shared/deal.js';

// The one place that reads process.env. Everything else receives a typed Config.
const Days = (def: number) => Type.Integer({ minimum: 0, maximum: 3650, default: def });

export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Enum(['development', 'production', 'test'], { default: 'development' }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  DATA_DIR: Type.String({ minLength: 1, default: './.data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  // Connections per process to PostgreSQL (each API and worker process has its own pool).
  DB_POOL_MAX: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  MEILI_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  MEILI_MASTER_KEY: Type.Optional(Type.String({ minLength: 16 })),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 60, maximum: 86_400, default: 900 }),
  REFRESH_TOKEN_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  ADMIN_EMAIL: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 10, maxLength: 128 })),
  LISTING_REVIEW: Type.Enum(['on', 'off'], { default: 'on' }),
  // The public notice of a public institution's agreed price lasts at least 15 days (国发〔2016〕16号, the national
  // floor under Law Art. 18; DOMAIN.md "Pricing routes"): configuration may lengthen it, never shorten or skip it.
  PUBLIC_NOTICE_DAYS: Type.Integer({ minimum: PUBLIC_NOTICE_MIN_DAYS, maximum: 3650, default: PUBLIC_NOTICE_MIN_DAYS }),
  OFFER_TTL_DAYS: Days(14),
  // The online bidding round of an offering with two or more depositors (DOMAIN.md "Pricing routes").
  OFFERING_ROUND_MINUTES: Type.Integer({ minimum: 5, maximum: 10_080, default: 60 }),
  DEAL_IDLE_DAYS: Days(90),
  INVOICE_DUE_DAYS: Days(30),
  // Overrides of the VAT rate per invoice line kind, in basis points: `brokerage=600,license_fee=0`.
  TAX_RATES_BP: Type.String({ default: '', pattern: '^([a-z_]+=\\d{1,4}(,[a-z_]+=\\d{1,4})*)?$' }),
  // Default: on, except in production (the demo accounts' password is public).
  SEED_DEMO: Type.Optional(Type.Boolean()),
  RUN_WORKERS: Type.Boolean({ default: true }),
  SERVE_WEB: Type.Boolean({ default: true }),
  CORS_ORIGINS: Type.String({ default: '' }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 10_485_760, default: 1_048_576 }),
  UPLOAD_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 104_857_600, default: 20_971_520 }),
  LOGIN_MAX_PER_ACCOUNT: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
  LOGIN_MAX_PER_IP: Type.Integer({ minimum: 1, maximum: 10_000, default: 30 }),
  LOGIN_WINDOW_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 900 }),
  // Mail (issue #16): over SMTP when SMTP_URL is set (smtp://user:pass@host:587, smtps://… for TLS), otherwise
  // written as .eml files under DATA_DIR/mail/. APP_URL is where the links in mail point.
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ minLength: 3, maxLength: 254, default: '科技成果转移转化交易平台 <noreply@localhost>' }),
  APP_URL: Type.String({ pattern: '^https?://', default: 'http://localhost:3000' }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
});
type Env = Static<typeof ConfigSchema>;

export interface Config extends Omit<
  Env,
  'JWT_SECRET' | 'CORS_ORIGINS' | 'SEED_DEMO' | 'RUN_WORKERS' | 'SERVE_WEB' | 'TAX_RATES_BP'
> {
  taxRateOverrides: Record<string, number>;
  DATA_DIR: string;
  JWT_SECRET: string;
  corsOrigins: string[];
  seedDemo: boolean;
  runWorkers: boolean;
  serveWeb: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const BOOL_WORDS: Record<string, boolean> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
  on: true,
  off: false,
};

// Environment values are strings: booleans accept the usual words, numbers must be whole numbers. Everything
// else is left as typed so the schema can say what is wrong with it.
function coerce(raw: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(ConfigSchema.properties)) {
    const v = raw[key];
    if (v === undefined || v === '') continue;
    const s = schema as { type?: string };
    if (s.type === 'integer') out[key] = /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v;
    else if (s.type === 'boolean') out[key] = BOOL_WORDS[v.trim().toLowerCase()] ?? v;
    else out[key] = v;
  }
  return out;
}

// In development the JWT secret is generated once and kept under DATA_DIR, so tokens survive restarts;
// in production it must be given (a generated secret would differ between API processes).
function devSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(
  raw: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const input = Value.Default(ConfigSchema, coerce(raw)) as Record<string, unknown>;
  const problems = [...Value.Errors(ConfigSchema, input)].map((e) => {
    const key = e.instancePath.replace(/^\//, '') || '(root)';
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
    const message = allowed
      ? `must be one of ${allowed.join(', ')}`
      : key === 'PUBLIC_NOTICE_DAYS'
        ? `must be at least ${PUBLIC_NOTICE_MIN_DAYS} days: the national floor for the public notice of a public institution's agreed price (国发〔2016〕16号), which configuration may lengthen but never shorten or skip`
        : e.message;
    return `${key}: ${message}${key in input ? ` (got ${JSON.stringify(key.includes('SECRET') || key.includes('PASSWORD') || key.includes('KEY') ? '***' : input[key])})` : ''}`;
  });
  const env = input as Env;
  if (env.NODE_ENV === 'production') {
    if (!env.JWT_SECRET) problems.push('JWT_SECRET: required in production (at least 32 characters)');
    if (!env.ADMIN_PASSWORD || !env.ADMIN_EMAIL)
      problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: required in production');
    if (!env.MEILI_MASTER_KEY && env.MEILI_URL)
      problems.push('MEILI_MASTER_KEY: required in production with MEILI_URL');
  }
  if (env.ADMIN_PASSWORD) {
    for (const p of passwordProblems(env.ADMIN_PASSWORD, env.ADMIN_EMAIL))
      problems.push(`ADMIN_PASSWORD: ${p.message}`);
  }
  const taxRateOverrides = Object.fromEntries(
    (env.TAX_RATES_BP ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [kind, bp] = pair.split('=');
        return [kind, Number(bp)] as const;
      }),
  );
  for (const [kind, bp] of Object.entries(taxRateOverrides)) {
    if (!(LINE_KINDS as readonly string[]).includes(kind) || kind === 'voucher')
      problems.push(
        `TAX_RATES_BP: unknown line kind ${kind} (one of ${LINE_KINDS.filter((k) => k !== 'voucher').join(', ')})`,
      );
    if (bp > 10_000) problems.push(`TAX_RATES_BP: ${kind}=${bp} is above 100%`);
  }
  if (problems.length) throw new ConfigError(problems);
  const dataDir = resolve(env.DATA_DIR);
  const { CORS_ORIGINS, SEED_DEMO, RUN_WORKERS, SERVE_WEB, JWT_SECRET, TAX_RATES_BP: _rates, ...rest } = env;
  return {
    ...rest,
    DATA_DIR: dataDir,
    JWT_SECRET: overrides.JWT_SECRET ?? JWT_SECRET ?? devSecret(dataDir),
    taxRateOverrides,
    corsOrigins: CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    seedDemo: SEED_DEMO ?? env.NODE_ENV !== 'production',
    runWorkers: RUN_WORKERS,
    serveWeb: SERVE_WEB,
    ...overrides,
  };
}

/**
 * The configuration of an entry point (npm start, the worker, the seed, reindex): a bad value ends the process
 * with the message naming it, not with a stack trace.
 */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
