import type { Field } from '../src/shared/listing.js';

/**
 * Bilingual synonyms, as data. Listings are written in Chinese, English or both; a buyer searching 滴灌 must
 * find a listing that only says "drip irrigation", and the other way round. Every term of a group is a synonym
 * of every other term of the same group (Meilisearch synonyms are one-way, so `synonymMap` writes both ways).
 */
export interface SynonymGroup {
  zh: readonly string[];
  en: readonly string[];
}

const g = (zh: string | string[], en: string | string[]): SynonymGroup => ({
  zh: typeof zh === 'string' ? [zh] : zh,
  en: typeof en === 'string' ? [en] : en,
});

// The plan's eight key fields. Meilisearch only matches synonyms of up to three words, so the two long labels
// (资源高效利用和生态环保, 智慧城镇与数字社会) are covered by their halves.
export const FIELD_SYNONYMS: Readonly<Record<Field, readonly SynonymGroup[]>> = {
  information_network: [g('信息网络', ['information network', 'information networks'])],
  intelligent_manufacturing: [g('智能制造', ['intelligent manufacturing', 'smart manufacturing'])],
  modern_agriculture: [g('现代农业', 'modern agriculture')],
  new_energy: [g('新能源', ['new energy', 'renewable energy'])],
  new_materials: [g('新材料', ['new materials', 'new material', 'advanced materials'])],
  resource_environment: [
    g(['资源高效利用', '资源环境'], 'resource efficiency'),
    g(['生态环保', '环境保护', '环保'], 'environmental protection'),
  ],
  smart_city: [g(['智慧城镇', '智慧城市'], ['smart city', 'smart cities']), g('数字社会', 'digital society')],
  population_health: [g('人口健康', 'population health')],
};

// Terms common in the Corps' listings: oasis agriculture, water saving, cotton and specialty crops, energy and
// chemicals in the north, and the platform's own vocabulary.
export const TERM_SYNONYMS: readonly SynonymGroup[] = [
  // water and soil
  g('滴灌', 'drip irrigation'),
  g('膜下滴灌', 'mulched drip irrigation'),
  g('节水灌溉', 'water-saving irrigation'),
  g('节水', 'water saving'),
  g('水肥一体化', ['fertigation', 'water-fertilizer integration']),
  g('盐碱地', ['saline-alkali land', 'saline-alkali soil', 'saline soil']),
  g('土壤改良', ['soil improvement', 'soil amendment']),
  g('地膜', ['plastic mulch', 'mulch film']),
  g('残膜回收', ['residual film recycling', 'film residue recovery']),
  g('荒漠化', 'desertification'),
  // crops and farming
  g('棉花', 'cotton'),
  g('采棉机', ['cotton picker', 'cotton harvester']),
  g('番茄', 'tomato'),
  g('红枣', ['jujube', 'red dates']),
  g('葡萄', 'grape'),
  g('核桃', 'walnut'),
  g('香梨', 'fragrant pear'),
  g('育种', 'breeding'),
  g('种子', 'seed'),
  g('生物农药', 'biopesticide'),
  g('有机肥', 'organic fertilizer'),
  g('化肥', ['fertilizer', 'chemical fertilizer']),
  g('农机', 'agricultural machinery'),
  g('精准农业', 'precision agriculture'),
  g('智慧农业', ['smart agriculture', 'smart farming']),
  g('畜牧', ['animal husbandry', 'livestock']),
  g('兽药', ['veterinary drug', 'veterinary medicine']),
  g('疫苗', 'vaccine'),
  // energy and materials
  g('光伏', ['photovoltaic', 'solar pv']),
  g('风电', ['wind power', 'wind energy']),
  g('储能', 'energy storage'),
  g('氢能', 'hydrogen energy'),
  g('节能', ['energy saving', 'energy efficiency']),
  g('碳中和', 'carbon neutrality'),
  g('煤化工', 'coal chemical industry'),
  g('新能源汽车', ['new energy vehicle', 'electric vehicle']),
  g('石墨烯', 'graphene'),
  g('复合材料', ['composite material', 'composites']),
  g('聚氯乙烯', ['pvc', 'polyvinyl chloride']),
  g('膜', 'membrane'),
  g('反渗透', 'reverse osmosis'),
  g('污水处理', ['wastewater treatment', 'sewage treatment']),
  // information and manufacturing
  g('无人机', ['drone', 'uav', 'unmanned aerial vehicle']),
  g('北斗', 'beidou'),
  g('物联网', ['iot', 'internet of things']),
  g('大数据', 'big data'),
  g('人工智能', ['ai', 'artificial intelligence']),
  g('云计算', 'cloud computing'),
  g('区块链', 'blockchain'),
  g('机器人', 'robot'),
  g('传感器', 'sensor'),
  g('自动驾驶', ['autonomous driving', 'self-driving']),
  // health
  g('医疗器械', 'medical device'),
  g('中药', ['traditional chinese medicine', 'tcm']),
  g('远程医疗', 'telemedicine'),
  // the platform's vocabulary
  g('专利', 'patent'),
  g('发明专利', 'invention patent'),
  g('软件著作权', 'software copyright'),
  g('植物新品种', ['plant variety', 'new plant variety']),
  g('技术许可', ['licence', 'license', 'licensing']),
  g('技术转让', 'technology transfer'),
  g('作价投资', ['equity investment', 'technology equity']),
  g('研发合作', ['r&d cooperation', 'joint research']),
  g('兵团', ['xpcc', 'the corps']),
  g('新疆', 'xinjiang'),
];

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [...Object.values(FIELD_SYNONYMS).flat(), ...TERM_SYNONYMS];

/** The Meilisearch `synonyms` setting: every term maps to all other terms of every group it belongs to. */
export function synonymMap(groups: readonly SynonymGroup[] = SYNONYM_GROUPS): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = [...group.zh, ...group.en];
    for (const term of terms) {
      const others = map.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) others.add(other);
      map.set(term, others);
    }
  }
  return Object.fromEntries([...map].map(([term, others]) => [term, [...others]]));
}

/**
 * Words the Chinese segmenter must keep whole (the Meilisearch `dictionary` setting). Its general-purpose
 * dictionary knows neither 采棉机 nor 滴灌 and reads 采棉机智能 as 采棉·机智·能, so 智能 would not find it.
 * Short terms (2–3 characters) are atomic words: keeping them whole makes their synonyms fire wherever they
 * appear. Longer terms stay out: they are compounds (节水灌溉 = 节水 + 灌溉), and keeping them whole would hide
 * their parts, so that 灌溉 would no longer find 节水灌溉.
 */
export const SEGMENTATION_DICTIONARY: readonly string[] = [
  '智能',
  ...new Set(
    SYNONYM_GROUPS.flatMap((group) => group.zh).filter((term) => [...term].length >= 2 && [...term].length <= 3),
  ),
];
