// Money is CNY in integer fen everywhere (DOMAIN.md "Money"). These are the one display rule for amounts and the
// one rounding rule for shares of them, for the server, its documents and the web app alike.

export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${value}`);
  }
}

// 123456789 → "¥1,234,567.89"; -5 → "-¥0.05". The digits are split as a string, never divided by 100 in floating
// point (near 2^53 a float quotient can round up into the next yuan), and grouped by hand rather than with Intl so
// that the output never depends on the ICU data or locale of the process that renders it.
export function formatFen(fen: number): string {
  assertSafeInteger(fen, 'amount in fen');
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}¥${digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${digits.slice(-2)}`;
}

// Rates are basis points: 600 → "6%", 650 → "6.5%", 5 → "0.05%".
export function formatRateBp(rateBp: number): string {
  assertSafeInteger(rateBp, 'rate in basis points');
  if (rateBp < 0) throw new RangeError(`a rate must not be negative, got ${rateBp}`);
  const frac = (rateBp % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return `${Math.floor(rateBp / 100)}${frac ? `.${frac}` : ''}%`;
}

const BP_PER_UNIT = 10_000n;

/**
 * amount × bp / 10000, rounded half up, in integer arithmetic: royalties and commissions are fen, and a float
 * product such as 1005 × 0.15 would round the wrong way. BigInt keeps amount × bp exact past 2^53.
 */
export function mulBpHalfUp(amount: number, bp: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`amount must be a non-negative safe integer, got ${amount}`);
  return mulBpSigned(amount, bp);
}

/**
 * The same for a signed amount (a credit line's tax): half away from zero, so the share of -x is exactly
 * -(share of x), and a zero share is never -0.
 */
export function mulBpSigned(amount: number, bp: number): number {
  assertSafeInteger(amount, 'amount');
  if (!Number.isSafeInteger(bp) || bp < 0 || bp > 10_000)
    throw new RangeError(`basis points must be an integer 0–10000, got ${bp}`);
  const product = BigInt(Math.abs(amount)) * BigInt(bp);
  let result = product / BP_PER_UNIT;
  if ((product % BP_PER_UNIT) * 2n >= BP_PER_UNIT) result += 1n;
  const rounded = Number(result);
  return amount < 0 ? 0 - rounded : rounded;
}
