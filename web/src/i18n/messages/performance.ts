// Messages of a signed deal's performance under machine version 3: delivery of the technical documents, the
// licence's term, early completion, filing lateness and the minimum annual royalty per licence year.

export const performanceZh = {
  'progress.delivery': '技术资料交付',
  'progress.deliveryDelivered': '已交付，待需求方验收',
  'progress.deliveryRejected': '已退回补充',
  'progress.deliveryAccepted': '已验收',
  'progress.filingLate': '已逾期',
  'progress.filingNotRequired': '非专利许可，无需备案',
  'progress.endsAt': '许可期限届满',
  'progress.completionAgreed': '已同意提前完成',
  'progress.licenceYears': '最低年度许可使用费结算',
  'progress.licenceYear': '许可年度',
  'progress.shortfall': '差额（已开票）',
};

export const performanceEn: Record<keyof typeof performanceZh, string> = {
  'progress.delivery': 'Delivery of the technical documents',
  'progress.deliveryDelivered': 'Delivered, awaiting the buyer’s acceptance',
  'progress.deliveryRejected': 'Returned for completion',
  'progress.deliveryAccepted': 'Accepted',
  'progress.filingLate': 'overdue',
  'progress.filingNotRequired': 'Not a patent licence: no filing',
  'progress.endsAt': 'Licence term ends',
  'progress.completionAgreed': 'Agreed to complete early',
  'progress.licenceYears': 'Minimum annual royalty by licence year',
  'progress.licenceYear': 'Licence year',
  'progress.shortfall': 'Shortfall (invoiced)',
};
