import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';

const dir = () => mkdtempSync(join(tmpdir(), 'tte-cfg-'));

describe('config', () => {
  it('applies defaults and parses typed values from strings', () => {
    const c = loadConfig({
      DATA_DIR: dir(),
      PORT: '8080',
      SEED_DEMO: 'false',
      LISTING_REVIEW: 'off',
      CORS_ORIGINS: 'https://a.cn, https://b.cn',
    });
    expect(c.PORT).toBe(8080);
    expect(c.seedDemo).toBe(false);
    expect(c.LISTING_REVIEW).toBe('off');
    expect(c.PUBLIC_NOTICE_DAYS).toBe(15);
    expect(c.OFFER_TTL_DAYS).toBe(14);
    expect(c.DEAL_IDLE_DAYS).toBe(90);
    expect(c.corsOrigins).toEqual(['https://a.cn', 'https://b.cn']);
  });

  it('refuses a public notice below the national floor of 15 days, saying why', () => {
    for (const days of ['0', '14']) {
      expect(() => loadConfig({ DATA_DIR: dir(), PUBLIC_NOTICE_DAYS: days })).toThrow(
        new RegExp(`PUBLIC_NOTICE_DAYS: must be at least 15 days.*国发〔2016〕16号.*\\(got ${days}\\)`),
      );
    }
    expect(loadConfig({ DATA_DIR: dir(), PUBLIC_NOTICE_DAYS: '20' }).PUBLIC_NOTICE_DAYS).toBe(20);
  });

  it('names every bad value in one clear error', () => {
    try {
      loadConfig({
        DATA_DIR: dir(),
        PORT: 'eighty',
        LISTING_REVIEW: 'maybe',
        PUBLIC_NOTICE_DAYS: '-1',
        DATABASE_URL: 'mysql://x',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toContain('PORT: must be integer');
      expect(msg).toContain('LISTING_REVIEW: must be one of on, off');
      expect(msg).toContain('PUBLIC_NOTICE_DAYS');
      expect(msg).toContain('DATABASE_URL');
    }
  });

  it('requires a JWT secret and an admin in production, and never prints secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dir() })).toThrow(/JWT_SECRET: required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dir(), JWT_SECRET: 'short' })).toThrow(/\*\*\*/);
    const ok = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: dir(),
      JWT_SECRET: 's'.repeat(40),
      ADMIN_EMAIL: 'a@b.cn',
      ADMIN_PASSWORD: 'admin-pass-2026',
    });
    expect(ok.JWT_SECRET).toBe('s'.repeat(40));
  });

  it('generates a development secret once and keeps it under DATA_DIR', () => {
    const d = dir();
    const a = loadConfig({ DATA_DIR: d });
    const b = loadConfig({ DATA_DIR: d });
    expect(a.JWT_SECRET).toHaveLength(64);
    expect(b.JWT_SECRET).toBe(a.JWT_SECRET);
    expect(existsSync(join(d, 'jwt-secret'))).toBe(true);
    expect(readFileSync(join(d, 'jwt-secret'), 'utf8')).toBe(a.JWT_SECRET);
  });
});

describe('tax rates', () => {
  it('takes per-kind VAT overrides and refuses unknown kinds', () => {
    expect(loadConfig({ DATA_DIR: dir(), TAX_RATES_BP: 'brokerage=300,license_fee=100' }).taxRateOverrides).toEqual({
      brokerage: 300,
      license_fee: 100,
    });
    expect(loadConfig({ DATA_DIR: dir() }).taxRateOverrides).toEqual({});
    expect(() => loadConfig({ DATA_DIR: dir(), TAX_RATES_BP: 'magic=5' })).toThrow(/unknown line kind magic/);
    expect(() => loadConfig({ DATA_DIR: dir(), TAX_RATES_BP: 'brokerage=6%' })).toThrow(/TAX_RATES_BP/);
  });
});

describe('production defaults', () => {
  it('does not seed demo data in production unless asked, and applies the password policy to ADMIN_PASSWORD', () => {
    const prod = {
      NODE_ENV: 'production',
      DATA_DIR: dir(),
      JWT_SECRET: 's'.repeat(40),
      ADMIN_EMAIL: 'chief@bureau.cn',
      ADMIN_PASSWORD: 'admin-pass-2026',
    };
    expect(loadConfig(prod).seedDemo).toBe(false);
    expect(loadConfig({ ...prod, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ DATA_DIR: dir() }).seedDemo).toBe(true);
    expect(() => loadConfig({ ...prod, ADMIN_PASSWORD: 'onlyletters-here' })).toThrow(
      /ADMIN_PASSWORD: must contain letters and digits/,
    );
  });
});
