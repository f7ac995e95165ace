// Messages of the deal room's confirmations (accepting terms, signing) and of the NDA and contract texts.

export const dealConfirmZh = {
  'confirm.acceptTerms': '确认接受以下条款？',
  'confirm.signContract': '确认按以下条款签署合同？',
  'confirm.signNda': '确认签署以下保密协议？',
  'confirm.hint': '确认后即发送，无法撤回。取消则不发送任何内容。',
  'confirm.confirm': '确认',
  'nda.title': '保密协议',
  'nda.loading': '正在载入保密协议文本…',
  'nda.changed': '保密协议文本已更新（例如成果名称有变），请阅读新文本后再签署。',
  'nda.download': '下载已签署的保密协议',
  'nda.signedBy': '已签署',
  'contract.title': '技术合同',
  'contract.download': '下载合同文本（PDF）',
  'contract.downloadSigned': '下载已签署的合同',
  'contract.hash': '文本摘要（SHA-256）',
  'contract.changed': '合同文本已更新（例如成果名称或单位名称有变），请下载阅读新文本后再签署。',
  'deals.contractValueHint': '按佣金规则计：许可为入门费加里程碑款，转让为价款，作价投资为估值，研发合作为经费',
} as const;

export const dealConfirmEn: Record<keyof typeof dealConfirmZh, string> = {
  'confirm.acceptTerms': 'Accept these terms?',
  'confirm.signContract': 'Sign the contract on these terms?',
  'confirm.signNda': 'Sign this non-disclosure agreement?',
  'confirm.hint': 'Once confirmed it is sent and cannot be taken back. Cancel sends nothing.',
  'confirm.confirm': 'Confirm',
  'nda.title': 'Non-disclosure agreement',
  'nda.loading': 'Loading the NDA text…',
  'nda.changed': 'The NDA text has changed (for example the listing title); read the new text before signing.',
  'nda.download': 'Download the signed NDA',
  'nda.signedBy': 'Signed',
  'contract.title': 'Technology contract',
  'contract.download': 'Download the contract (PDF)',
  'contract.downloadSigned': 'Download the signed contract',
  'contract.hash': 'Text digest (SHA-256)',
  'contract.changed':
    'The contract text has changed (for example a listing or organization name); download and read the new text before signing.',
  'deals.contractValueHint':
    'As the commission counts it: licence upfront fee plus milestones, transfer price, equity valuation, cooperation budget',
};
