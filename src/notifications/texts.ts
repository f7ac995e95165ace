import { dealNotice, type DealNoticeKey } from '../shared/deal-notices.js';
import { formatFen } from '../shared/money.js';
import { offeringNotice, type OfferingNoticeKey } from '../shared/offering.js';
import type { NotificationKind } from './schemas.js';

// What every kind of notification says, in both UI languages: one table, so that a kind without its Chinese
// or English sentence does not compile (the mapped type below asks for every kind), and
// tests/unit/notifications/texts.test.ts checks that each sentence is really in its language.

type Texts = readonly [zh: string, en: string];

/** What each kind's sentence is made from. */
export interface NotificationParams {
  'deal.update': { notice: DealNoticeKey; listing: string };
  'deal.message': { listing: string };
  'invoice.issued': { issuer: string; total: number };
  'invoice.paid': { number: string };
  'invoice.overdue': { number: string };
  'invoice.voided': { number: string };
  'invoice.voucher_applied': { number: string; voucher: string; amount: number };
  'invoice.advice_submitted': { number: string; payer: string; amount: number };
  'invoice.advice_confirmed': { number: string; amount: number };
  'invoice.advice_disputed': { number: string; reason: string };
  'voucher.granted': { voucher: string; amount: number };
  'listing.published': { title: string; titleEn: string | null };
  'listing.rejected': { title: string; titleEn: string | null };
  'demand.matched': { demand: string };
  'demand.answered': { demand: string; title: string; titleEn: string | null };
  'saved_search.match': { search: string; title: string; titleEn: string | null };
  /** `label` is the period in Chinese (2026年上半年), `code` its short form (2026-H1). */
  'report.halfYear.draft': { label: string; code: string };
  'report.halfYear.reminder': { label: string; code: string };
  /** `until` is the China date the publicity period ends. */
  'reward.published': { listing: string; total: number; until: string };
  'offering.update': { notice: OfferingNoticeKey; listing: string };
}

const TEXTS: { [K in NotificationKind]: (p: NotificationParams[K]) => Texts } = {
  'deal.update': (p) => dealNotice(p.notice, p.listing),
  'deal.message': (p) => [`交易洽谈新消息：${p.listing}`, `New message in deal room: ${p.listing}`],
  'invoice.issued': (p) => [
    `收到付款通知书：${p.issuer}，${formatFen(p.total)}`,
    `Invoice from ${p.issuer}: ${formatFen(p.total)}`,
  ],
  'invoice.paid': (p) => [`付款通知书 ${p.number} 已付清`, `Invoice ${p.number} is paid`],
  'invoice.overdue': (p) => [`付款通知书 ${p.number} 已逾期`, `Invoice ${p.number} is overdue`],
  'invoice.voided': (p) => [`付款通知书 ${p.number} 已作废`, `Invoice ${p.number} was voided`],
  'invoice.voucher_applied': (p) => [
    `付款通知书 ${p.number} 使用创新券 ${p.voucher} 抵扣 ${formatFen(p.amount)}`,
    `Voucher ${p.voucher} applied to invoice ${p.number}: ${formatFen(p.amount)}`,
  ],
  'invoice.advice_submitted': (p) => [
    `${p.payer} 通知已支付付款通知书 ${p.number}：${formatFen(p.amount)}，请核对到账后确认`,
    `Payment advice from ${p.payer}: ${formatFen(p.amount)} paid on invoice ${p.number}; check your account and confirm`,
  ],
  'invoice.advice_confirmed': (p) => [
    `收款方已确认收到付款通知书 ${p.number} 的款项 ${formatFen(p.amount)}`,
    `The payee confirmed receiving ${formatFen(p.amount)} on invoice ${p.number}`,
  ],
  'invoice.advice_disputed': (p) => [
    `收款方对付款通知书 ${p.number} 的付款通知有异议：${p.reason}`,
    `The payee disputes your payment advice on invoice ${p.number}: ${p.reason}`,
  ],
  'voucher.granted': (p) => [
    `获得创新券 ${p.voucher}（${formatFen(p.amount)}）`,
    `Innovation voucher ${p.voucher} granted (${formatFen(p.amount)})`,
  ],
  'listing.published': (p) => [`成果已发布：${p.title}`, `Listing published: ${p.titleEn ?? p.title}`],
  'listing.rejected': (p) => [`成果登记被退回：${p.title}`, `Listing returned: ${p.titleEn ?? p.title}`],
  'demand.matched': (p) => [
    `新的技术需求与您的成果匹配：${p.demand}`,
    `A new demand matches your listing: ${p.demand}`,
  ],
  'demand.answered': (p) => [
    `您的技术需求“${p.demand}”收到一项成果推荐：${p.title}`,
    `Your demand "${p.demand}" has an answer: ${p.titleEn ?? p.title}`,
  ],
  'saved_search.match': (p) => [
    `「${p.search}」有新成果：${p.title}`,
    `New listing for "${p.search}": ${p.titleEn ?? p.title}`,
  ],
  'report.halfYear.draft': (p) => [
    `${p.label}工作报告草稿已生成，请补充说明后提交`,
    `Your half-year report for ${p.code} is drafted: add your narrative and submit it`,
  ],
  'report.halfYear.reminder': (p) => [
    `请尽快提交${p.label}工作报告`,
    `Reminder: please submit your half-year report for ${p.code}`,
  ],
  'reward.published': (p) => [
    `完成人奖励公示：${p.listing}，共 ${formatFen(p.total)}，公示至 ${p.until}`,
    `Inventor rewards published for ${p.listing}: ${formatFen(p.total)} in all, on notice until ${p.until}`,
  ],
  'offering.update': (p) => offeringNotice(p.notice, p.listing),
};

/** A notification's kind and its sentence in both languages, ready to spread into a NotificationInput. */
export function notificationText<K extends NotificationKind>(kind: K, params: NotificationParams[K]) {
  const [title, titleEn] = TEXTS[kind](params);
  return { kind, title, titleEn };
}
