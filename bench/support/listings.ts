import { DEAL_FORMS, FIELDS, FUNDING_SOURCES, LEVELS, STAGES, type Field } from '../../src/shared/listing.js';
import type { ListingInput } from '../../src/listings/schemas.js';

// Realistic bilingual listings: a subject per field, a technique and a benefit, combined so titles vary and the
// benched queries match a realistic share of the index (a few percent to a quarter).
const SUBJECTS: Record<Field, Array<[string, string]>> = {
  modern_agriculture: [
    ['棉花', 'cotton'],
    ['滴灌', 'drip irrigation'],
    ['番茄', 'tomato'],
    ['红枣', 'jujube'],
    ['小麦', 'wheat'],
    ['节水灌溉', 'water-saving irrigation'],
  ],
  intelligent_manufacturing: [
    ['采棉机', 'cotton picker'],
    ['工业机器人', 'industrial robot'],
    ['数控机床', 'CNC machine tool'],
    ['北斗导航', 'BeiDou navigation'],
  ],
  information_network: [
    ['物联网', 'Internet of Things'],
    ['边缘计算', 'edge computing'],
    ['区块链', 'blockchain'],
    ['5G 专网', 'private 5G network'],
  ],
  new_energy: [
    ['光伏', 'photovoltaic'],
    ['风电', 'wind power'],
    ['储能电池', 'energy storage battery'],
    ['氢能', 'hydrogen energy'],
  ],
  new_materials: [
    ['石墨烯', 'graphene'],
    ['纳米涂层', 'nano coating'],
    ['碳纤维', 'carbon fibre'],
    ['可降解地膜', 'biodegradable mulch film'],
  ],
  resource_environment: [
    ['盐碱地', 'saline-alkali soil'],
    ['污水处理', 'wastewater treatment'],
    ['畜禽粪污', 'livestock manure'],
    ['荒漠化防治', 'desertification control'],
  ],
  smart_city: [
    ['智慧团场', 'smart regiment farm'],
    ['智能交通', 'intelligent transport'],
    ['城市大脑', 'city brain'],
    ['智慧供热', 'smart district heating'],
  ],
  population_health: [
    ['包虫病', 'echinococcosis'],
    ['诊断试剂', 'diagnostic reagent'],
    ['中药材', 'traditional Chinese medicine'],
    ['疫苗', 'vaccine'],
  ],
};
const TECHNIQUES: Array<[string, string]> = [
  ['智能监测系统', 'intelligent monitoring system'],
  ['一体化技术', 'integrated technology'],
  ['高效制备工艺', 'efficient preparation process'],
  ['精准调控方法', 'precise control method'],
  ['远程控制平台', 'remote control platform'],
  ['快速检测装置', 'rapid detection device'],
  ['低成本生产线', 'low-cost production line'],
  ['抗逆新品种', 'stress-resistant variety'],
];
const BENEFITS = [
  '节水 30% 以上',
  '增产 12%',
  '能耗降低 25%',
  '成本下降 40%',
  '检测时间缩短至 15 分钟',
  '使用寿命延长 3 倍',
  '人工减少一半',
];
const REGIONS = ['第八师石河子市', '第一师阿拉尔市', '第六师五家渠市', '第七师胡杨河市', '第十二师', '乌鲁木齐市'];
const IP = [
  { ipType: 'invention_patent', ipNumbers: ['ZL201910123456.7'] },
  { ipType: 'utility_model', ipNumbers: ['ZL202120345678.9'] },
  { ipType: 'software_copyright', ipNumbers: ['2021SR0123456'] },
  { ipType: 'trade_secret', ipNumbers: [] },
  { ipType: 'none', ipNumbers: [] },
] as const;

// A deterministic pseudo-random sequence, so every run indexes the same corpus.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
}

export function benchListing(i: number, overrides: Partial<ListingInput> = {}): ListingInput {
  const r = rng(i * 7919 + 13);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const field = FIELDS[i % FIELDS.length];
  const [subject, subjectEn] = pick(SUBJECTS[field]);
  const [technique, techniqueEn] = pick(TECHNIQUES);
  const benefit = pick(BENEFITS);
  const trl = 1 + Math.floor(r() * 9);
  const ip = pick(IP);
  const dealTypes = DEAL_FORMS.filter(() => r() < 0.5);
  return {
    title: `${subject}${technique}（第 ${i + 1} 号）`,
    titleEn: `${subjectEn} ${techniqueEn} No. ${i + 1}`,
    summary: `面向兵团${subject}应用场景的${technique}，${benefit}，已在 ${1 + Math.floor(r() * 9)} 个团场示范。An ${techniqueEn} for ${subjectEn}.`,
    description: `本成果围绕${subject}开展${technique}研究，包括关键工艺、核心装置与配套软件。`,
    keywords: [subject, technique.slice(0, 4), subjectEn],
    category: 'applied_technology',
    field,
    form: pick(['new_technology', 'new_process', 'new_product', 'new_equipment'] as const),
    trl,
    stage: trl <= 3 ? 'early' : trl <= 6 ? 'pilot' : pick(STAGES),
    level: pick(LEVELS),
    ipType: ip.ipType,
    ipNumbers: [...ip.ipNumbers],
    dealTypes: dealTypes.length ? dealTypes : ['license'],
    askingPrice: r() < 0.1 ? null : (1 + Math.floor(r() * 200)) * 500_000,
    fundingSource: pick(FUNDING_SOURCES),
    region: pick(REGIONS),
    inventors: [{ name: '李教授', title: '教授' }],
    contact: { name: '技术转移办公室', phone: '0993-2055000', email: 'ttc@example.edu.cn' },
    ndaRequired: false,
    ...overrides,
  } as ListingInput;
}
