import { Type, type Static } from 'typebox';
import { Nullable, OneOf } from '../platform/http.js';

// Every kind of in-app notification the platform sends, by the feature that sends it. A new notification adds
// its kind here, so the web app (which words and links them) learns of it from the OpenAPI document.
export const NOTIFICATION_KINDS = [
  'deal.update',
  'deal.message',
  'invoice.issued',
  'invoice.paid',
  'invoice.overdue',
  'invoice.voided',
  'invoice.voucher_applied',
  'invoice.advice_submitted',
  'invoice.advice_confirmed',
  'invoice.advice_disputed',
  'voucher.granted',
  'listing.published',
  'listing.rejected',
  'demand.matched',
  'demand.answered',
  'saved_search.match',
  'report.halfYear.draft',
  'report.halfYear.reminder',
  'reward.published',
  'offering.update',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification refers to, for the web app to link and group it; each kind fills the keys it names. */
export const NotificationData = Type.Object({
  titleEn: Type.Optional(Type.String({ description: 'The English title (also at the top level)' })),
  dealId: Type.Optional(Nullable(Type.String())),
  state: Type.Optional(Type.String({ description: "The deal's state when it changed (deal.update)" })),
  invoiceId: Type.Optional(Type.String()),
  total: Type.Optional(Type.Integer({ description: 'Invoice total in fen (invoice.issued)' })),
  adviceId: Type.Optional(Type.String({ description: 'The payment advice (invoice.advice_*)' })),
  voucherId: Type.Optional(Type.String()),
  redemptionId: Type.Optional(Type.String()),
  listingId: Type.Optional(Type.String()),
  registrationNo: Type.Optional(Nullable(Type.String())),
  demandId: Type.Optional(Type.String()),
  responseId: Type.Optional(Type.String({ description: 'The answer to a demand (demand.answered)' })),
  score: Type.Optional(Type.Number({ description: 'Match score 0–100 (demand.matched)' })),
  savedSearchId: Type.Optional(Type.String()),
  offeringId: Type.Optional(Type.String({ description: 'The offering (offering.update)' })),
  year: Type.Optional(Type.Integer()),
  half: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 })),
});
export type NotificationDataValue = Static<typeof NotificationData>;

export const NotificationSchema = Type.Object({
  id: Type.String(),
  kind: OneOf(NOTIFICATION_KINDS),
  title: Type.String(),
  titleEn: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  data: NotificationData,
  readAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
