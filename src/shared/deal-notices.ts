// What a deal notification says, for every notice a deal machine or the deal service can send (keys like
// 'deal.termsProposed'), in both UI languages. The machines name a DealNoticeKey, so a notice without its text
// does not compile; tests/unit/deals/notices.test.ts checks both texts of every key.
export const DEAL_NOTICES = {
  'deal.inquiryReceived': ['收到新的交易意向', 'New inquiry received'],
  'deal.marketPriced': ['挂牌交易已成交，请签订技术合同', 'The offering was sold: please sign the contract'],
  'deal.inquiryAccepted': ['成果方已接受意向', 'The seller accepted your inquiry'],
  'deal.ndaSigned': ['对方已签署保密协议', 'The other party signed the NDA'],
  'deal.ndaInForce': ['保密协议已生效', 'The NDA is in force'],
  'deal.termsProposed': ['收到新的条款方案', 'New terms proposed'],
  'deal.termsAccepted': ['对方已接受条款', 'The other party accepted the terms'],
  'deal.termsAgreed': ['双方已就条款达成一致', 'Terms agreed'],
  'deal.termsRejected': ['条款方案被拒绝', 'Terms rejected'],
  'deal.offerExpired': ['条款方案已过期', 'The proposal expired'],
  'deal.publicNoticeStarted': ['交易价格进入公示期', 'The agreed price is under public notice'],
  'deal.objectionRecorded': ['公示期收到异议', 'An objection was recorded during the public notice'],
  'deal.objectionFiled': ['公示收到异议，请成果方答复', 'An objection was filed on the public notice'],
  'deal.objectionDismissed': ['公示异议不成立，公示继续', 'An objection was dismissed: the notice runs on'],
  'deal.objectionUpheld': ['公示异议成立，交易回到协商', 'An objection was upheld: back to negotiation'],
  'deal.pricingDecisionRecorded': ['成果方已登记定价决策', 'The seller recorded its pricing decision'],
  'deal.publicNoticeEnded': ['公示期结束', 'The public notice has ended'],
  'deal.contractSignedByParty': ['对方已签署合同', 'The other party signed the contract'],
  'deal.contractSigned': ['合同已签署', 'The contract is signed'],
  'deal.brokerAssigned': ['已指派技术经理人', 'A broker was assigned'],
  'deal.contractRegistered': ['技术合同已认定登记', 'The technology contract was registered'],
  'deal.milestoneDelivered': ['里程碑已交付，请验收', 'A milestone was delivered for acceptance'],
  'deal.milestoneAccepted': ['里程碑已验收', 'A milestone was accepted'],
  'deal.milestoneChangesRequested': ['里程碑需要修改', 'Changes were requested on a milestone'],
  'deal.declined': ['交易意向被婉拒', 'The inquiry was declined'],
  'deal.withdrawn': ['需求方已撤回交易', 'The buyer withdrew'],
  'deal.expired': ['交易因长期无进展已过期', 'The deal expired for inactivity'],
  'deal.terminated': ['合同已终止', 'The contract was terminated'],
  'deal.completed': ['交易已完成', 'The deal is completed'],
  'deal.royaltyReportDue': [
    '请报告上一半年度的销售额和提成',
    'Please report net sales and royalties for the past half year',
  ],
  'deal.royaltiesReported': ['被许可方已报告提成', 'The licensee reported royalties'],
  'deal.licenseFiled': ['许可合同已向国家知识产权局备案', 'The licence contract was filed with CNIPA'],
  'deal.instalmentPaid': ['转让价款已收到一期', 'An instalment of the transfer price was paid'],
  'deal.transferPaidInFull': ['转让价款已全部付清', 'The transfer price is paid in full'],
  'deal.documentsDelivered': ['成果方已交付技术资料，请验收', 'The technical documents were delivered for acceptance'],
  'deal.deliveryAccepted': ['技术资料已验收', 'The delivery of the technical documents was accepted'],
  'deal.deliveryRejected': [
    '技术资料未通过验收，请补充',
    'The delivered documents were not accepted: please complete them',
  ],
  'deal.filingDueSoon': [
    '许可合同备案将于30日内到期，请尽快向国家知识产权局备案',
    'The CNIPA filing of the licence contract is due within 30 days',
  ],
  'deal.filingLate': ['许可合同备案已逾期', 'The CNIPA filing of the licence contract is overdue'],
  'deal.completionProposed': ['对方提议提前完成许可，请确认', 'The other party proposes to complete the licence early'],
  'deal.minimumRoyaltyInvoiced': [
    '许可年度提成不足最低年度使用费，已开具差额账单',
    'The licence year fell short of the minimum annual royalty: the shortfall is invoiced',
  ],
  'deal.assignmentRegistered': ['权利转移已登记', 'The assignment of the rights was registered'],
  'deal.equityRegistered': ['作价入股已完成工商登记', 'The equity contribution was registered'],
  'deal.appraisalConfirmed': ['资产评估支持约定估值', 'The appraisal supports the agreed valuation'],
  'deal.appraisalBelowValuation': [
    '评估值低于约定估值，请重新协商',
    'The appraisal is below the agreed valuation: please renegotiate',
  ],
  'deal.update': ['交易有新进展', 'There is news on the deal'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

export type DealNoticeKey = keyof typeof DEAL_NOTICES;
export const DEAL_NOTICE_KEYS = Object.keys(DEAL_NOTICES) as DealNoticeKey[];

/** The notification's title in Chinese and English: what happened, and on which technology. */
export function dealNotice(key: DealNoticeKey, listingTitle: string): [zh: string, en: string] {
  const [zh, en] = DEAL_NOTICES[key];
  return [`${zh}：${listingTitle}`, `${en}: ${listingTitle}`];
}
