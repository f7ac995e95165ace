import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { freeLoopbackPort } from '../../search/meili-process.js';

// PostgreSQL for the fault, scale-out and load tests: a fresh database on the machine's shared server, or a
// throwaway cluster of our own that a test may stop and start. Re-exported by processes.ts.

/** The shared PostgreSQL server of this machine kind (never stopped by these tests). */
export const SHARED_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A new, empty database on a PostgreSQL server (the processes under test migrate it); `drop()` removes it. */
export async function createDatabase(
  adminUrl = SHARED_PG_URL,
  prefix = 'tte_ops',
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: async () => {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

const PG_BIN = '/usr/lib/postgresql/15/bin';

export class PostgresUnavailableError extends Error {}

export interface PostgresInstance {
  url: string;
  port: number;
  dir: string;
  start(): Promise<void>;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  destroy(): Promise<void>;
}

function asPostgres(args: string[], timeoutMs = 60_000) {
  const r = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', timeout: timeoutMs });
  if (r.status !== 0) throw new Error(`${args[0]} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * A throwaway PostgreSQL cluster (initdb + pg_ctl as the postgres OS user) on a free port in a temp dir, so a
 * test may stop and start it without touching the machine's shared server. Trust auth, loopback only.
 */
export async function startPostgresInstance(): Promise<PostgresInstance> {
  if (!existsSync(join(PG_BIN, 'initdb')) || spawnSync('id', ['-u', 'postgres']).status !== 0) {
    throw new PostgresUnavailableError(
      `PostgreSQL 15 server binaries (${PG_BIN}/initdb) and the postgres OS user are required for this test`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'tte-ops-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  asPostgres([
    join(PG_BIN, 'initdb'),
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale',
    'C',
  ]);
  const port = await freeLoopbackPort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const instance: PostgresInstance = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    start: async () => {
      asPostgres([
        join(PG_BIN, 'pg_ctl'),
        '-D',
        data,
        '-o',
        options,
        '-l',
        join(dir, 'log'),
        '-w',
        '-t',
        '30',
        'start',
      ]);
    },
    stop: async (mode = 'fast') => {
      asPostgres([join(PG_BIN, 'pg_ctl'), '-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
    },
    destroy: async () => {
      spawnSync(
        'runuser',
        ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'],
        { timeout: 30_000 },
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await instance.start();
  return instance;
}
