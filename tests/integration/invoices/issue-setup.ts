import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { adminSession, type Session } from '../../helpers/factories.js';
import { dealWithParties, type DealParties } from './fixtures.js';

// The world both invoice-issuing test files start from (issue.test.ts: from deal effects and numbering;
// issue-admin.test.ts: issued by an admin): a fresh app, an admin, and a deal with its parties.

export interface IssuingWorld {
  t: TestApp;
  admin: Session;
  p: DealParties;
}

export async function issuingWorld(): Promise<IssuingWorld> {
  const t = await buildTestApp();
  const admin = await adminSession(t);
  return { t, admin, p: await dealWithParties(t, admin) };
}

/** The running serial of an invoice number (`INV-2026-000042` → 42). */
export const serial = (number: string) => Number(number.slice(-6));
