import type { Label } from './listing.js';

// Where a listing comes from: a closed set (issue #22). The Xinjiang Production and Construction Corps (新疆生产
// 建设兵团) first: its fourteen divisions, each named with the city it runs where there is one (师市合一: the
// division and its city share one administration), then the provincial-level divisions for sellers from outside.
//
// Codes. Provinces carry their GB/T 2260 administrative division code. The divisions have none in GB/T 2260
// (only their cities do, 6590xx, kept as `cityCode`), so a division's code is the Corps' 66 prefix, its number in
// two digits and 00: 660800 is 第八师. 660000 is the Corps itself (its own organs and directly run units), the
// code the registration numbers use (listings/registration.ts).

export interface Region extends Label {
  code: string;
  kind: 'corps' | 'division' | 'province';
  /** GB/T 2260 code of the division's city, where the division runs one. */
  cityCode?: string;
}

const division = (n: number, zh: string, en: string, cityCode?: string): Region => ({
  code: `66${String(n).padStart(2, '0')}00`,
  kind: 'division',
  zh,
  en,
  ...(cityCode ? { cityCode } : {}),
});
const province = (code: string, zh: string, en: string): Region => ({ code, kind: 'province', zh, en });

export const REGIONS: readonly Region[] = [
  { code: '660000', kind: 'corps', zh: '新疆生产建设兵团（兵团直属）', en: 'XPCC (Corps-level units)' },
  division(1, '第一师阿拉尔市', '1st Division, Aral', '659002'),
  division(2, '第二师铁门关市', '2nd Division, Tiemenguan', '659006'),
  division(3, '第三师图木舒克市', '3rd Division, Tumxuk', '659003'),
  division(4, '第四师可克达拉市', '4th Division, Kokdala', '659008'),
  division(5, '第五师双河市', '5th Division, Shuanghe', '659007'),
  division(6, '第六师五家渠市', '6th Division, Wujiaqu', '659004'),
  division(7, '第七师胡杨河市', '7th Division, Huyanghe', '659010'),
  division(8, '第八师石河子市', '8th Division, Shihezi', '659001'),
  division(9, '第九师白杨市', '9th Division, Baiyang', '659012'),
  division(10, '第十师北屯市', '10th Division, Beitun', '659005'),
  division(11, '第十一师', '11th Division'),
  division(12, '第十二师', '12th Division'),
  division(13, '第十三师新星市', '13th Division, Xinxing', '659011'),
  division(14, '第十四师昆玉市', '14th Division, Kunyu', '659009'),
  province('110000', '北京市', 'Beijing'),
  province('120000', '天津市', 'Tianjin'),
  province('130000', '河北省', 'Hebei'),
  province('140000', '山西省', 'Shanxi'),
  province('150000', '内蒙古自治区', 'Inner Mongolia'),
  province('210000', '辽宁省', 'Liaoning'),
  province('220000', '吉林省', 'Jilin'),
  province('230000', '黑龙江省', 'Heilongjiang'),
  province('310000', '上海市', 'Shanghai'),
  province('320000', '江苏省', 'Jiangsu'),
  province('330000', '浙江省', 'Zhejiang'),
  province('340000', '安徽省', 'Anhui'),
  province('350000', '福建省', 'Fujian'),
  province('360000', '江西省', 'Jiangxi'),
  province('370000', '山东省', 'Shandong'),
  province('410000', '河南省', 'Henan'),
  province('420000', '湖北省', 'Hubei'),
  province('430000', '湖南省', 'Hunan'),
  province('440000', '广东省', 'Guangdong'),
  province('450000', '广西壮族自治区', 'Guangxi'),
  province('460000', '海南省', 'Hainan'),
  province('500000', '重庆市', 'Chongqing'),
  province('510000', '四川省', 'Sichuan'),
  province('520000', '贵州省', 'Guizhou'),
  province('530000', '云南省', 'Yunnan'),
  province('540000', '西藏自治区', 'Tibet'),
  province('610000', '陕西省', 'Shaanxi'),
  province('620000', '甘肃省', 'Gansu'),
  province('630000', '青海省', 'Qinghai'),
  province('640000', '宁夏回族自治区', 'Ningxia'),
  province('650000', '新疆维吾尔自治区', 'Xinjiang Uygur Autonomous Region'),
  province('710000', '台湾省', 'Taiwan'),
  province('810000', '香港特别行政区', 'Hong Kong SAR'),
  province('820000', '澳门特别行政区', 'Macao SAR'),
];

export const REGION_CODES = REGIONS.map((r) => r.code) as [string, ...string[]];
export type RegionCode = string;

const BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

export const isRegionCode = (value: unknown): value is RegionCode => typeof value === 'string' && BY_CODE.has(value);

/** The region of a code, or undefined for a code outside the set. */
export const regionOf = (code: string | null | undefined): Region | undefined => (code ? BY_CODE.get(code) : undefined);

// The short names people type and old free-text registrations hold: a division alone (第八师), its city alone
// (石河子市, 石河子), a province without its suffix (江苏).
const short = (r: Region): string[] => {
  if (r.kind === 'corps') return ['新疆生产建设兵团', '兵团'];
  if (r.kind === 'division') {
    const [div, city] = r.zh.match(/^(第.+?师)(.*)$/)!.slice(1);
    return city ? [div, city, city.replace(/市$/, '')] : [div];
  }
  return [r.zh.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '')];
};
const BY_TEXT = new Map<string, string>(
  REGIONS.flatMap((r) => [r.zh, r.en, r.code, ...short(r)].map((t) => [t.toLowerCase(), r.code] as const)),
);

/**
 * The code a free-text region stands for (第八师石河子市, 石河子, 江苏省, 659001 as a city code), or undefined.
 * For data written before regions were a closed set; new input must be a code.
 */
export function regionFromText(text: string | null | undefined): RegionCode | undefined {
  const t = (text ?? '').replace(/\s+/g, '').toLowerCase();
  if (!t) return undefined;
  const byCity = REGIONS.find((r) => r.cityCode === t);
  return BY_TEXT.get(t) ?? byCity?.code;
}
