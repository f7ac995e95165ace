import type { DealForm } from '../../shared/listing.js';
import { IP_TYPE_LABELS } from '../../shared/listing-labels.js';
import type { IpType } from '../../shared/listing.js';
import type { DealTerms } from '../../shared/terms.js';
import { formWording } from './form-clauses.js';

export interface ContractFacts {
  dealId: string;
  form: DealForm;
  terms: DealTerms;
  seller: string;
  buyer: string;
  listingTitle: string;
  registrationNo: string | null;
  ipType: IpType;
  ipNumbers: string[];
  /** The China-calendar date the terms were agreed on: the text names it, so it does not change from day to day. */
  agreedOn: string;
}

/**
 * The contract of a deal's agreed terms, in Chinese, following MOST's model technology contracts for its form,
 * with the clauses a technology contract generally contains (Civil Code Art. 845): definitions, subject, scope,
 * performance plan, place and manner, confidentiality, acceptance, price and payment (Art. 846), breach,
 * improvements (Art. 875), disputes. Its sha256 names the text a signature is given to: any change of a fact
 * (the terms, a name, the listing's numbers) is a new text.
 */
export function renderContract(f: ContractFacts): string {
  const w = formWording(f.form, f.terms);
  const seller = { role: w.sellerRole, name: f.seller };
  const buyer = { role: w.buyerRole, name: f.buyer };
  const [first, second] = w.buyerFirst ? [buyer, seller] : [seller, buyer];
  const ipNumbers = f.ipNumbers.length ? f.ipNumbers.join('、') : '无';
  const articles: [string, string[]][] = [
    [
      '名词和术语',
      [
        '“标的技术”指本合同第二条所列科技成果及实施该成果所需的技术资料。',
        '“技术资料”指与标的技术有关的技术方案、工艺参数、图纸、试验数据、源代码等文件。',
        '“本平台”指科技成果转移转化交易平台，双方在本平台上的电子签署与书面签署具有同等效力。',
      ],
    ],
    [
      '标的',
      [
        `科技成果名称：《${f.listingTitle}》`,
        `成果登记号：${f.registrationNo ?? '（尚未登记）'}`,
        `知识产权类型：${IP_TYPE_LABELS[f.ipType].zh}；知识产权编号：${ipNumbers}`,
      ],
    ],
    ['范围', w.scope],
    ['履行计划、地点和方式', [...w.plan, '履行地点：甲方所在地；技术资料以本平台交易室或双方确认的其他方式交付。']],
    [
      '保密',
      [
        '双方对在订立和履行本合同中知悉的对方技术秘密和经营信息负有保密义务，未经对方书面同意不得向第三方披露（《中华人民共和国民法典》第五百零一条）；本合同终止后，保密义务持续至该信息为公众所知悉时止。',
      ],
    ],
    ['验收标准和方法', [w.acceptance]],
    [
      '价款、报酬及支付方式',
      [
        ...w.price,
        '依照《中华人民共和国民法典》第八百四十六条，以上款项通过本平台开具发票，乙方凭发票向甲方账户支付。',
      ],
    ],
    [
      '违约责任',
      [
        '任何一方违反本合同约定的，应承担继续履行、采取补救措施或者赔偿损失等违约责任。',
        '逾期支付价款的，每逾期一日按应付未付金额的万分之五支付违约金；逾期三十日以上的，守约方可解除合同。',
      ],
    ],
    ['后续改进的提供与分享', [w.improvements]],
    ['争议解决', ['因本合同发生的争议，双方协商解决；协商不成的，可申请科技局调解，或向甲方所在地人民法院提起诉讼。']],
    [
      '其他',
      [
        '本合同经双方在本平台上电子签署后生效；签署时所示文本的 SHA-256 摘要即为所签文本的标识，文本改变后此前的签署不再有效。',
        '本合同可在技术合同登记机构办理认定登记。',
      ],
    ],
  ];
  return [
    w.title,
    '',
    `合同编号：${f.dealId}`,
    `甲方（${first.role}）：${first.name}`,
    `乙方（${second.role}）：${second.name}`,
    `条款议定日期：${f.agreedOn}`,
    '',
    '双方依据《中华人民共和国民法典》第三编第二十章（技术合同）及《中华人民共和国促进科技成果转化法》，经平等协商，就下列科技成果订立本合同，共同遵守。',
    '',
    ...articles.flatMap(([heading, lines], i) => [`第${CHINESE_NUMERALS[i]}条 ${heading}`, ...lines, '']),
    `甲方：${first.name}（签章）`,
    `乙方：${second.name}（签章）`,
    '',
  ].join('\n');
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
