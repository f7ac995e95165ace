import type { Page } from './types.js';
import type { Deal, DealEventInput, DealHistoryEntry, DealMessage, DealSummary, ProposalDiff } from './deal-types.js';
import type {
  AdviceInput,
  Invoice,
  InvoiceReceipt,
  InvoiceQuery,
  NotificationPage,
  PaymentInput,
  SavedSearch,
  Voucher,
  VoucherGrant,
} from './types.js';
import type { Attachment, AttachmentVisibility, Demand, Listing, ListingInput, ListingSummary } from './types.js';
import type { HalfYearReport, ReportPeriod } from './types.js';
import { idempotency, seg, type Http } from './http.js';
import type { ResponseOf } from './schema.js';

/** The deal's NDA text as the server renders it now, its sha256, and the signed copies. */
export type DealNda = ResponseOf<'/api/deals/{id}/nda'>;

/** The inventor rewards a public-institution seller owes on a deal (Law Arts. 44–45), owed and paid. */
export type DealRewards = ResponseOf<'/api/deals/{id}/rewards'>;
export type InventorReward = DealRewards['items'][number];

/** The documents kept in a deal room (the signed NDA and contract texts among them). */
export type DealDocumentPage = ResponseOf<'/api/deals/{id}/documents'>;

type Paging = { limit?: number; cursor?: string };
const MY_REPORT = '/api/reports/half-year/mine';

/** What sellers, buyers and brokers do: listings, deals, invoices, notifications, saved searches. */
export function workEndpoints({ get, post, patch, del, blob, file, upload }: Http) {
  return {
    myListings: (q: Paging, signal?: AbortSignal) =>
      get<Page<ListingSummary>>('/api/listings', { mine: true, ...q }, signal),
    createListing: (input: ListingInput) => post<Listing>('/api/listings', input),
    updateListing: (id: string, patchBody: Partial<ListingInput>) =>
      patch<Listing>(`/api/listings/${seg(id)}`, patchBody),
    submitListing: (id: string) => post<Listing>(`/api/listings/${seg(id)}/submit`),
    withdrawListing: (id: string) => post<Listing>(`/api/listings/${seg(id)}/withdraw`),
    uploadAttachment: (id: string, file: File, visibility: AttachmentVisibility) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return upload<Attachment>(`/api/listings/${seg(id)}/attachments`, form, { visibility });
    },
    deleteAttachment: (id: string, attachmentId: string) =>
      del(`/api/listings/${seg(id)}/attachments/${seg(attachmentId)}`),
    attachmentFile: (id: string, attachmentId: string) =>
      blob(`/api/listings/${seg(id)}/attachments/${seg(attachmentId)}`),
    myDemands: (q: Paging, signal?: AbortSignal) => get<Page<Demand>>('/api/demands', { mine: true, ...q }, signal),

    listDeals: (q: Paging & { state?: string; type?: string }, signal?: AbortSignal) =>
      get<Page<DealSummary>>('/api/deals', q, signal),
    getDeal: (id: string, signal?: AbortSignal) => get<Deal>(`/api/deals/${seg(id)}`, undefined, signal),
    sendDealEvent: (id: string, expectedVersion: number, event: DealEventInput, key: string) =>
      post<Deal>(`/api/deals/${seg(id)}/events`, { ...event, expectedVersion }, idempotency(key)),
    dealNda: (id: string, signal?: AbortSignal) => get<DealNda>(`/api/deals/${seg(id)}/nda`, undefined, signal),
    // The contract PDF of the agreed terms, and the sha256 of its text that SIGN_CONTRACT sends back.
    dealContract: (id: string, signal?: AbortSignal) =>
      file(`/api/deals/${seg(id)}/contract`, signal).then(({ blob: pdf, headers }) => ({
        pdf,
        sha256: headers.get('x-contract-sha256') ?? '',
      })),
    dealRewards: (id: string, signal?: AbortSignal) =>
      get<DealRewards>(`/api/deals/${seg(id)}/rewards`, undefined, signal),
    payReward: (id: string, body: { paidOn: string; reference: string }) =>
      post<InventorReward>(`/api/rewards/${seg(id)}/payments`, body),
    dealDocuments: (id: string, signal?: AbortSignal) =>
      get<DealDocumentPage>(`/api/deals/${seg(id)}/documents`, undefined, signal),
    dealDocumentFile: (id: string, documentId: string) => blob(`/api/deals/${seg(id)}/documents/${seg(documentId)}`),
    dealHistory: (id: string, signal?: AbortSignal) =>
      get<DealHistoryEntry[]>(`/api/deals/${seg(id)}/history`, undefined, signal),
    dealMessages: (id: string, signal?: AbortSignal) =>
      get<Page<DealMessage>>(`/api/deals/${seg(id)}/messages`, undefined, signal),
    postDealMessage: (id: string, body: string) => post<DealMessage>(`/api/deals/${seg(id)}/messages`, { body }),
    proposalDiff: (id: string, from: number, to: number, signal?: AbortSignal) =>
      get<ProposalDiff>(`/api/deals/${seg(id)}/proposals/diff`, { from, to }, signal),

    listInvoices: (q: InvoiceQuery, signal?: AbortSignal) => get<Page<Invoice>>('/api/invoices', { ...q }, signal),
    invoicePdf: (id: string) => blob(`/api/invoices/${seg(id)}/pdf`),
    dealDossier: (id: string) => blob(`/api/deals/${seg(id)}/dossier`),
    recordPayment: (id: string, input: PaymentInput, key: string) =>
      post<Invoice>(`/api/invoices/${seg(id)}/payments`, input, idempotency(key)),
    uploadReceipt: (id: string, file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return upload<InvoiceReceipt>(`/api/invoices/${seg(id)}/receipts`, form);
    },
    submitAdvice: (id: string, input: AdviceInput, key: string) =>
      post<Invoice>(`/api/invoices/${seg(id)}/advices`, input, idempotency(key)),
    confirmAdvice: (id: string, adviceId: string) =>
      post<Invoice>(`/api/invoices/${seg(id)}/advices/${seg(adviceId)}/confirm`),
    disputeAdvice: (id: string, adviceId: string, reason: string) =>
      post<Invoice>(`/api/invoices/${seg(id)}/advices/${seg(adviceId)}/dispute`, { reason }),
    adviceReceipt: (id: string, adviceId: string) => blob(`/api/invoices/${seg(id)}/advices/${seg(adviceId)}/receipt`),
    voidInvoice: (id: string, reason: string, key: string) =>
      post<Invoice>(`/api/invoices/${seg(id)}/void`, { reason }, idempotency(key)),
    applyVoucher: (id: string, voucherId: string, amount: number, key: string) =>
      post<Invoice>(`/api/invoices/${seg(id)}/vouchers`, { voucherId, amount }, idempotency(key)),
    listVouchers: (q: Paging & { organizationId?: string }, signal?: AbortSignal) =>
      get<Page<Voucher>>('/api/vouchers', q, signal),
    grantVoucher: (input: VoucherGrant, key: string) => post<Voucher>('/api/vouchers', input, idempotency(key)),

    notifications: (q: Paging & { unread?: boolean }, signal?: AbortSignal) =>
      get<NotificationPage>('/api/notifications', q, signal),
    markNotificationRead: (id: string) => post<{ updated: number }>(`/api/notifications/${seg(id)}/read`),
    markAllNotificationsRead: () => post<{ updated: number }>('/api/notifications/read-all'),

    savedSearches: (signal?: AbortSignal) => get<Page<SavedSearch>>('/api/saved-searches', undefined, signal),
    saveSearch: (name: string, query: Record<string, unknown>) =>
      post<SavedSearch>('/api/saved-searches', { name, query }),
    deleteSavedSearch: (id: string) => del(`/api/saved-searches/${seg(id)}`),
    // The caller's organization's half-year report; the period is in the query string for all three verbs.
    myHalfYearReport: (period: ReportPeriod, signal?: AbortSignal) => get<HalfYearReport>(MY_REPORT, period, signal),
    saveReportNarrative: (period: ReportPeriod, narrative: string) =>
      patch<HalfYearReport>(MY_REPORT, { narrative }, period),
    submitHalfYearReport: (period: ReportPeriod) =>
      post<HalfYearReport>(`${MY_REPORT}/submit`, undefined, undefined, period),
  };
}
