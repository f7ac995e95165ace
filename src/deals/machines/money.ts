const BP_PER_UNIT = 10_000n;

/**
 * amount × bp / 10000, rounded half up, in integer arithmetic: royalties and commissions are fen, and a float
 * product such as 1005 × 0.15 would round the wrong way. BigInt keeps amount × bp exact past 2^53.
 */
export function mulBpHalfUp(amount: number, bp: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`amount must be a non-negative safe integer, got ${amount}`);
  if (!Number.isSafeInteger(bp) || bp < 0 || bp > 10_000) throw new RangeError(`basis points must be an integer 0–10000, got ${bp}`);
  const product = BigInt(amount) * BigInt(bp);
  let result = product / BP_PER_UNIT;
  if ((product % BP_PER_UNIT) * 2n >= BP_PER_UNIT) result += 1n;
  return Number(result);
}
