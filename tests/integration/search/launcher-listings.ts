import type { ListingSearchDocument } from '../../../search/documents.js';

// The listings launcher.test.ts indexes into its embedded Meilisearch and then searches: fixed data, so that each
// query, filter, sort and facet count there can be checked by reading this file.

const DAY = 86_400_000;
const base = Date.UTC(2026, 0, 5);

// Ten listings as sellers in the Corps would write them: Chinese with an English title, one English-only,
// one Chinese-only. Regions: 第八师石河子市 (l01 l04 l06), 第一师阿拉尔市 (l02 l03), 第七师胡杨河市 (l05 l07),
// 乌鲁木齐市 (l08 l09 l10).
function listing(
  n: number,
  d: Partial<ListingSearchDocument> &
    Pick<ListingSearchDocument, 'title' | 'summary' | 'field' | 'trl' | 'dealTypes' | 'ipType'>,
): ListingSearchDocument {
  return {
    id: `l${String(n).padStart(2, '0')}`,
    keywords: [],
    organizationId: `org_${n % 3}`,
    organizationName: '石河子大学',
    inventors: ['李明'],
    category: 'applied_technology',
    form: 'new_technology',
    stage: 'pilot',
    level: 'domestic_advanced',
    fundingSource: 'fiscal_corps',
    publishedAt: base + n * DAY,
    ...d,
  };
}
// Region codes (src/shared/regions.ts): 第八师石河子市, 第一师阿拉尔市, 第七师胡杨河市, and Xinjiang (Urumqi's province).
export const S8 = '660800',
  S1 = '660100',
  S7 = '660700',
  URU = '650000';
export const DOCS: ListingSearchDocument[] = [
  listing(1, {
    title: '节水灌溉技术',
    titleEn: 'Water-saving irrigation technology',
    summary: '面向干旱区棉田的节水灌溉集成技术，亩均节水30%以上。',
    field: 'modern_agriculture',
    trl: 7,
    dealTypes: ['license', 'transfer'],
    ipType: 'invention_patent',
    region: S8,
    askingPrice: 50_000_000,
  }),
  listing(2, {
    title: 'Subsurface drip irrigation controller',
    summary: 'An IoT controller that schedules drip irrigation from soil moisture sensors.',
    field: 'modern_agriculture',
    trl: 6,
    dealTypes: ['license'],
    ipType: 'software_copyright',
    region: S1,
    askingPrice: 20_000_000,
    organizationName: 'Tarim University',
  }),
  listing(3, {
    title: '废旧滴灌带回收再利用技术',
    summary: '将废旧滴灌带清洗、破碎、造粒，制成再生塑料制品。',
    field: 'resource_environment',
    trl: 6,
    dealTypes: ['transfer'],
    ipType: 'utility_model',
    region: S1,
    askingPrice: 8_000_000,
  }),
  listing(4, {
    title: '采棉机智能控制系统',
    titleEn: 'Intelligent control system for cotton pickers',
    summary: '基于北斗导航的采棉机自动驾驶与作业监测系统。',
    field: 'intelligent_manufacturing',
    trl: 8,
    dealTypes: ['license', 'equity'],
    ipType: 'invention_patent',
    region: S8,
    askingPrice: 120_000_000,
  }),
  listing(5, {
    title: '盐碱地改良剂',
    titleEn: 'Saline-alkali soil conditioner',
    summary: '一种以脱硫石膏为主要原料的盐碱地土壤改良材料。',
    field: 'new_materials',
    trl: 5,
    dealTypes: ['transfer', 'cooperation'],
    ipType: 'invention_patent',
    region: S7,
  }),
  listing(6, {
    title: '加工番茄高产栽培技术',
    titleEn: 'High-yield cultivation of processing tomatoes',
    summary: '集成密植、水肥一体化与机械采收的番茄栽培模式。',
    field: 'modern_agriculture',
    trl: 9,
    dealTypes: ['license'],
    ipType: 'none',
    region: S8,
    askingPrice: 3_000_000,
  }),
  listing(7, {
    title: '红枣新品种选育',
    titleEn: 'Breeding of a new jujube variety',
    summary: '抗裂果、适宜南疆种植的红枣新品种。',
    field: 'modern_agriculture',
    trl: 7,
    dealTypes: ['transfer'],
    ipType: 'plant_variety',
    region: S7,
    askingPrice: 15_000_000,
  }),
  listing(8, {
    title: '分布式光伏储能微电网',
    titleEn: 'Distributed photovoltaic microgrid with energy storage',
    summary: '适用于团场连队的光伏发电与储能一体化微电网。',
    field: 'new_energy',
    trl: 6,
    dealTypes: ['cooperation', 'equity'],
    ipType: 'invention_patent',
    region: URU,
    askingPrice: 200_000_000,
  }),
  listing(9, {
    title: '石墨烯改性防腐涂料',
    titleEn: 'Graphene-modified anticorrosive coating',
    summary: '涂料耐盐雾2000小时。<script>alert("x")</script>',
    field: 'new_materials',
    trl: 4,
    dealTypes: ['license', 'cooperation'],
    ipType: 'invention_patent',
    region: URU,
    askingPrice: 30_000_000,
  }),
  listing(10, {
    title: '牛羊布鲁氏菌病疫苗',
    titleEn: 'Brucellosis vaccine for cattle and sheep',
    summary: '基因缺失弱毒疫苗，免疫保护期12个月。',
    field: 'population_health',
    trl: 5,
    dealTypes: ['cooperation'],
    ipType: 'invention_patent',
    region: URU,
    askingPrice: 60_000_000,
  }),
];
