import { sql, type SQL } from 'drizzle-orm';
import type { DealForm } from '../deals/machines/types.js';
import type { Label } from '../shared/listing.js';
import type { AppContext } from '../platform/context.js';
import { queryRows } from '../platform/db.js';
import { validationFailed } from '../platform/errors.js';
import { dateBounds } from '../stats/range.js';
import {
  certifiedIncomeOf,
  confirmedAtOf,
  int,
  isRegistered,
  iso,
  recordedAt,
  registeredAt,
  registeredOnOf,
  registryOf,
} from '../stats/sql.js';

// Technology-contract registration (技术合同认定登记): registered contracts carry the tax benefits, and the
// registration office files them under the five kinds of technology contract of Civil Code Art. 843.
export const CONTRACT_CATEGORIES = ['development', 'transfer', 'license', 'consulting', 'services'] as const;
export type ContractCategory = (typeof CONTRACT_CATEGORIES)[number];

export const CONTRACT_CATEGORY_LABELS: Readonly<Record<ContractCategory, Label>> = {
  development: { zh: '技术开发', en: 'Technology development' },
  transfer: { zh: '技术转让', en: 'Technology transfer' },
  license: { zh: '技术许可', en: 'Technology licence' },
  consulting: { zh: '技术咨询', en: 'Technology consulting' },
  services: { zh: '技术服务', en: 'Technology services' },
};

// How each deal form is filed. R&D cooperation is commissioned development (委托开发, Civil Code Art. 851), a
// development contract. Equity investment (作价投资) contributes the IP to the company, which must be
// transferred to it (Company Law Art. 49): a transfer contract. Transfer and licence are themselves. Consulting
// and services contracts are not concluded through the platform's deal forms.
export const FORM_CATEGORY: Readonly<Record<DealForm, ContractCategory>> = {
  cooperation: 'development',
  transfer: 'transfer',
  license: 'license',
  equity: 'transfer',
};

// An export for the registration office covers a period; a range this large means the dates are wrong.
const MAX_ROWS = 10_000;

export interface ContractRegistrationRecord {
  dealId: string;
  registrationNo: string;
  category: { code: ContractCategory; name: string };
  dealType: DealForm;
  seller: { id: string; name: string };
  buyer: { id: string; name: string };
  contractValue: number;
  signedAt: string | null;
  /** When the registration was recorded on the platform. */
  registeredAt: string;
  /** The registry (认定登记机构) and its date; null on a registration recorded before they were asked for. */
  registry: string | null;
  registeredOn: string | null;
  /** The certified technology income (认定技术交易额), fen; null where not recorded. */
  certifiedIncome: number | null;
  /** When the admin, as registry, confirmed it; null while unconfirmed. */
  confirmedAt: string | null;
}

/** Registrations per registry: count and certified income (a registration without a registry counts under null). */
export interface RegistryCount {
  registry: string | null;
  count: number;
  certifiedIncome: number;
}

function byRegistry(items: readonly ContractRegistrationRecord[]): RegistryCount[] {
  const counts = new Map<string | null, RegistryCount>();
  for (const i of items) {
    const c = counts.get(i.registry) ?? { registry: i.registry, count: 0, certifiedIncome: 0 };
    c.count += 1;
    c.certifiedIncome += i.certifiedIncome ?? 0;
    counts.set(i.registry, c);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.registry ?? '').localeCompare(b.registry ?? ''));
}

/**
 * GET /api/admin/contract-registrations: registered contracts by registration date ([from, to], China dates): the
 * registry's date (registeredOn), or when it was recorded for an older registration without one.
 */
export async function contractRegistrations(ctx: AppContext, q: { from?: string; to?: string }) {
  const { start, end } = dateBounds(q);
  const conds: SQL[] = [isRegistered];
  if (start) conds.push(sql`${registeredAt} >= ${start}::timestamptz`);
  if (end) conds.push(sql`${registeredAt} < ${end}::timestamptz`);
  const rows = await queryRows<Record<string, unknown>>(
    ctx.db,
    sql`
    select d.id, d.type, d.snapshot->'context'->'contractRegistration'->>'registrationNo' as registration_no,
           ${registeredAt} as registered_at, ${recordedAt} as recorded_at, d.contract_value, d.signed_at,
           ${registryOf} as registry, ${registeredOnOf} as registered_on, ${confirmedAtOf} as confirmed_at,
           ${certifiedIncomeOf} as certified_income,
           s.id as seller_id, s.name as seller_name, b.id as buyer_id, b.name as buyer_name
      from deals d
      join organizations s on s.id = d.seller_org_id
      join organizations b on b.id = d.buyer_org_id
     where ${sql.join(conds, sql` and `)}
     order by registered_at, recorded_at, d.id
     limit ${MAX_ROWS + 1}`,
  );
  if (rows.length > MAX_ROWS)
    throw validationFailed([
      { path: 'querystring.from', message: `more than ${MAX_ROWS} registrations: narrow the dates` },
    ]);
  const items: ContractRegistrationRecord[] = rows.map((r) => {
    const form = r.type as DealForm;
    const code = FORM_CATEGORY[form];
    return {
      dealId: String(r.id),
      registrationNo: String(r.registration_no),
      category: { code, name: CONTRACT_CATEGORY_LABELS[code].zh },
      dealType: form,
      seller: { id: String(r.seller_id), name: String(r.seller_name) },
      buyer: { id: String(r.buyer_id), name: String(r.buyer_name) },
      contractValue: int(r.contract_value),
      signedAt: r.signed_at ? iso(r.signed_at) : null,
      registeredAt: iso(r.recorded_at),
      registry: r.registry == null ? null : String(r.registry),
      registeredOn: r.registered_on == null ? null : String(r.registered_on),
      certifiedIncome: r.registry == null ? null : int(r.certified_income),
      confirmedAt: r.confirmed_at == null ? null : iso(r.confirmed_at),
    };
  });
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    currency: 'CNY' as const,
    count: items.length,
    totalValue: items.reduce((s, i) => s + i.contractValue, 0),
    totalCertifiedIncome: items.reduce((s, i) => s + (i.certifiedIncome ?? 0), 0),
    byRegistry: byRegistry(items),
    items,
  };
}
