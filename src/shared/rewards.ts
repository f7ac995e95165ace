import type { OrganizationType } from './accounts.js';
import { mulBpHalfUp } from './money.js';
import type { FieldError } from './schema-errors.js';

// Inventor rewards (DOMAIN.md "After agreement"; Law on Promoting the Transformation of S&T Achievements,
// Arts. 44–45): what a public-institution seller owes the inventors (完成人) of a result it licenses or transfers.

/**
 * The sellers the law binds: state-funded research institutes and universities (Law Art. 45 binds the unit that
 * owns a result of fiscal funding; an enterprise or an individual seller is not bound that way). Also the sellers
 * whose agreed prices go through a public notice (Law Art. 18).
 */
export const PUBLIC_INSTITUTION_TYPES: readonly OrganizationType[] = ['university', 'institute'];
export const isPublicInstitution = (type: string): boolean =>
  (PUBLIC_INSTITUTION_TYPES as readonly string[]).includes(type);

/**
 * The reward rate when the unit has set none: Law Art. 45(1) — without a rule of the unit or an agreement, not
 * less than 50% of the net income from a transfer or licence. A unit may set its own rate (Art. 44), e.g. 70%.
 */
export const DEFAULT_REWARD_RATE_BP = 5_000;
/** A rate a unit may set: at least 1 bp (a unit's own rule, Art. 44), at most all of the income. */
export const REWARD_RATE_BOUNDS = { min: 1, max: 10_000 } as const;
/** Rewards are published within the unit before they are paid (国发〔2016〕16号: 公示 within the unit, 15 days). */
export const REWARD_PUBLICITY_DAYS = 15;
export const SHARES_TOTAL_BP = 10_000;

/**
 * The reward owed on one payment. "Net income" (净收入) is taken as the amount received on the payment, as the
 * invoice records it, before any tax and with no cost deducted: the platform knows neither the unit's costs nor
 * its tax position, and the larger base never under-rewards. Rounded half up to the fen (DOMAIN.md "Money").
 */
export const rewardOf = (received: number, rateBp: number): number => mulBpHalfUp(received, rateBp);

/**
 * Splits `total` fen by weights so that the parts sum exactly to `total` (largest remainder): each part is
 * floor(total × weight / Σweights); the fen left over go one each to the parts with the largest remainders,
 * the earlier inventor first on a tie. With no weights the split is equal.
 */
export function splitReward(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) throw new RangeError('the weights of a split must add up to more than 0');
  const big = BigInt(total),
    bigSum = BigInt(sum);
  const parts = weights.map((w) => {
    const product = big * BigInt(w);
    return { floor: Number(product / bigSum), remainder: product % bigSum };
  });
  let left = total - parts.reduce((s, p) => s + p.floor, 0);
  const order = parts
    .map((_, i) => i)
    .sort((a, b) =>
      parts[b].remainder > parts[a].remainder ? 1 : parts[b].remainder < parts[a].remainder ? -1 : a - b,
    );
  const result = parts.map((p) => p.floor);
  for (const i of order) {
    if (left-- <= 0) break;
    result[i] += 1;
  }
  return result;
}

/** Each inventor's share in bp: as given, or equal shares when none is given (split as `splitReward` does). */
export function inventorShares(inventors: ReadonlyArray<{ share?: number }>): number[] {
  if (inventors.every((i) => i.share !== undefined)) return inventors.map((i) => i.share!);
  return splitReward(
    SHARES_TOTAL_BP,
    inventors.map(() => 1),
  );
}

/** Shares are all given or none; given, they add up to 10000 bp. `path` is where the inventors are in the body. */
export function inventorShareErrors(inventors: ReadonlyArray<{ share?: number }>, path: string): FieldError[] {
  const given = inventors.filter((i) => i.share !== undefined);
  if (given.length === 0) return [];
  if (given.length < inventors.length)
    return [{ path, message: 'give every inventor a share, or none (equal shares)' }];
  const total = given.reduce((s, i) => s + i.share!, 0);
  return total === SHARES_TOTAL_BP
    ? []
    : [{ path, message: `the inventors' shares add up to ${total} bp, not ${SHARES_TOTAL_BP}` }];
}
