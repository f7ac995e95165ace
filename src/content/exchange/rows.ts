import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { TRL_LABELS } from '../../shared/listing.js';
import { regionFromText } from '../../shared/regions.js';
import { CreateListingBody, type ListingInput } from '../../listings/schemas.js';
import { listingInputProblems } from '../../listings/service.js';
import { COLUMNS, LIST_SPLIT, READERS, REQUIRED_COLUMNS, type Column } from './columns.js';

/** A problem in an imported batch: `row` is the 1-based data row (the CSV header is not counted; 0 = the header). */
export interface ImportProblem {
  row: number;
  path: string;
  message: string;
}
export type Cells = Partial<Record<Column, string>>;
export interface ParsedRow {
  row: number;
  organizationName: string;
  input: ListingInput;
}

// The listing's own schema checks each row as it checks a registration, without coercion.
const ajv = new Ajv.default({ allErrors: true, coerceTypes: false, strict: false });
addFormats.default(ajv);
const checkListing = ajv.compile(CreateListingBody);

const COLUMN_OF: Partial<Record<keyof ListingInput, Column>> = {
  title: '成果名称',
  summary: '成果简介',
  keywords: '关键词',
  category: '成果类别',
  field: '应用领域',
  form: '成果体现形式',
  trl: '技术成熟度',
  stage: '所处阶段',
  level: '成果水平',
  ipType: '知识产权形式',
  ipNumbers: '知识产权编号',
  dealTypes: '转化方式',
  askingPrice: '参考价格(元)',
  fundingSource: '经费来源',
  region: '所属地区',
  inventors: '完成人',
};
const columnOfPath = (path: string) =>
  COLUMN_OF[path.replace(/^\/|^body\./, '').split(/[./]/)[0] as keyof ListingInput] ?? path;

const isColumn = (h: string): h is Column => (COLUMNS as readonly string[]).includes(h);

/** Header problems: unknown or repeated columns, and required ones that are missing. */
export function headerProblems(headers: string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const h of headers) {
    if (!isColumn(h))
      problems.push({ row: 0, path: h, message: `is not a column of the exchange format (${COLUMNS.join('、')})` });
    else if (seen.has(h)) problems.push({ row: 0, path: h, message: 'appears twice' });
    seen.add(h);
  }
  for (const c of REQUIRED_COLUMNS) if (!seen.has(c)) problems.push({ row: 0, path: c, message: 'column is missing' });
  return problems;
}

const list = (text: string) =>
  text
    .split(LIST_SPLIT)
    .map((s) => s.trim())
    .filter(Boolean);

/** Yuan (up to two decimals, thousands separators allowed) → fen, by string arithmetic: no float ever holds money. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.replace(/,/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function readTrl(text: string): number | undefined {
  if (/^[1-9]$/.test(text)) return Number(text);
  const i = TRL_LABELS.findIndex((l) => l.zh === text);
  return i >= 0 ? i + 1 : undefined;
}

function readInventor(text: string) {
  const m = /^(.+?)[（(]([^（）()]+)[）)]$/.exec(text);
  return m ? { name: m[1].trim(), title: m[2].trim() } : { name: text };
}

/**
 * Turns one row of cells into a listing registration, or says everything that is wrong with it: each cell is
 * read (labels or codes for closed sets), then the listing schema and the listing rules (IP numbers fit the IP
 * form) judge the result, exactly as for a registration typed into the platform.
 */
export function parseRow(cells: Cells, row: number): { parsed?: ParsedRow; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const fail = (path: Column, message: string) => {
    problems.push({ row, path, message });
    return undefined;
  };
  const cell = (c: Column) => (cells[c] ?? '').trim();
  for (const c of REQUIRED_COLUMNS) if (!cell(c)) fail(c, 'is required');
  const enumCell = <T extends string>(c: Column, reader: { read(t: string): T | undefined; allowed: string }) =>
    cell(c) ? (reader.read(cell(c)) ?? fail(c, `must be one of ${reader.allowed} (or its code)`)) : undefined;

  const category = enumCell('成果类别', READERS.category);
  const field = enumCell('应用领域', READERS.field);
  const form = enumCell('成果体现形式', READERS.form);
  const stage = enumCell('所处阶段', READERS.stage);
  const level = cell('成果水平') ? enumCell('成果水平', READERS.level) : 'not_evaluated';
  const ipType = enumCell('知识产权形式', READERS.ipType);
  const fundingSource = enumCell('经费来源', READERS.fundingSource);
  const trl = cell('技术成熟度')
    ? (readTrl(cell('技术成熟度')) ?? fail('技术成熟度', 'must be a technology readiness level from 1 to 9'))
    : undefined;
  const dealTypes = list(cell('转化方式')).map(
    (d) => READERS.dealType.read(d) ?? fail('转化方式', `${d} is not one of ${READERS.dealType.allowed}`),
  );
  const askingPrice = cell('参考价格(元)')
    ? (yuanToFen(cell('参考价格(元)')) ?? fail('参考价格(元)', 'must be an amount in yuan such as 800000.00'))
    : null;
  if (problems.length) return { problems };

  const input: ListingInput = {
    title: cell('成果名称'),
    summary: cell('成果简介'),
    keywords: list(cell('关键词')),
    category: category!,
    field: field!,
    form: form!,
    trl: trl!,
    stage: stage!,
    level: level!,
    ipType: ipType!,
    ipNumbers: list(cell('知识产权编号')),
    dealTypes: dealTypes as NonNullable<(typeof dealTypes)[number]>[],
    askingPrice,
    fundingSource: fundingSource!,
    // The national system's files name the region; a name outside the set stays as written and fails the check.
    region: regionFromText(cell('所属地区')) ?? (cell('所属地区') || null),
    inventors: list(cell('完成人')).map(readInventor),
    ndaRequired: false,
  };
  if (!checkListing(input)) {
    for (const e of checkListing.errors ?? [])
      problems.push({ row, path: columnOfPath(e.instancePath), message: e.message ?? 'is invalid' });
    return { problems };
  }
  for (const p of listingInputProblems(input)) problems.push({ row, path: columnOfPath(p.path), message: p.message });
  return problems.length ? { problems } : { parsed: { row, organizationName: cell('完成单位'), input }, problems };
}

/** Cells from one JSON item: an object whose keys are column names and values text, numbers or null. */
export function cellsFromJson(item: unknown, row: number): { cells?: Cells; problems: ImportProblem[] } {
  if (!item || typeof item !== 'object' || Array.isArray(item))
    return { problems: [{ row, path: '', message: 'must be an object keyed by column names' }] };
  const problems: ImportProblem[] = [];
  const cells: Cells = {};
  for (const [key, value] of Object.entries(item)) {
    if (!isColumn(key)) problems.push({ row, path: key, message: 'is not a column of the exchange format' });
    else if (value === null) cells[key] = '';
    else if (typeof value === 'string' || typeof value === 'number') cells[key] = String(value);
    else problems.push({ row, path: key, message: 'must be text or a number' });
  }
  return { cells, problems };
}
