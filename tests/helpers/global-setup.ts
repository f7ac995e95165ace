import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { migratePostgresDb, openPglite } from '../../src/platform/db.js';
import { PG_ADMIN_URL, pgUrlFor } from './pg-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteDump: string;
  }
}

// Once per run and project: a migrated database that every test file copies, so files are isolated from
// each other and migrations run once. PostgreSQL: a template database. PGlite: a dumped data directory.
export default async function setup(project: TestProject) {
  const kind = project.name.split(':')[1];
  if (kind === 'postgres') {
    const template = `tte_template_${process.pid}`;
    const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    await migratePostgresDb(pgUrlFor(template));
    project.provide('pgTemplate', template);
    return async () => {
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tte-pglite-'));
  const db = await openPglite(undefined);
  const dump = await db.client.dumpDataDir('gzip');
  await db.close();
  const file = join(dir, 'migrated.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
}
