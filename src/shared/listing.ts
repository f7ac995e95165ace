// The closed sets of a listing (DOMAIN.md "Listing data", modelled on MOST's 科技成果登记表). Schemas, the
// search filter builder and the web app all read them from here, so a value cannot exist in one and not another.

export const CATEGORIES = ['basic_theory', 'applied_technology', 'soft_science'] as const;
export type Category = (typeof CATEGORIES)[number];

// The key fields named by the Corps' 2016 action plan.
export const FIELDS = [
  'information_network',
  'intelligent_manufacturing',
  'modern_agriculture',
  'new_energy',
  'new_materials',
  'resource_environment',
  'smart_city',
  'population_health',
] as const;
export type Field = (typeof FIELDS)[number];

export const FORMS = [
  'new_technology',
  'new_process',
  'new_product',
  'new_material',
  'new_equipment',
  'biomedicine',
  'new_variety',
  'standard',
  'other',
] as const;
export type Form = (typeof FORMS)[number];

export const STAGES = ['early', 'pilot', 'mature'] as const;
export type Stage = (typeof STAGES)[number];

export const LEVELS = [
  'international_leading',
  'international_advanced',
  'domestic_leading',
  'domestic_advanced',
  'not_evaluated',
] as const;
export type Level = (typeof LEVELS)[number];

export const IP_TYPES = [
  'invention_patent',
  'utility_model',
  'ic_layout',
  'software_copyright',
  'plant_variety',
  'trade_secret',
  'other',
  'none',
] as const;
export type IpType = (typeof IP_TYPES)[number];

export const DEAL_FORMS = ['license', 'transfer', 'equity', 'cooperation'] as const;
export type DealForm = (typeof DEAL_FORMS)[number];

// The fiscal sources form the project library of publicly funded results (Law on Promoting the Transformation
// of S&T Achievements, Art. 11).
export const FUNDING_SOURCES = ['fiscal_national', 'fiscal_regional', 'fiscal_corps', 'enterprise', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const TRL_MIN = 1;
export const TRL_MAX = 9;

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export function isTrl(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= TRL_MIN && value <= TRL_MAX;
}

export interface Label {
  zh: string;
  en: string;
}

// Technology readiness levels per GB/T 22900-2022, indexed by level (index 0 is level 1).
export const TRL_LABELS: readonly Label[] = [
  { zh: '基本原理', en: 'Basic principles observed' },
  { zh: '技术概念形成', en: 'Technology concept formulated' },
  { zh: '关键功能实验室验证', en: 'Key functions verified in the laboratory' },
  { zh: '实验室环境部件验证', en: 'Components validated in a laboratory environment' },
  { zh: '相关环境部件验证', en: 'Components validated in a relevant environment' },
  { zh: '相关环境原型演示', en: 'Prototype demonstrated in a relevant environment' },
  { zh: '实际环境原型演示', en: 'Prototype demonstrated in an operational environment' },
  { zh: '实际系统完成并验证', en: 'Actual system completed and verified' },
  { zh: '实际系统成功运行', en: 'Actual system proven in successful operation' },
];

export function trlLabel(trl: number): Label {
  if (!isTrl(trl)) throw new RangeError(`TRL must be an integer from ${TRL_MIN} to ${TRL_MAX}`);
  return TRL_LABELS[trl - 1];
}

export const FIELD_LABELS: Readonly<Record<Field, Label>> = {
  information_network: { zh: '信息网络', en: 'Information networks' },
  intelligent_manufacturing: { zh: '智能制造', en: 'Intelligent manufacturing' },
  modern_agriculture: { zh: '现代农业', en: 'Modern agriculture' },
  new_energy: { zh: '新能源', en: 'New energy' },
  new_materials: { zh: '新材料', en: 'New materials' },
  resource_environment: { zh: '资源高效利用和生态环保', en: 'Resource efficiency and environmental protection' },
  smart_city: { zh: '智慧城镇与数字社会', en: 'Smart cities and digital society' },
  population_health: { zh: '人口健康', en: 'Population health' },
};
