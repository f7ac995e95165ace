import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import { composeApp } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/platform/context.js';
import { migratePostgresDb, openPostgres } from '../../src/platform/db.js';
import type { SearchPort } from '../../src/platform/search-port.js';

// The benches run the real app in-process on a fresh PostgreSQL database of their own, on 127.0.0.1 only.
export const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  dbUrl: string;
  stop(): Promise<void>;
}

function dbUrlFor(name: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * NODE_ENV=production so X-Forwarded-For is trusted: the drivers give every request its own client address, the
 * way many users behind a load balancer would, so the per-address rate limit does not throttle the bench itself.
 */
export async function startBenchServer(prefix: string, search: SearchPort, poolMax = 20): Promise<BenchServer> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const dbUrl = dbUrlFor(name);
  const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const dropAll = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    await migratePostgresDb(dbUrl);
    const database = await openPostgres(dbUrl, { max: poolMax });
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      RUN_WORKERS: 'false',
      SERVE_WEB: 'false',
      LISTING_REVIEW: 'off',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      ADMIN_EMAIL: 'bench-admin@bureau.example',
      ADMIN_PASSWORD: `Bench-${randomBytes(9).toString('hex')}-1`,
    });
    const { app, ctx } = await composeApp(config, { database, search });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    return {
      app,
      ctx,
      dbUrl,
      url: `http://127.0.0.1:${port}`,
      stop: async () => {
        await app.close();
        await database.close();
        await dropAll();
      },
    };
  } catch (err) {
    await dropAll();
    throw err;
  }
}

let clientSeq = 0;
const nextClientAddress = () => {
  const n = ++clientSeq;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

export interface Reply {
  status: number;
  body: any;
  ms: number;
}

/** A keep-alive HTTP client with one socket per concurrent caller (lighter than fetch in the server's process). */
export class HttpClient {
  private readonly agent: http.Agent;
  constructor(
    private readonly base: string,
    sockets = 16,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  call(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<Reply> {
    const started = performance.now();
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        this.base + path,
        {
          method,
          agent: this.agent,
          headers: {
            'x-forwarded-for': nextClientAddress(),
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            if ((res.headers['content-type'] ?? '').includes('json') && text) body = JSON.parse(text);
            resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started });
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(15_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  async ok(method: string, path: string, opts: { token?: string; body?: unknown; expect?: number } = {}): Promise<any> {
    const r = await this.call(method, path, opts);
    if (r.status !== (opts.expect ?? 200)) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  close() {
    this.agent.destroy();
  }
}
