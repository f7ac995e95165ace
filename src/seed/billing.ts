import type { BillingInput } from '../accounts/billing.js';
import { updateBilling } from '../accounts/billing.js';
import { submitAdvice } from '../invoices/advices.js';
import { listInvoices } from '../invoices/list.js';
import type { AppContext } from '../platform/context.js';
import { chinaDate } from '../shared/china-time.js';
import { asAuth, type DemoAccountKey, type DemoUsers } from './accounts.js';

// Each demo organization's tax id (a well-formed 统一社会信用代码, check character included, though not a real
// organization's) and the bank account its invoices are paid into, set by its manager through the service.
const DEMO_BILLING: Record<Exclude<DemoAccountKey, 'admin'>, BillingInput> = {
  shzu: {
    taxId: '12650000458401568U',
    bankName: '中国工商银行石河子分行',
    bankAccount: '3006 0211 0902 4500 123',
    bankAccountName: '石河子大学',
  },
  xaas: {
    taxId: '12650000458400125G',
    bankName: '中国农业银行石河子分行',
    bankAccount: '3069 0101 0400 0125 6',
    bankAccountName: '新疆农垦科学院',
  },
  taru: {
    taxId: '126500004584064576',
    bankName: '中国建设银行阿拉尔分行',
    bankAccount: '6505 0165 7100 0000 0457',
    bankAccountName: '塔里木大学',
  },
  oasis: {
    taxId: '91659001MA7ABCDE1X',
    bankName: '中国农业银行石河子分行',
    bankAccount: '3069 0101 0400 1234 5',
    bankAccountName: '石河子绿洲节水科技有限公司',
  },
  tarimAgri: {
    taxId: '91659002MA7FGHJK2Q',
    bankName: '中国建设银行阿拉尔分行',
    bankAccount: '6500 1234 5678 9012 345',
    bankAccountName: '阿拉尔塔河农业装备有限公司',
  },
  kuitun: {
    taxId: '91654003MA7LMNPQ3M',
    bankName: '中国工商银行奎屯分行',
    bankAccount: '3005 0201 0900 1122 334',
    bankAccountName: '奎屯新材料科技股份有限公司',
  },
  ttc: {
    taxId: '12650000MB1234567J',
    bankName: '中国银行乌鲁木齐分行',
    bankAccount: '1074 0000 1234 5678',
    bankAccountName: '兵团技术转移中心',
  },
};

/** Before any deal: invoices issued later capture these details. */
export async function seedBilling(ctx: AppContext, users: DemoUsers) {
  for (const [key, details] of Object.entries(DEMO_BILLING) as [keyof typeof DEMO_BILLING, BillingInput][]) {
    const manager = users[key];
    await updateBilling(ctx, asAuth(manager), manager.organization.id, details);
  }
}

/** After the deals: 绿洲 says it paid the next instalment it owes; 塔里木大学 has yet to confirm it. */
export async function seedPaymentAdvice(ctx: AppContext, users: DemoUsers) {
  const payer = asAuth(users.oasis);
  const owed = (await listInvoices(ctx, payer, { direction: 'received', limit: 50 })).items.find(
    (i) => i.balance > 0 && i.status !== 'void' && i.advices.length === 0,
  );
  if (!owed) throw new Error('the demo deals left 绿洲 no invoice to pay');
  await ctx.db.transaction((tx) =>
    submitAdvice(ctx, tx, payer, owed.id, {
      amount: owed.balance,
      paidOn: chinaDate(ctx.clock.now()),
      reference: 'ABC-20260002',
    }),
  );
}
