import type { Category, DealForm, FundingSource, IpType, Label, Level, Form, Stage } from './listing.js';

// The labels of a listing's closed sets, in DOMAIN.md's words (zh-CN from the glossary and MOST's registration
// form): the web app shows them, the exchange export and the reports write them.

export const DEAL_FORM_LABELS: Record<DealForm, Label> = {
  license: { zh: '技术许可', en: 'Licence' },
  transfer: { zh: '技术转让', en: 'Transfer' },
  equity: { zh: '作价投资', en: 'Equity investment' },
  cooperation: { zh: '研发合作', en: 'R&D cooperation' },
};

export const IP_TYPE_LABELS: Record<IpType, Label> = {
  invention_patent: { zh: '发明专利', en: 'Invention patent' },
  utility_model: { zh: '实用新型专利', en: 'Utility model' },
  ic_layout: { zh: '集成电路布图设计', en: 'IC layout design' },
  software_copyright: { zh: '软件著作权', en: 'Software copyright' },
  plant_variety: { zh: '植物新品种', en: 'Plant variety' },
  trade_secret: { zh: '技术秘密', en: 'Trade secret' },
  other: { zh: '其他', en: 'Other' },
  none: { zh: '无', en: 'None' },
};

export const STAGE_LABELS: Record<Stage, Label> = {
  early: { zh: '初期阶段', en: 'Early stage' },
  pilot: { zh: '中期阶段', en: 'Pilot stage' },
  mature: { zh: '成熟应用阶段', en: 'Mature application' },
};

export const LEVEL_LABELS: Record<Level, Label> = {
  international_leading: { zh: '国际领先', en: 'International leading' },
  international_advanced: { zh: '国际先进', en: 'International advanced' },
  domestic_leading: { zh: '国内领先', en: 'Domestic leading' },
  domestic_advanced: { zh: '国内先进', en: 'Domestic advanced' },
  not_evaluated: { zh: '未评价', en: 'Not evaluated' },
};

export const CATEGORY_LABELS: Record<Category, Label> = {
  basic_theory: { zh: '基础理论', en: 'Basic theory' },
  applied_technology: { zh: '应用技术', en: 'Applied technology' },
  soft_science: { zh: '软科学', en: 'Soft science' },
};

export const FORM_LABELS: Record<Form, Label> = {
  new_technology: { zh: '新技术', en: 'New technology' },
  new_process: { zh: '新工艺', en: 'New process' },
  new_product: { zh: '新产品', en: 'New product' },
  new_material: { zh: '新材料', en: 'New material' },
  new_equipment: { zh: '新装备', en: 'New equipment' },
  biomedicine: { zh: '生物医药', en: 'Biomedicine' },
  new_variety: { zh: '新品种', en: 'New variety' },
  standard: { zh: '标准', en: 'Standard' },
  other: { zh: '其他', en: 'Other' },
};

export const FUNDING_SOURCE_LABELS: Record<FundingSource, Label> = {
  fiscal_national: { zh: '国家财政', en: 'National fiscal funds' },
  fiscal_regional: { zh: '自治区财政', en: 'Regional fiscal funds' },
  fiscal_corps: { zh: '兵团财政', en: 'Corps fiscal funds' },
  enterprise: { zh: '企业自筹', en: 'Enterprise funds' },
  other: { zh: '其他', en: 'Other' },
};
