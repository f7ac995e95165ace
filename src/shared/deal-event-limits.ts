// The bounds of deal-event fields, written once: the payload schemas (deal-events.ts) are built from them, and
// the web app's event forms check the same bounds without loading the schema library.

export const REASON_MAX = 1000;
/** Contract registration numbers (技术合同登记号), CNIPA filing numbers, appraisal report numbers. */
export const REGISTRATION_NO_MAX = 64;
/** The body that registered a technology contract (认定登记机构), e.g. 兵团技术市场. */
export const REGISTRY_MAX = 100;
export const APPRAISER_MAX = 200;
export const REGISTRATION_REF_MAX = 100;
/** A milestone or instalment by position: a schedule has at most 50 items (terms.ts). */
export const SCHEDULE_INDEX_MAX = 49;
/** A broker's commission is at most 30% of the contract value, the bureau's cap on brokerage. */
export const COMMISSION_MAX_BP = 3_000;
/** A calendar year, half, quarter or month: 2026, 2026H1, 2026Q3, 2026-07. */
export const ROYALTY_PERIOD = '^\\d{4}(H[12]|Q[1-4]|-(0[1-9]|1[0-2]))?$';
export const ROYALTY_PERIOD_MAX = 7;
/** The deciding body of a pricing decision (e.g. 校长办公会) and the reference of its minutes or appraisal. */
export const DECISION_BODY_MAX = 200;
export const DOCUMENT_REF_MAX = 200;
/** Objections filed on the public notice board: ids as the board assigns them. */
export const OBJECTION_ID_MAX = 40;
