import { IP_OWNERSHIP_LABELS, LICENSE_TYPE_LABELS } from '../../shared/deal.js';
import type { DealForm } from '../../shared/listing.js';
import { formatFen, formatRateBp } from '../../shared/money.js';
import type { CooperationTerms, DealTerms, EquityTerms, LicenseTerms, TransferTerms } from '../../shared/terms.js';

// The clauses of a technology contract that depend on its form and agreed terms, worded after MOST's model
// technology contracts (技术合同示范文本): the scope (Civil Code Art. 845), the performance plan, and the price and
// its payment in one of the ways of Civil Code Art. 846 (lump sum, instalments, royalty with or without an entry
// fee). The common clauses and the order of the articles are template.ts's.

export interface FormWording {
  title: string;
  /** How the contract names the seller's and the buyer's organization (甲方 first). */
  sellerRole: string;
  buyerRole: string;
  /** Cooperation (委托开发): the buyer commissions the development, so it is 甲方. */
  buyerFirst: boolean;
  scope: string[];
  plan: string[];
  acceptance: string;
  price: string[];
  improvements: string;
}

const yuan = (fen: number) => `人民币${formatFen(fen).replace('¥', '')}元`;
const numbered = (items: string[]) => items.map((s, i) => `（${i + 1}）${s}`);

// Civil Code Art. 875: the parties may agree how the improvements made after the contract are shared; failing an
// agreement (and Art. 510), neither party is entitled to share the improvements made by the other.
const IMPROVEMENTS_875 =
  '依照《中华人民共和国民法典》第八百七十五条，本合同生效后任何一方对标的技术所作的后续改进，其技术成果归作出改进的一方所有，另一方无权分享；一方愿意许可或转让的，双方另行订立合同。';

function license(t: LicenseTerms): FormWording {
  const fees = [
    t.upfrontFee > 0 ? `入门费${yuan(t.upfrontFee)}，于本合同生效后30日内一次付清` : null,
    t.royaltyRateBp > 0
      ? `提成费：按乙方实施标的技术所得产品净销售额的${formatRateBp(t.royaltyRateBp)}计算，乙方按期报告净销售额，甲方据此开具发票`
      : null,
    t.minimumAnnualRoyalty
      ? `每个许可年度的提成费不低于${yuan(t.minimumAnnualRoyalty)}，不足部分于该年度届满后补足`
      : null,
    ...(t.milestones ?? []).map((m) => `里程碑付款“${m.name}”：${yuan(m.amount)}`),
  ].filter((s): s is string => s !== null);
  return {
    title: '技术许可合同',
    sellerRole: '许可方',
    buyerRole: '被许可方',
    buyerFirst: false,
    scope: [
      `许可方式：${LICENSE_TYPE_LABELS[t.licenseType].zh}。`,
      `许可地域：${t.territory}。`,
      `许可领域：${t.fieldOfUse}。`,
      `许可期限：自本合同生效之日起${t.termMonths}个月。`,
    ],
    plan: [
      '甲方于本合同生效后30日内向乙方交付实施标的技术所必需的技术资料，并提供必要的技术指导。',
      '标的为专利的，甲方于本合同生效之日起3个月内向国家知识产权局办理专利实施许可合同备案。',
    ],
    acceptance: '乙方收到技术资料后15日内验收；资料不完整或不能实施的，甲方应在乙方书面通知后15日内补正。',
    price: fees.length ? numbered(fees) : ['本许可不收取使用费。'],
    improvements: IMPROVEMENTS_875,
  };
}

function transfer(t: TransferTerms): FormWording {
  const single = t.payments.length === 1;
  return {
    title: '技术转让合同',
    sellerRole: '让与方',
    buyerRole: '受让方',
    buyerFirst: false,
    scope: ['甲方将标的技术的全部权利转让给乙方；转让完成后甲方不再实施、许可他人实施标的技术。'],
    plan: [
      '标的为专利或专利申请的，双方于本合同生效后30日内向国家知识产权局办理著录项目变更登记，转让自登记之日起生效（《中华人民共和国专利法》第十条）。',
      '标的为技术秘密或软件等的，甲方交付全部技术资料并经乙方验收后，转让完成。',
    ],
    acceptance: '乙方收到技术资料后15日内验收；登记或交付未完成的，视为甲方未履行。',
    price: [
      `转让价款总额${yuan(t.price)}，${single ? '一次总算、一次总付' : '一次总算、分期支付'}：`,
      ...numbered(t.payments.map((p) => `${p.name}：${yuan(p.amount)}，于本合同生效后${p.dueDays}日内支付`)),
    ],
    improvements: IMPROVEMENTS_875,
  };
}

function equity(t: EquityTerms): FormWording {
  return {
    title: '技术作价投资协议',
    sellerRole: '技术出资方',
    buyerRole: '投资合作方',
    buyerFirst: false,
    scope: [
      `甲方以标的技术作价出资，投入${t.companyName}（以下简称标的公司），取得标的公司${formatRateBp(t.equityPercentBp)}的股权。`,
    ],
    plan: [
      '标的技术作价须经资产评估机构评估；评估值低于约定作价的，双方重新协商作价。',
      '评估确认后，甲方将标的技术权利转移至标的公司，乙方协助标的公司办理股权登记。',
    ],
    acceptance: '标的技术权利转移至标的公司名下，且股权登记完成，视为出资完成。',
    price: [
      `标的技术作价${yuan(t.valuation)}；标的公司注册资本${yuan(t.registeredCapital)}。`,
      `甲方从作价投资取得的股权中提取不低于${formatRateBp(t.inventorRewardBp)}用于奖励成果完成人（《中华人民共和国促进科技成果转化法》第四十五条）。`,
    ],
    improvements: IMPROVEMENTS_875,
  };
}

function cooperation(t: CooperationTerms): FormWording {
  return {
    title: '技术开发（委托）合同',
    sellerRole: '研究开发方',
    buyerRole: '委托方',
    buyerFirst: true,
    scope: [`研究开发内容：${t.scope}`],
    plan: numbered(t.milestones.map((m) => `${m.name}：${m.deliverable}，于${m.dueDate}前完成`)),
    acceptance: '每一阶段成果交付后15日内，甲方按本合同约定的交付物验收；不合格的，乙方应修改后重新交付。',
    price: [
      `研究开发经费和报酬总额${yuan(t.budget)}，按阶段验收支付：`,
      ...numbered(t.milestones.map((m) => `${m.name}验收合格后：${yuan(m.amount)}`)),
    ],
    // Civil Code Arts. 859 and 861 let the parties agree who owns the results of a commissioned development.
    improvements: `依照《中华人民共和国民法典》第八百五十九条、第八百六十一条，本合同研究开发所完成的技术成果${IP_OWNERSHIP_LABELS[t.ipOwnership].zh}；此后的后续改进，依照第八百七十五条归作出改进的一方所有。`,
  };
}

export function formWording(form: DealForm, terms: DealTerms): FormWording {
  switch (form) {
    case 'license':
      return license(terms as LicenseTerms);
    case 'transfer':
      return transfer(terms as TransferTerms);
    case 'equity':
      return equity(terms as EquityTerms);
    case 'cooperation':
      return cooperation(terms as CooperationTerms);
  }
}
