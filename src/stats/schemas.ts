import { Type, type TSchema } from 'typebox';
import { ORGANIZATION_TYPES } from '../db/schema/accounts.js';
import { LISTING_STATUSES } from '../db/schema/listings.js';
import { DEAL_FORMS, FIELDS } from '../shared/listing.js';
import { OneOf as E } from '../platform/http.js';

const Count = Type.Integer({ minimum: 0 });
const Money = Type.Integer({ description: 'Money in fen (CNY minor unit)' });
const Days = Type.Union([Type.Number(), Type.Null()], {
  description: 'Days, to one decimal; null when no deal was signed',
});
const CountsBy = <const N extends string, T extends TSchema>(name: N, key: T) =>
  Type.Array(Type.Object({ [name]: key, count: Count } as { [P in N]: T } & { count: typeof Count }));
const Trl = Type.Integer({ minimum: 1, maximum: 9 });

export const StatsQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({ format: 'date', description: 'First China calendar date of the series (default: 12 months back)' }),
    ),
    to: Type.Optional(
      Type.String({ format: 'date', description: 'Last China calendar date of the series, included (default: today)' }),
    ),
  },
  { additionalProperties: false },
);

const Measure = { deals: Count, medianDays: Days, meanDays: Days };
const MonthTotals = { dealsSigned: Count, contractValue: Money, invoiced: Money, paid: Money };

export const AdminStatsSchema = Type.Object({
  currency: Type.Literal('CNY'),
  generatedAt: Type.String(),
  listings: Type.Object({
    total: Count,
    byField: CountsBy('field', E(FIELDS)),
    byStatus: CountsBy('status', E(LISTING_STATUSES)),
    byTrl: CountsBy('trl', Trl),
    byOrganizationType: CountsBy('organizationType', E(ORGANIZATION_TYPES)),
  }),
  deals: Type.Object({
    total: Count,
    byForm: CountsBy('form', E(DEAL_FORMS)),
    byState: Type.Array(Type.Object({ form: E(DEAL_FORMS), state: Type.String(), count: Count })),
    timeToSignature: Type.Object(
      {
        overall: Type.Object(Measure),
        byForm: Type.Array(Type.Object({ form: E(DEAL_FORMS), ...Measure })),
      },
      { description: 'Days from the inquiry to the second contract signature' },
    ),
  }),
  contracts: Type.Object(
    {
      registered: Type.Object({
        count: Count,
        value: Money,
        certifiedIncome: Money,
        confirmed: Count,
      }),
    },
    { description: 'Technology-contract registrations (认定登记)' },
  ),
  vouchers: Type.Object({
    granted: Type.Object({ count: Count, amount: Money }),
    redeemed: Type.Object({ count: Count, amount: Money }),
  }),
  series: Type.Object({
    from: Type.String(),
    to: Type.String(),
    months: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM, China time' }), ...MonthTotals })),
    totals: Type.Object(MonthTotals),
  }),
});

export const PublicStatsSchema = Type.Object({
  currency: Type.Literal('CNY'),
  listings: Type.Object({ published: Count, byField: CountsBy('field', E(FIELDS)), byTrl: CountsBy('trl', Trl) }),
  deals: Type.Object({ signed: Count, contractValue: Money }),
  contracts: Type.Object({ registered: Count }),
});
