// Money is CNY in integer fen everywhere (DOMAIN.md "Money"). This is the one display rule for amounts; the web
// app mirrors it, so an invoice reads the same on screen and on paper.

export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${value}`);
  }
}

// 123456789 → "¥1,234,567.89"; -5000 → "-¥50.00". Digits are grouped by hand rather than with Intl so that the
// output never depends on the ICU data or locale of the process that renders it.
export function formatFen(fen: number): string {
  assertSafeInteger(fen, 'amount in fen');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toString();
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}¥${yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

// Tax rates are basis points: 600 → "6%", 650 → "6.5%", 5 → "0.05%".
export function formatRateBp(rateBp: number): string {
  assertSafeInteger(rateBp, 'tax rate in basis points');
  if (rateBp < 0) throw new RangeError(`tax rate must not be negative, got ${rateBp}`);
  const frac = (rateBp % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return `${Math.floor(rateBp / 100)}${frac ? `.${frac}` : ''}%`;
}
