import { FIELDS } from '../../../src/shared/listing.ts';
import type { DemandBoardQuery, DemandStatusFilter, Field } from '../api/types.js';
import { parseYuan } from '../i18n/format.js';

/** The board's filters as the address bar keeps them (amounts in yuan, as typed). */
export interface BoardFilters {
  q: string;
  field: Field | '';
  region: string;
  budgetMin: string;
  budgetMax: string;
  status: DemandStatusFilter;
}

export const BOARD_STATUSES: DemandStatusFilter[] = ['open', 'closed', 'all'];
const isField = (v: string): v is Field => (FIELDS as readonly string[]).includes(v);
const isStatus = (v: string): v is DemandStatusFilter => (BOARD_STATUSES as string[]).includes(v);

export function filtersFrom(params: URLSearchParams): BoardFilters {
  const field = params.get('field') ?? '';
  const status = params.get('status') ?? 'open';
  return {
    q: params.get('q') ?? '',
    field: isField(field) ? field : '',
    region: params.get('region') ?? '',
    budgetMin: params.get('budgetMin') ?? '',
    budgetMax: params.get('budgetMax') ?? '',
    status: isStatus(status) ? status : 'open',
  };
}

/** Only what differs from the default view goes into the address. */
export function paramsOf(f: BoardFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['q', 'field', 'region', 'budgetMin', 'budgetMax'] as const)
    if (f[key].trim()) out[key] = f[key].trim();
  if (f.status !== 'open') out.status = f.status;
  return out;
}

/** The API's query: yuan become fen; an amount that does not parse is left out (the form flags it first). */
export function apiQueryOf(f: BoardFilters): DemandBoardQuery {
  const fen = (text: string) => (text.trim() ? (parseYuan(text) ?? undefined) : undefined);
  const q: DemandBoardQuery = { status: f.status };
  if (f.q.trim()) q.q = f.q.trim();
  if (f.field) q.field = f.field;
  if (f.region.trim()) q.region = f.region.trim();
  const min = fen(f.budgetMin);
  const max = fen(f.budgetMax);
  if (min !== undefined) q.budgetMin = min;
  if (max !== undefined) q.budgetMax = max;
  return q;
}
