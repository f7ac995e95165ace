import { chinaDate } from '../../shared/china-time.js';

/** How long the confidentiality obligations last after signing. */
export const NDA_TERM_YEARS = 3;

export interface NdaFacts {
  seller: string;
  buyer: string;
  listingTitle: string;
  registrationNo: string | null;
  /** When the deal was opened: the agreement's date, so that the text does not change from day to day. */
  openedAt: string;
}

/**
 * The standard NDA (保密协议) of a deal, rendered from the parties, the listing and the date. Its sha256 names the
 * text a signature is given to: any change of a fact (the listing renamed, an organization renamed) is a new text.
 * The clauses follow the confidentiality provisions of a technology contract (Civil Code Arts. 501, 845, 868-869)
 * and the protection of trade secrets (Anti-Unfair Competition Law Art. 9).
 */
export function renderNda(f: NdaFacts): string {
  const date = chinaDate(f.openedAt);
  const regNo = f.registrationNo ?? '（尚未登记）';
  return [
    '保密协议',
    '',
    `甲方（披露方、成果方）：${f.seller}`,
    `乙方（接收方、需求方）：${f.buyer}`,
    `标的科技成果：《${f.listingTitle}》，成果登记号：${regNo}`,
    `签订日期：${date}`,
    '',
    '鉴于乙方拟就上述科技成果与甲方洽谈技术转移转化事宜，甲方将向乙方披露与该成果有关的保密信息，双方依据《中华人民共和国民法典》第五百零一条、第八百四十五条及《中华人民共和国反不正当竞争法》第九条，订立本协议。',
    '',
    '第一条 保密信息：指甲方以任何形式向乙方披露的、与上述科技成果有关的技术信息和经营信息，包括但不限于技术方案、工艺参数、试验数据、图纸、源代码、专利申请前的技术内容及本平台上该成果的保密内容。',
    '第二条 保密义务：乙方仅为评估和洽谈上述交易之目的使用保密信息，不得向任何第三方披露，不得用于其他目的；乙方应限定知悉范围，并使知悉人员承担同等保密义务。',
    '第三条 例外：已为公众所知悉的信息、乙方在披露前已合法掌握的信息、从有权披露的第三方合法取得的信息，以及依法律或有权机关要求披露的信息（乙方应及时通知甲方），不属于保密信息。',
    '第四条 返还与销毁：洽谈终止或甲方要求时，乙方应返还或销毁保密信息及其复制件。',
    `第五条 期限：本协议自双方签署之日起生效，保密义务期限为${NDA_TERM_YEARS}年；涉及技术秘密的，保密义务持续至该信息为公众所知悉时止。`,
    '第六条 违约责任：乙方违反本协议的，应赔偿甲方因此遭受的损失。',
    '第七条 争议解决：因本协议发生的争议，双方协商解决；协商不成的，可申请科技局调解，或向甲方所在地人民法院提起诉讼。',
    '第八条 本协议以双方在本平台上的电子签署为准，签署时所示文本的 SHA-256 摘要即为所签文本的标识。',
    '',
    `甲方：${f.seller}`,
    `乙方：${f.buyer}`,
    '',
  ].join('\n');
}
