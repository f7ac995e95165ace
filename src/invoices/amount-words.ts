import { assertSafeInteger } from '../shared/money.js';

// 大写金额 as the People's Bank of China writes it on settlement documents (《支付结算办法》附件一《正确填写票据和
// 结算凭证的基本规定》; 《会计基础工作规范》第五十二条):
// - 壹贰叁…玖 with 拾佰仟 inside a four-digit section and 万, 亿 between sections; a leading ten is 壹拾;
// - one 零 for a run of inner zeros, including a section that starts with zeros (100,700 → 壹拾万零柒佰);
//   a zero 万 digit followed by a non-zero 千 digit needs none (107,000 → 壹拾万柒仟);
// - "整" after 元 when there is no 角 or 分; none after 角 or 分;
// - 零 after 元 when the 角 is zero but the 分 is not (325.04 → 叁佰贰拾伍元零肆分), and, of the two forms the
//   rules allow when the 元 digit is zero, the one with 零 (1,680.32 → 壹仟陆佰捌拾元零叁角贰分);
// - below one yuan no 元 (0.50 → 伍角); nothing at all is 零元整; a negative amount is prefixed 负.

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SECTION_PLACES = ['仟', '佰', '拾', ''];

// 1..9999 written with 仟佰拾: inner zero runs collapse to one 零, trailing zeros are dropped.
function section(n: number): string {
  const digits = n.toString().padStart(4, '0');
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(digits[i]);
    if (d === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (pendingZero) out += '零';
    out += DIGITS[d] + SECTION_PLACES[i];
    pendingZero = false;
  }
  return out;
}

// A remainder below a 万 or 亿 unit; it needs a leading 零 when its top digit is zero, or when a whole
// four-digit section of zeros stands between it and the part above (1,0000,5000,0000 → 壹万亿零伍仟万).
function tail(rest: number, topDigitPlace: number, skipsSection: boolean): string {
  if (rest === 0) return '';
  return (rest < topDigitPlace || skipsSection ? '零' : '') + integerWords(rest);
}

// A positive whole number of yuan: 亿 sections recurse, so the part above 亿 is written with its own 万.
function integerWords(n: number): string {
  if (n >= 1e8) {
    const yi = Math.floor(n / 1e8);
    return integerWords(yi) + '亿' + tail(n % 1e8, 1e7, yi >= 1e4 && yi % 1e4 === 0);
  }
  if (n >= 1e4) return section(Math.floor(n / 1e4)) + '万' + tail(n % 1e4, 1e3, false);
  return section(n);
}

export function amountInChineseCapitals(fen: number): string {
  assertSafeInteger(fen, 'amount in fen');
  if (fen < 0) return '负' + amountInChineseCapitals(-fen);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';

  const jiaoWords = jiao > 0 ? DIGITS[jiao] + '角' : '';
  const fenWords = cents > 0 ? DIGITS[cents] + '分' : '';
  if (yuan === 0) return jiaoWords + fenWords;

  const yuanWords = integerWords(yuan) + '元';
  if (jiao === 0 && cents === 0) return yuanWords + '整';
  const zeroAfterYuan = jiao === 0 || yuan % 10 === 0 ? '零' : '';
  return yuanWords + zeroAfterYuan + jiaoWords + fenWords;
}
