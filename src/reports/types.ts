import type { DealForm } from '../deals/machines/types.js';

// The shapes of the half-year report (半年报, DOMAIN.md "Reporting"), shared by the table that stores each
// organization's figures, the generator that computes them and the Corps-wide aggregate.

/** A half year: H1 is January–June, H2 July–December, China time. */
export interface Period {
  year: number;
  half: 1 | 2;
}
export interface PeriodBounds {
  periodStart: string;
  periodEnd: string;
}

export interface FormFigures {
  form: DealForm;
  /** Deals opened (inquiries) in the period. */
  opened: number;
  /** Contracts signed by both parties in the period. */
  signed: number;
  /** The contract value of the deals signed in the period, fen. */
  contractValue: number;
}

export interface StateCount {
  form: DealForm;
  state: string;
  count: number;
}

/** What the platform recorded for one organization (or the whole Corps) in one half year. Money in fen. */
export interface ReportFigures {
  currency: 'CNY';
  listings: { registered: number; published: number };
  deals: {
    byForm: FormFigures[];
    /** Deals open at some time in the period, by the state they were in at its end (top-level state). */
    byState: StateCount[];
  };
  contractValue: number;
  income: { invoiced: number; paid: number };
  /** certifiedIncome (认定技术交易额, fen): absent from reports drafted before registrations recorded it. */
  contractsRegistered: { count: number; value: number; certifiedIncome?: number };
  vouchersRedeemed: { count: number; amount: number };
  /** Inventor rewards owed (created) in the period and paid in it; reports drafted before rewards lack it. */
  inventorRewards?: { owed: { count: number; amount: number }; paid: { count: number; amount: number } };
}
