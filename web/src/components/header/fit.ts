/**
 * How many of the header's items fit in a row `available` pixels wide, in order, the rest going into a "More"
 * menu `moreWidth` wide: all of them when they fit without the menu. Widths are rounded up and `gap` is the
 * space between neighbours, so that an item is never shown cut. A row not laid out yet (width 0, as under a
 * test DOM) shows every item.
 */
export function fitCount(widths: readonly number[], moreWidth: number, available: number, gap: number): number {
  const total = (n: number) => widths.slice(0, n).reduce((sum, w) => sum + Math.ceil(w), 0) + Math.max(0, n - 1) * gap;
  if (available <= 0 || total(widths.length) <= available) return widths.length;
  let n = widths.length - 1;
  while (n > 0 && total(n) + gap + Math.ceil(moreWidth) > available) n -= 1;
  return n;
}
