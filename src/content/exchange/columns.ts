import {
  CATEGORIES,
  DEAL_FORMS,
  FIELD_LABELS,
  FIELDS,
  FORMS,
  FUNDING_SOURCES,
  IP_TYPES,
  LEVELS,
  STAGES,
  type Label,
} from '../../shared/listing.js';
import {
  CATEGORY_LABELS,
  DEAL_FORM_LABELS,
  FORM_LABELS,
  FUNDING_SOURCE_LABELS,
  IP_TYPE_LABELS,
  LEVEL_LABELS,
  STAGE_LABELS,
} from '../../shared/listing-labels.js';

/**
 * The exchange format with the national S&T achievement information system: one row per published listing,
 * columns in the order of MOST's 科技成果登记表 (what the result is, what it is about, how mature, what protects
 * it, how it may be transferred, who made it), then the registration data this platform assigns:
 *
 *   1 成果名称   2 成果简介   3 关键词   4 成果类别   5 应用领域   6 成果体现形式   7 技术成熟度   8 所处阶段
 *   9 成果水平  10 知识产权形式  11 知识产权编号  12 转化方式  13 参考价格(元)  14 经费来源  15 所属地区
 *  16 完成人  17 完成单位  18 登记号  19 发布日期
 *
 * Closed sets are written as their Chinese labels and read as labels or codes; lists (关键词, 知识产权编号,
 * 转化方式, 完成人) are joined with "；"; 完成人 is `姓名` or `姓名（职称）`; 参考价格 is yuan with two decimals,
 * empty when negotiable; 技术成熟度 is the level 1–9 (GB/T 22900-2022); 发布日期 is the China-time date.
 * On import, 登记号 and 发布日期 are ignored: this platform assigns them when it publishes.
 */
export const COLUMNS = [
  '成果名称',
  '成果简介',
  '关键词',
  '成果类别',
  '应用领域',
  '成果体现形式',
  '技术成熟度',
  '所处阶段',
  '成果水平',
  '知识产权形式',
  '知识产权编号',
  '转化方式',
  '参考价格(元)',
  '经费来源',
  '所属地区',
  '完成人',
  '完成单位',
  '登记号',
  '发布日期',
] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns an import must fill; the others may be empty (成果水平 then means 未评价). */
export const REQUIRED_COLUMNS: readonly Column[] = [
  '成果名称',
  '成果简介',
  '成果类别',
  '应用领域',
  '成果体现形式',
  '技术成熟度',
  '所处阶段',
  '知识产权形式',
  '转化方式',
  '经费来源',
  '完成单位',
];

export const LIST_SEPARATOR = '；';
export const LIST_SPLIT = /[;；、]/;

// The Chinese labels are the shared ones, except where MOST's form words a value its own way.
const zhOf = <T extends string>(labels: Readonly<Record<T, Label>>, own: Partial<Record<T, string>> = {}) =>
  Object.fromEntries(
    Object.entries<Label>(labels).map(([code, label]) => [code, own[code as T] ?? label.zh]),
  ) as Record<T, string>;

export const CATEGORY_ZH = zhOf(CATEGORY_LABELS);
export const FIELD_ZH = zhOf(FIELD_LABELS);
export const FORM_ZH = zhOf(FORM_LABELS);
export const STAGE_ZH = zhOf(STAGE_LABELS);
export const LEVEL_ZH = zhOf(LEVEL_LABELS);
// The registration form names the right (植物新品种权), not the variety.
export const IP_TYPE_ZH = zhOf(IP_TYPE_LABELS, { plant_variety: '植物新品种权' });
export const DEAL_FORM_ZH = zhOf(DEAL_FORM_LABELS);
export const FUNDING_SOURCE_ZH = zhOf(FUNDING_SOURCE_LABELS);

/** Reads a closed-set cell written as the code (`modern_agriculture`) or the Chinese label (`现代农业`). */
export function enumReader<T extends string>(codes: readonly T[], labels: Record<T, string>) {
  const byText = new Map<string, T>();
  for (const code of codes) {
    byText.set(code, code);
    byText.set(labels[code], code);
  }
  return {
    read: (text: string): T | undefined => byText.get(text.trim()),
    allowed: codes.map((c) => labels[c]).join('、'),
  };
}

export const READERS = {
  category: enumReader(CATEGORIES, CATEGORY_ZH),
  field: enumReader(FIELDS, FIELD_ZH),
  form: enumReader(FORMS, FORM_ZH),
  stage: enumReader(STAGES, STAGE_ZH),
  level: enumReader(LEVELS, LEVEL_ZH),
  ipType: enumReader(IP_TYPES, IP_TYPE_ZH),
  dealType: enumReader(DEAL_FORMS, DEAL_FORM_ZH),
  fundingSource: enumReader(FUNDING_SOURCES, FUNDING_SOURCE_ZH),
};
