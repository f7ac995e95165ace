import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Index, Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchClient, searchHealthy } from '../../../search/client.js';
import type { ListingSearchDocument } from '../../../search/documents.js';
import { toHighlight } from '../../../search/highlight.js';
import { startEmbeddedMeilisearch, type EmbeddedMeili, type LauncherLogger } from '../../../search/launcher.js';
import { buildListingSearch, type ListingSearchParams } from '../../../search/listing-query.js';
import { MeilisearchStartError, isAlive } from '../../../search/meili-process.js';
import { LISTINGS_INDEX, applyIndexSettings } from '../../../search/settings.js';
import { DOCS, S1, S8 } from './launcher-listings.js';

const quiet: LauncherLogger = { info: () => {}, warn: () => {}, error: () => {} };
const KEY = 'integration-test-master-key-0123456789';
let dataDir: string;
let meili: EmbeddedMeili;
let client: Meilisearch;
let index: Index<ListingSearchDocument>;

async function search(params: Partial<ListingSearchParams>) {
  const { q, options } = buildListingSearch({ limit: 20, offset: 0, ...params });
  return index.search(q, options);
}
const ids = (res: { hits: Array<{ id: string }> }) => res.hits.map((h) => h.id);

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

// A separate Node process that starts an engine, prints its pid, then runs `then` (by default, waits forever).
async function spawnParent(dir: string, then = 'setInterval(() => {}, 1000);') {
  const launcher = new URL('../../../search/launcher.ts', import.meta.url).pathname;
  const code = `import { startEmbeddedMeilisearch } from ${JSON.stringify(launcher)};
    const m = await startEmbeddedMeilisearch({ dataDir: ${JSON.stringify(dir)}, masterKey: ${JSON.stringify(KEY)} });
    console.log('PID ' + m.pid); ${then}`;
  const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  parent.stdout.on('data', (c) => (out += c));
  await until(() => /PID (\d+)/.test(out), 30_000);
  return { parent, enginePid: Number(/PID (\d+)/.exec(out)![1]) };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tte-meili-'));
  meili = await startEmbeddedMeilisearch({ dataDir, masterKey: KEY, logger: quiet });
  client = createSearchClient({ url: meili.url, apiKey: KEY });
  index = client.index<ListingSearchDocument>(LISTINGS_INDEX);
});

afterAll(async () => {
  await meili?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded Meilisearch', () => {
  it('answers health on a loopback port, with its data under DATA_DIR', async () => {
    expect(meili.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await searchHealthy(client)).toBe(true);
    expect(existsSync(join(dataDir, 'meili', 'data.ms'))).toBe(true);
    expect(await searchHealthy(createSearchClient({ url: 'http://127.0.0.1:9' }), 300)).toBe(false);
  });

  it('applies the index settings, twice without harm', async () => {
    await applyIndexSettings(client);
    await applyIndexSettings(client);
    const settings = await index.getSettings();
    expect(settings.searchableAttributes?.[0]).toBe('title');
    expect(settings.synonyms?.['滴灌']).toContain('drip irrigation');
    expect(settings.localizedAttributes?.map((a) => a.locales)).toContainEqual(['cmn', 'eng']);
    const task = await index.addDocuments(DOCS).waitTask({ timeout: 30_000 });
    expect(task.status).toBe('succeeded');
    expect((await index.getStats()).numberOfDocuments).toBe(10);
  });

  it('finds Chinese words inside longer Chinese text', async () => {
    expect(ids(await search({ q: '节水' }))[0]).toBe('l01');
    expect(ids(await search({ q: '灌溉' }))).toContain('l01');
    expect(ids(await search({ q: '智能' }))).toEqual(['l04']);
  });

  it('crosses languages through synonyms, both ways', async () => {
    expect(ids(await search({ q: '滴灌' }))).toEqual(expect.arrayContaining(['l02', 'l03']));
    expect(ids(await search({ q: 'drip irrigation' }))).toEqual(expect.arrayContaining(['l02', 'l03']));
    expect(ids(await search({ q: '光伏' }))).toEqual(['l08']);
    expect(ids(await search({ q: 'jujube' }))).toEqual(['l07']);
  });

  it('tolerates English typos', async () => {
    expect(ids(await search({ q: 'irigation' }))).toEqual(expect.arrayContaining(['l01', 'l02']));
    expect(ids(await search({ q: 'graphine coating' }))).toEqual(['l09']);
  });

  it('filters by field, TRL range, deal type and region', async () => {
    const filtered = await search({ field: ['modern_agriculture'], trlMin: 6, trlMax: 8, dealType: ['license'] });
    expect(ids(filtered).sort()).toEqual(['l01', 'l02']);
    expect(ids(await search({ dealType: ['cooperation', 'equity'] })).sort()).toEqual([
      'l04',
      'l05',
      'l08',
      'l09',
      'l10',
    ]);
    expect(ids(await search({ region: [S8] })).sort()).toEqual(['l01', 'l04', 'l06']);
    expect(ids(await search({ q: '技术', region: [S1] }))).toEqual(['l03']);
    expect(ids(await search({ trlMin: 9 }))).toEqual(['l06']);
  });

  it('sorts by price, with negotiable prices last either way, and by newest', async () => {
    expect(ids(await search({ sort: 'price_asc' }))).toEqual([
      'l06',
      'l03',
      'l07',
      'l02',
      'l09',
      'l01',
      'l10',
      'l04',
      'l08',
      'l05',
    ]);
    expect(ids(await search({ sort: 'price_desc' }))).toEqual([
      'l08',
      'l04',
      'l10',
      'l01',
      'l09',
      'l02',
      'l07',
      'l03',
      'l06',
      'l05',
    ]);
    expect(ids(await search({ sort: 'newest', limit: 3 }))).toEqual(['l10', 'l09', 'l08']);
    expect(ids(await search({ sort: 'trl_desc', limit: 2 }))).toEqual(['l06', 'l04']);
  });

  it('counts facets', async () => {
    const all = await search({});
    expect(all.estimatedTotalHits).toBe(10);
    expect(all.facetDistribution?.field).toEqual({
      modern_agriculture: 4,
      new_materials: 2,
      resource_environment: 1,
      intelligent_manufacturing: 1,
      new_energy: 1,
      population_health: 1,
    });
    expect(all.facetDistribution?.trl).toEqual({ '4': 1, '5': 2, '6': 3, '7': 2, '8': 1, '9': 1 });
    expect(all.facetDistribution?.dealTypes).toEqual({ license: 5, transfer: 4, equity: 2, cooperation: 4 });
    expect(all.facetDistribution?.ipType).toEqual({
      invention_patent: 6,
      software_copyright: 1,
      utility_model: 1,
      none: 1,
      plant_variety: 1,
    });
    const agri = await search({ field: ['modern_agriculture'] });
    expect(agri.facetDistribution?.dealTypes).toEqual({ license: 3, transfer: 2 });
  });

  it('highlights matches with <mark> and escapes stored HTML', async () => {
    const [hit] = (await search({ q: '涂料' })).hits;
    const highlight = toHighlight(hit._formatted as Record<string, unknown>);
    expect(highlight.title).toBe('石墨烯改性防腐<mark>涂料</mark>');
    expect(highlight.summary).toContain('<mark>涂料</mark>');
    expect(highlight.summary).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(highlight.summary).not.toContain('<script>');
    const [english] = (await search({ q: 'drip' })).hits;
    expect(toHighlight(english._formatted as Record<string, unknown>).title).toBe(
      'Subsurface <mark>drip</mark> irrigation controller',
    );
  });

  it('restarts the engine on the same port when it is killed', async () => {
    const { pid, url } = meili;
    process.kill(pid, 'SIGKILL');
    await until(async () => meili.restarts === 1 && (await searchHealthy(client)), 20_000);
    expect(meili.pid).not.toBe(pid);
    expect(meili.url).toBe(url);
    expect(ids(await search({ q: '节水' }))[0]).toBe('l01');
  });

  it('ends an engine orphaned by a killed parent before starting again', async () => {
    const orphanDir = mkdtempSync(join(tmpdir(), 'tte-meili-orphan-'));
    const { parent, enginePid } = await spawnParent(orphanDir);
    parent.kill('SIGKILL');
    await until(() => parent.signalCode !== null, 5_000);
    expect(isAlive(enginePid)).toBe(true);
    const warnings: string[] = [];
    const again = await startEmbeddedMeilisearch({
      dataDir: orphanDir,
      masterKey: KEY,
      logger: { ...quiet, warn: (_o, m) => warnings.push(m) },
    });
    expect(isAlive(enginePid)).toBe(false);
    expect(warnings).toContain('ended a Meilisearch left running by a previous process');
    await again.stop();
    rmSync(orphanDir, { recursive: true, force: true });
  });

  it('ends the engine when its parent dies of SIGTERM or exits, and lets the parent die as it would have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tte-meili-parent-'));
    const terminated = await spawnParent(dir);
    terminated.parent.kill('SIGTERM');
    await until(() => terminated.parent.signalCode !== null, 10_000);
    expect(terminated.parent.signalCode).toBe('SIGTERM');
    await until(() => !isAlive(terminated.enginePid), 10_000);
    const exiting = await spawnParent(dir, 'setTimeout(() => process.exit(0), 100);');
    await until(() => exiting.parent.exitCode !== null, 10_000);
    await until(() => !isAlive(exiting.enginePid), 10_000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops without leaving a process behind', async () => {
    const pid = meili.pid;
    await meili.stop();
    await meili.stop();
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(join(dataDir, 'meili', 'meilisearch.pid'))).toBe(false);
    expect(await searchHealthy(client, 300)).toBe(false);
  });
});

describe('embedded Meilisearch start failures', () => {
  it('rejects a short master key before spawning anything', async () => {
    await expect(startEmbeddedMeilisearch({ dataDir: tmpdir(), masterKey: 'short', logger: quiet })).rejects.toThrow(
      /at least 16 bytes/,
    );
  });

  it("reports the engine's own error when it cannot start", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tte-meili-bad-'));
    mkdirSync(join(dir, 'meili'));
    writeFileSync(join(dir, 'meili', 'data.ms'), 'not a database');
    const started = startEmbeddedMeilisearch({ dataDir: dir, masterKey: KEY, logger: quiet });
    await expect(started).rejects.toBeInstanceOf(MeilisearchStartError);
    await expect(started).rejects.toThrow(/ended during start[\s\S]*Not a directory/);
    rmSync(dir, { recursive: true, force: true });
  });
});
