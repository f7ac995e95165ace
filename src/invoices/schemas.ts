import { Type } from 'typebox';
import { INVOICE_KINDS } from '../db/schema/invoices.js';
import { Id, ListQuery, Timestamp, Nullable, OneOf as E } from '../platform/http.js';
import { ADVICE_STATUSES, INVOICE_STATUSES } from '../shared/invoice.js';
import { LINE_KINDS, TAX_TREATMENTS } from './tax.js';

// Required text must have something besides whitespace.
const Words = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const PositiveFen = Type.Integer({
  minimum: 1,
  maximum: 100_000_000_000_000,
  description: 'Money in fen (CNY minor unit)',
});
const Money = Type.Integer({ description: 'Money in fen (CNY minor unit)' });

/** A PDF document in a response (pdfkit's bytes are sent as they are, never serialized). */
export const PdfBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' });

/** Line kinds that are charged for; a voucher line only ever comes from applying a voucher. */
export const SERVICE_KINDS = LINE_KINDS.filter((k): k is Exclude<typeof k, 'voucher'> => k !== 'voucher');

const Party = Type.Object({
  organizationId: Type.String(),
  name: Type.String(),
  taxId: Nullable(Type.String()),
  address: Nullable(Type.String()),
  bankName: Nullable(Type.String()),
  bankAccount: Nullable(Type.String()),
});

export const InvoiceSchema = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'Gapless per year: INV-2026-000001' }),
  kind: E(INVOICE_KINDS),
  dealId: Nullable(Type.String()),
  ref: Nullable(Type.String({ description: 'The deal obligation it settles, e.g. instalment:1' })),
  replacesInvoiceId: Nullable(Type.String()),
  issuer: Party,
  recipient: Party,
  lines: Type.Array(
    Type.Object({
      kind: E(LINE_KINDS),
      description: Type.String(),
      amount: Money,
      // exempt: a technology line of a registered contract (免税); standard: taxed at taxRateBp.
      taxTreatment: E(TAX_TREATMENTS),
      taxRateBp: Type.Integer(),
      taxAmount: Money,
    }),
  ),
  subtotal: Money,
  tax: Money,
  total: Money,
  currency: Type.Literal('CNY'),
  status: E(INVOICE_STATUSES),
  issuedAt: Type.String(),
  dueAt: Type.String(),
  paid: Money,
  balance: Money,
  vouchers: Type.Array(
    Type.Object({
      id: Type.String(),
      voucherId: Type.String(),
      voucherCode: Type.String(),
      amount: Money,
      appliedAt: Type.String(),
      releasedAt: Nullable(Type.String()),
    }),
  ),
  payments: Type.Array(
    Type.Object({
      id: Type.String(),
      amount: Money,
      reference: Type.String(),
      paidAt: Type.String(),
      recordedAt: Type.String(),
    }),
  ),
  payeeAccount: Nullable(
    Type.Object(
      {
        bankName: Type.String({ description: '开户行' }),
        bankAccount: Type.String({ description: '账号, digits' }),
        bankAccountName: Type.String({ description: '户名' }),
      },
      { description: "Where to pay: the issuer organization's bank account now; null while it has given none" },
    ),
  ),
  advices: Type.Array(
    Type.Object({
      id: Type.String(),
      amount: Money,
      paidOn: Type.String({ description: 'China calendar date the payer paid, YYYY-MM-DD' }),
      reference: Type.String(),
      status: E(ADVICE_STATUSES),
      receipt: Nullable(Type.Object({ filename: Type.String(), mimeType: Type.String(), size: Type.Integer() })),
      disputeReason: Nullable(Type.String()),
      paymentId: Nullable(Type.String({ description: 'The payment that confirming it recorded' })),
      submittedAt: Type.String(),
      decidedAt: Nullable(Type.String()),
    }),
    { description: '付款通知: what the payer says it paid, oldest first' },
  ),
  voidReason: Nullable(Type.String()),
  voidedAt: Nullable(Type.String()),
});

export const IssueInvoiceBody = Type.Object(
  {
    dealId: Type.Optional(Id),
    issuerOrganizationId: Id,
    recipientOrganizationId: Id,
    lines: Type.Array(
      Type.Object(
        { kind: E(SERVICE_KINDS), description: Words(500), amount: PositiveFen },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    dueAt: Timestamp,
    replacesInvoiceId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const PaymentBody = Type.Object(
  {
    amount: PositiveFen,
    reference: Words(100),
    paidAt: Timestamp,
  },
  { additionalProperties: false },
);

export const VoidBody = Type.Object({ reason: Words(1000) }, { additionalProperties: false });

export const ListInvoicesQuery = Type.Object(
  {
    dealId: Type.Optional(Id),
    status: Type.Optional(E(INVOICE_STATUSES)),
    direction: Type.Optional(E(['issued', 'received'] as const)),
    issuedFrom: Type.Optional(Timestamp),
    issuedTo: Type.Optional(Timestamp),
    ...ListQuery,
  },
  { additionalProperties: false },
);

export const VoucherSchema = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'Gapless per year: CXQ-2026-000001' }),
  organization: Type.Object({ id: Type.String(), name: Type.String() }),
  amount: Money,
  redeemed: Money,
  remaining: Money,
  currency: Type.Literal('CNY'),
  serviceKinds: Type.Array(E(SERVICE_KINDS)),
  expiresAt: Type.String(),
  status: E(['active', 'spent', 'expired'] as const),
  note: Nullable(Type.String()),
  grantedAt: Type.String(),
});

export const GrantVoucherBody = Type.Object(
  {
    organizationId: Id,
    amount: PositiveFen,
    expiresAt: Timestamp,
    serviceKinds: Type.Array(E(SERVICE_KINDS), { minItems: 1, maxItems: SERVICE_KINDS.length, uniqueItems: true }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const ListVouchersQuery = Type.Object(
  { organizationId: Type.Optional(Id), ...ListQuery },
  { additionalProperties: false },
);

export const ApplyVoucherBody = Type.Object({ voucherId: Id, amount: PositiveFen }, { additionalProperties: false });

const PeriodQuery = {
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  half: Type.Integer({ minimum: 1, maximum: 2, description: '1: January–June, 2: July–December (China time)' }),
};
export const SettlementsQuery = Type.Object(PeriodQuery, { additionalProperties: false });
export const StatementQuery = Type.Object(
  { ...PeriodQuery, format: Type.Optional(E(['json', 'pdf'] as const)) },
  { additionalProperties: false },
);
export const StatementParams = Type.Object({ issuerOrganizationId: Id }, { additionalProperties: false });

const Issuer = {
  organizationId: Type.String(),
  name: Type.String(),
  taxId: Nullable(Type.String()),
  bankName: Nullable(Type.String()),
  bankAccount: Nullable(Type.String()),
};
const PeriodFields = {
  year: Type.Integer(),
  half: Type.Integer(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  currency: Type.Literal('CNY'),
};

export const SettlementSummarySchema = Type.Object({
  ...PeriodFields,
  items: Type.Array(Type.Object({ ...Issuer, redemptions: Type.Integer(), amount: Money })),
  total: Money,
});

export const SettlementStatementSchema = Type.Object({
  ...PeriodFields,
  issuer: Type.Object(Issuer),
  items: Type.Array(
    Type.Object({
      redemptionId: Type.String(),
      appliedAt: Type.String(),
      voucherId: Type.String(),
      voucherCode: Type.String(),
      holder: Type.Object({ organizationId: Type.String(), name: Type.String() }),
      invoiceId: Type.String(),
      invoiceNumber: Type.String(),
      amount: Money,
    }),
  ),
  count: Type.Integer(),
  total: Money,
});
