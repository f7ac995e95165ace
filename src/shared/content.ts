import type { Label } from './listing.js';

// The closed sets of the bureau's public information. Schemas, the search filter builder, the seed and the web
// app read them from here.

// Who issued a policy, from the top: the State, the Xinjiang Uygur Autonomous Region, the Corps, a division.
export const POLICY_LEVELS = ['national', 'autonomous_region', 'corps', 'division'] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];

export const POLICY_LEVEL_LABELS: Readonly<Record<PolicyLevel, Label>> = {
  national: { zh: '国家', en: 'National' },
  autonomous_region: { zh: '自治区', en: 'Autonomous region' },
  corps: { zh: '兵团', en: 'Corps' },
  division: { zh: '师（市）', en: 'Division (city)' },
};

// What a policy is about, so that the library can be read by topic (the plan's 汇编 "分类整理").
export const POLICY_CATEGORIES = [
  'law',
  'regulation',
  'action_plan',
  'incentive',
  'tax',
  'finance',
  'intellectual_property',
  'other',
] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

export const POLICY_CATEGORY_LABELS: Readonly<Record<PolicyCategory, Label>> = {
  law: { zh: '法律', en: 'Law' },
  regulation: { zh: '法规规章', en: 'Regulations' },
  action_plan: { zh: '规划与行动方案', en: 'Plans and action programmes' },
  incentive: { zh: '激励与收益分配', en: 'Incentives and income distribution' },
  tax: { zh: '财税', en: 'Tax' },
  finance: { zh: '金融与资金', en: 'Finance and funding' },
  intellectual_property: { zh: '知识产权', en: 'Intellectual property' },
  other: { zh: '其他', en: 'Other' },
};

/** The earliest and latest years a policy or case may carry (the People's Republic's first laws; a sane bound). */
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;
