import { formatRateBp } from '../../../src/shared/money.ts';
import { formatFen } from '../i18n/format.js';
import type { Label } from '../i18n/labels.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { IP_OWNERSHIP_LABELS, LICENSE_TYPE_LABELS } from './labels.js';

// How each field of the terms reads on screen: its name, and its value (fen as ¥, basis points as %, closed
// sets by label). Used by the terms view and by the comparison of two proposals.

const NAMES: Record<string, MessageKey> = {
  licenseType: 'terms.licenseType',
  territory: 'terms.territory',
  fieldOfUse: 'terms.fieldOfUse',
  termMonths: 'terms.termMonths',
  upfrontFee: 'terms.upfrontFee',
  royaltyRateBp: 'terms.royaltyRate',
  minimumAnnualRoyalty: 'terms.minimumAnnualRoyalty',
  milestones: 'terms.milestones',
  payments: 'terms.payments',
  name: 'terms.itemName',
  amount: 'terms.amount',
  dueDays: 'terms.dueDays',
  price: 'terms.price',
  valuation: 'terms.valuation',
  equityPercentBp: 'terms.equityPercent',
  companyName: 'terms.companyName',
  registeredCapital: 'terms.registeredCapital',
  inventorRewardBp: 'terms.inventorReward',
  scope: 'terms.scope',
  budget: 'terms.budget',
  ipOwnership: 'terms.ipOwnership',
  deliverable: 'terms.deliverable',
  dueDate: 'terms.dueDate',
  // An offered transfer's instalment: its share of the price the market forms (offerings).
  shareBp: 'offerings.new.share',
};
const MONEY = new Set([
  'upfrontFee',
  'minimumAnnualRoyalty',
  'amount',
  'price',
  'valuation',
  'registeredCapital',
  'budget',
]);
const BP = new Set(['royaltyRateBp', 'equityPercentBp', 'inventorRewardBp', 'shareBp']);
const CHOICES: Record<string, Record<string, Label>> = {
  licenseType: LICENSE_TYPE_LABELS,
  ipOwnership: IP_OWNERSHIP_LABELS,
};

export const termFieldName = (key: string): MessageKey | null => NAMES[key] ?? null;

/** A leaf value of the terms for display; `undefined` (a row added or removed) reads as a dash. */
export function termValue(key: string, value: unknown, label: (l: Label) => string): string {
  if (value === undefined || value === null) return '—';
  if (MONEY.has(key) && typeof value === 'number') return formatFen(value);
  if (BP.has(key) && typeof value === 'number') return formatRateBp(value);
  if (CHOICES[key] && typeof value === 'string') return label(CHOICES[key][value] ?? { zh: value, en: value });
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => termValue(k, v, label))
      .join(' · ');
  return String(value);
}

/** "milestones.1.amount" → the words for it: ["Milestones", 2, "Amount"] joined by the caller's translator. */
export function termPathWords(path: string, t: (key: MessageKey) => string): string {
  return path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : NAMES[part] ? t(NAMES[part]) : part))
    .join(' · ');
}

/** The leaf key of a path, which says how its value is formatted. */
export const leafKey = (path: string) =>
  path
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .pop() ?? path;
