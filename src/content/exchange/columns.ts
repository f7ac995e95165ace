import {
  CATEGORIES, DEAL_TYPES, FIELD_LABELS, FIELDS, FORMS, FUNDING_SOURCES, IP_TYPES, LEVELS, STAGES,
  type Category, type DealType, type Field, type Form, type FundingSource, type IpType, type Level, type Stage,
} from '../../listings/enums.js';

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
  '成果名称', '成果简介', '关键词', '成果类别', '应用领域', '成果体现形式', '技术成熟度', '所处阶段', '成果水平',
  '知识产权形式', '知识产权编号', '转化方式', '参考价格(元)', '经费来源', '所属地区', '完成人', '完成单位', '登记号', '发布日期',
] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns an import must fill; the others may be empty (成果水平 then means 未评价). */
export const REQUIRED_COLUMNS: readonly Column[] = [
  '成果名称', '成果简介', '成果类别', '应用领域', '成果体现形式', '技术成熟度', '所处阶段', '知识产权形式', '转化方式', '经费来源', '完成单位',
];

export const LIST_SEPARATOR = '；';
export const LIST_SPLIT = /[;；、]/;

const zh = <T extends string>(labels: Record<T, string>) => labels;

export const CATEGORY_ZH = zh<Category>({ basic_theory: '基础理论', applied_technology: '应用技术', soft_science: '软科学' });
export const FIELD_ZH = Object.fromEntries(FIELDS.map((f) => [f, FIELD_LABELS[f].zh])) as Record<Field, string>;
export const FORM_ZH = zh<Form>({
  new_technology: '新技术', new_process: '新工艺', new_product: '新产品', new_material: '新材料', new_equipment: '新装备',
  biomedicine: '生物医药', new_variety: '新品种', standard: '标准', other: '其他',
});
export const STAGE_ZH = zh<Stage>({ early: '初期阶段', pilot: '中期阶段', mature: '成熟应用阶段' });
export const LEVEL_ZH = zh<Level>({
  international_leading: '国际领先', international_advanced: '国际先进', domestic_leading: '国内领先', domestic_advanced: '国内先进', not_evaluated: '未评价',
});
export const IP_TYPE_ZH = zh<IpType>({
  invention_patent: '发明专利', utility_model: '实用新型专利', ic_layout: '集成电路布图设计', software_copyright: '软件著作权',
  plant_variety: '植物新品种权', trade_secret: '技术秘密', other: '其他', none: '无',
});
export const DEAL_TYPE_ZH = zh<DealType>({ license: '技术许可', transfer: '技术转让', equity: '作价投资', cooperation: '研发合作' });
export const FUNDING_SOURCE_ZH = zh<FundingSource>({
  fiscal_national: '国家财政', fiscal_regional: '自治区财政', fiscal_corps: '兵团财政', enterprise: '企业自筹', other: '其他',
});

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
  dealType: enumReader(DEAL_TYPES, DEAL_TYPE_ZH),
  fundingSource: enumReader(FUNDING_SOURCES, FUNDING_SOURCE_ZH),
};
