import type { ListingStatus, MatchReason, OrganizationType, Role } from '../api/types.js';
import {
  FIELD_LABELS,
  type Category, type DealType, type Field, type Form, type FundingSource, type IpType, type Label, type Level, type Stage,
} from '../../../src/listings/enums.ts';

// Labels for the closed sets the UI shows, in DOMAIN.md's words (zh-CN from the glossary and MOST's
// registration form). Field and TRL labels come from the server's enums so that they exist once.
export { FIELD_LABELS, TRL_LABELS, trlLabel } from '../../../src/listings/enums.ts';
export { POLICY_CATEGORY_LABELS, POLICY_LEVEL_LABELS } from '../../../src/content/enums.ts';
export type { Label };

export const DEAL_TYPE_LABELS: Record<DealType, Label> = {
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

export const ROLE_LABELS: Record<Role, Label> = {
  seller: { zh: '成果方', en: 'Seller' },
  buyer: { zh: '需求方', en: 'Buyer' },
  broker: { zh: '技术经理人', en: 'Broker' },
  admin: { zh: '科技局', en: 'Administrator' },
};

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, Label> = {
  university: { zh: '高等院校', en: 'University' },
  institute: { zh: '科研院所', en: 'Research institute' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  agency: { zh: '技术转移机构', en: 'Technology-transfer agency' },
  individual: { zh: '个人', en: 'Individual' },
};

export const MATCH_REASON_LABELS: Record<MatchReason, Label> = {
  text: { zh: '内容相近', en: 'Similar content' },
  field: { zh: '领域一致', en: 'Same field' },
  dealType: { zh: '转化方式相符', en: 'Deal type fits' },
  budget: { zh: '价格在预算内', en: 'Within budget' },
};

export const LISTING_STATUS_LABELS: Record<ListingStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Awaiting review' },
  published: { zh: '已发布', en: 'Published' },
  rejected: { zh: '已退回', en: 'Returned' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const LISTING_STATUS_TONES: Record<ListingStatus, 'neutral' | 'progress' | 'good' | 'warn' | 'bad'> = {
  draft: 'neutral', submitted: 'progress', published: 'good', rejected: 'warn', withdrawn: 'bad',
};

/** The label of an enum value, or the raw value when the server sends one this build does not know. */
export function labelOf<K extends string>(labels: Record<K, Label>, value: string): Label {
  return (labels as Record<string, Label>)[value] ?? { zh: value, en: value };
}

export const fieldLabel = (field: string): Label => labelOf<Field>(FIELD_LABELS, field);
