import { Type, type Static, type TSchema } from 'typebox';
import { IP_OWNERSHIPS, LICENSE_TYPES, MAX_FEN, MIN_INVENTOR_REWARD_BP } from './deal.js';
import type { DealForm } from './listing.js';
import { NOT_BLANK, schemaErrors, type FieldError } from './schema-errors.js';

// The terms of each deal form: one schema per form, read by the machines, the events route and the web app's
// forms. Cross-field rules (schedules that add up) follow the schema check; the inventors' share of equity depends on
// the seller too (equityRewardErrors).

export type { FieldError };

export const Fen = (minimum = 0) => Type.Integer({ minimum, maximum: MAX_FEN });
export const Bp = (minimum = 0) => Type.Integer({ minimum, maximum: 10_000 });
export const Text = (maxLength: number) => Type.String({ maxLength, pattern: NOT_BLANK });
export const IsoDate = Type.String({ format: 'date', maxLength: 10 });

export { IP_OWNERSHIPS, LICENSE_TYPES, MAX_FEN, MIN_INVENTOR_REWARD_BP };

export const LicenseTermsSchema = Type.Object(
  {
    licenseType: Type.Enum(LICENSE_TYPES),
    territory: Text(200),
    fieldOfUse: Text(500),
    termMonths: Type.Integer({ minimum: 1, maximum: 600 }),
    upfrontFee: Fen(),
    royaltyRateBp: Bp(),
    minimumAnnualRoyalty: Type.Optional(Fen()),
    milestones: Type.Optional(
      Type.Array(Type.Object({ name: Text(200), amount: Fen(1) }, { additionalProperties: false }), { maxItems: 50 }),
    ),
  },
  { additionalProperties: false },
);

export const TransferTermsSchema = Type.Object(
  {
    price: Fen(1),
    payments: Type.Array(
      Type.Object(
        { name: Text(200), amount: Fen(1), dueDays: Type.Integer({ minimum: 0, maximum: 3650 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 24 },
    ),
  },
  { additionalProperties: false },
);

export const EquityTermsSchema = Type.Object(
  {
    valuation: Fen(1),
    equityPercentBp: Bp(1),
    companyName: Text(200),
    registeredCapital: Fen(1),
    inventorRewardBp: Bp(),
  },
  { additionalProperties: false },
);

export const CooperationTermsSchema = Type.Object(
  {
    scope: Text(2000),
    budget: Fen(),
    ipOwnership: Type.Enum(IP_OWNERSHIPS),
    milestones: Type.Array(
      Type.Object(
        { name: Text(200), amount: Fen(), deliverable: Text(1000), dueDate: IsoDate },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);

export type LicenseTerms = Static<typeof LicenseTermsSchema>;
export type TransferTerms = Static<typeof TransferTermsSchema>;
export type EquityTerms = Static<typeof EquityTermsSchema>;
export type CooperationTerms = Static<typeof CooperationTermsSchema>;
export type DealTerms = LicenseTerms | TransferTerms | EquityTerms | CooperationTerms;

export const TERMS_SCHEMAS = {
  license: LicenseTermsSchema,
  transfer: TransferTermsSchema,
  equity: EquityTermsSchema,
  cooperation: CooperationTermsSchema,
} as const satisfies Record<DealForm, TSchema>;

export function validateTerms(form: DealForm, terms: unknown): FieldError[] {
  const errors = schemaErrors(TERMS_SCHEMAS[form], terms);
  return errors.length > 0 ? errors : crossFieldErrors(form, terms as DealTerms);
}

const sum = (items: ReadonlyArray<{ amount: number }>) => items.reduce((total, item) => total + item.amount, 0);

function crossFieldErrors(form: DealForm, terms: DealTerms): FieldError[] {
  switch (form) {
    case 'transfer': {
      const t = terms as TransferTerms;
      const total = sum(t.payments);
      return total === t.price
        ? []
        : [{ path: 'payments', message: `the payments add up to ${total} fen, not the price of ${t.price} fen` }];
    }
    case 'cooperation': {
      const t = terms as CooperationTerms;
      const total = sum(t.milestones);
      return total === t.budget
        ? []
        : [{ path: 'milestones', message: `the milestones add up to ${total} fen, not the budget of ${t.budget} fen` }];
    }
    case 'equity':
    case 'license':
      return [];
  }
}

/**
 * The inventors' share of the equity (Law on Promoting the Transformation of S&T Achievements, Art. 45(2): at least
 * 50% when the unit has not agreed otherwise). The floor binds public-institution sellers (universities and
 * institutes, shared/rewards.ts), whose results come from fiscal funding and who have no freedom to agree less
 * (国发〔2016〕16号); an enterprise agrees its own share with its inventors (Art. 44), and an individual seller is
 * the inventor. So it is checked where the seller is known: the machines' preconditions and the deal room's form.
 */
export function equityRewardErrors(
  terms: Pick<EquityTerms, 'inventorRewardBp'>,
  publicInstitution: boolean,
): FieldError[] {
  return publicInstitution && terms.inventorRewardBp < MIN_INVENTOR_REWARD_BP
    ? [
        {
          path: 'inventorRewardBp',
          message: `must be at least ${MIN_INVENTOR_REWARD_BP} (50%) for a public institution: Law on Promoting the Transformation of S&T Achievements, Art. 45`,
        },
      ]
    : [];
}

/** The value a deal is worth at signing: the base of the broker's commission and of the reports' contract value. */
export function contractValue(form: DealForm, terms: DealTerms): number {
  switch (form) {
    case 'license': {
      const t = terms as LicenseTerms;
      return t.upfrontFee + sum(t.milestones ?? []);
    }
    case 'transfer':
      return (terms as TransferTerms).price;
    case 'equity':
      return (terms as EquityTerms).valuation;
    case 'cooperation':
      return (terms as CooperationTerms).budget;
  }
}
