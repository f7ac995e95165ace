import { Type } from 'typebox';
import { ORGANIZATION_TYPES } from '../db/schema/accounts.js';
import { HALF_YEAR_REPORT_STATUSES } from '../db/schema/reports.js';
import { DEAL_FORMS, FIELDS } from '../shared/listing.js';
import { Nullable, OneOf as E } from '../platform/http.js';
import { CONTRACT_CATEGORIES } from './registrations.js';

const Count = Type.Integer({ minimum: 0 });
const Money = Type.Integer({ description: 'Money in fen (CNY minor unit)' });
const Ref = Type.Object({ id: Type.String(), name: Type.String() });

const PeriodFields = {
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  half: Type.Integer({ minimum: 1, maximum: 2, description: '1: January–June, 2: July–December (China time)' }),
};
export const PeriodQuery = Type.Object(PeriodFields, { additionalProperties: false });
export const PeriodBody = Type.Object(PeriodFields, { additionalProperties: false });
export const CorpsReportQuery = Type.Object(
  { ...PeriodFields, format: Type.Optional(E(['json', 'pdf'] as const)) },
  { additionalProperties: false },
);
export const NarrativeBody = Type.Object(
  { narrative: Type.String({ maxLength: 20_000 }) },
  { additionalProperties: false },
);

const Bounds = { periodStart: Type.String(), periodEnd: Type.String() };
const Form = E(DEAL_FORMS);
const FormFigures = Type.Object({ form: Form, opened: Count, signed: Count, contractValue: Money });
const StateCount = Type.Object({
  form: Form,
  state: Type.String({ description: 'Top-level machine state at the end of the period' }),
  count: Count,
});

export const FiguresSchema = Type.Object({
  currency: Type.Literal('CNY'),
  listings: Type.Object({ registered: Count, published: Count }),
  deals: Type.Object({ byForm: Type.Array(FormFigures), byState: Type.Array(StateCount) }),
  contractValue: Money,
  income: Type.Object({ invoiced: Money, paid: Money }),
  contractsRegistered: Type.Object({ count: Count, value: Money, certifiedIncome: Type.Optional(Money) }),
  vouchersRedeemed: Type.Object({ count: Count, amount: Money }),
  inventorRewards: Type.Optional(
    Type.Object(
      {
        owed: Type.Object({ count: Count, amount: Money }),
        paid: Type.Object({ count: Count, amount: Money }),
      },
      {
        description:
          'Inventor rewards (Law Arts. 44–45) owed on payments received in the period, and those paid in it (by their China date paid); absent from reports drafted before rewards were recorded',
      },
    ),
  ),
});

export const ReportSchema = Type.Object({
  id: Type.String(),
  organization: Type.Object({ id: Type.String(), name: Type.String(), type: E(ORGANIZATION_TYPES) }),
  ...PeriodFields,
  ...Bounds,
  status: E(HALF_YEAR_REPORT_STATUSES),
  figures: FiguresSchema,
  narrative: Type.String(),
  generatedAt: Type.String(),
  submittedAt: Nullable(Type.String()),
  submittedBy: Nullable(Ref),
  updatedAt: Type.String(),
});

export const GenerationSchema = Type.Object({
  ...PeriodFields,
  created: Count,
  refreshed: Count,
  submitted: Type.Integer({ minimum: 0, description: 'Reports already submitted, left as they were' }),
});

const SubmissionCounts = Type.Object({ organizations: Count, submitted: Count, draft: Count });

export const StatusSchema = Type.Object({
  ...PeriodFields,
  ...Bounds,
  counts: SubmissionCounts,
  items: Type.Array(
    Type.Object({
      organization: Type.Object({ id: Type.String(), name: Type.String(), type: E(ORGANIZATION_TYPES) }),
      status: E(HALF_YEAR_REPORT_STATUSES),
      generatedAt: Type.String(),
      submittedAt: Nullable(Type.String()),
    }),
  ),
});

export const ReminderSchema = Type.Object({
  ...PeriodFields,
  reminded: Count,
  organizationIds: Type.Array(Type.String()),
});

export const CorpsReportSchema = Type.Object({
  ...PeriodFields,
  ...Bounds,
  currency: Type.Literal('CNY'),
  totals: Type.Object({
    listingsRegistered: Count,
    listingsPublished: Count,
    dealsOpened: Count,
    dealsSigned: Count,
    contractValue: Money,
    invoiced: Money,
    paid: Money,
    contractsRegistered: Count,
    contractsRegisteredValue: Money,
    contractsCertifiedIncome: Money,
    vouchersRedeemed: Count,
    vouchersRedeemedAmount: Money,
  }),
  byField: Type.Array(
    Type.Object({
      field: E(FIELDS),
      listingsRegistered: Count,
      listingsPublished: Count,
      dealsOpened: Count,
      dealsSigned: Count,
      contractValue: Money,
    }),
  ),
  byForm: Type.Array(FormFigures),
  dealStates: Type.Array(StateCount),
  incomeByMonth: Type.Array(
    Type.Object({ month: Type.String({ description: 'YYYY-MM, China time' }), invoiced: Money, paid: Money }),
  ),
  submissions: SubmissionCounts,
  organizations: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      type: E(ORGANIZATION_TYPES),
      status: E(HALF_YEAR_REPORT_STATUSES),
      submittedAt: Nullable(Type.String()),
    }),
  ),
});

export const RegistrationsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date', description: 'First registration date (China time), included' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Last registration date (China time), included' })),
    format: Type.Optional(E(['json', 'csv'] as const)),
  },
  { additionalProperties: false },
);

export const RegistrationsSchema = Type.Object({
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  currency: Type.Literal('CNY'),
  count: Count,
  totalValue: Money,
  totalCertifiedIncome: Money,
  byRegistry: Type.Array(Type.Object({ registry: Nullable(Type.String()), count: Count, certifiedIncome: Money })),
  items: Type.Array(
    Type.Object({
      dealId: Type.String(),
      registrationNo: Type.String(),
      category: Type.Object({
        code: E(CONTRACT_CATEGORIES),
        name: Type.String({ description: 'Civil Code Art. 843: 技术开发, 技术转让, 技术许可, 技术咨询, 技术服务' }),
      }),
      dealType: Form,
      seller: Ref,
      buyer: Ref,
      contractValue: Money,
      signedAt: Nullable(Type.String()),
      registeredAt: Type.String({ description: 'When the registration was recorded on the platform' }),
      registry: Nullable(Type.String({ description: 'The registration body (认定登记机构)' })),
      registeredOn: Nullable(Type.String({ description: "The registry's date, YYYY-MM-DD" })),
      certifiedIncome: Nullable(Money),
      confirmedAt: Nullable(Type.String({ description: 'When the admin, as registry, confirmed it' })),
    }),
  ),
});

/** A binary document in a response (sent as it is, never serialized). */
export const FileBody = Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary' });
