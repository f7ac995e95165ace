import { useLayoutEffect, useRef, useState } from 'react';
import { fitCount } from './fit.js';

/**
 * The "priority+" pattern: the nav row shows as many items as fit, in order, and the rest go into a menu.
 * `measure` is an invisible copy of every item plus the menu button (last), laid out at its natural width;
 * `row` is the space the nav may take. Recomputed whenever either changes size (window, fonts, language).
 */
export function usePriorityNav(itemCount: number, key: string) {
  const row = useRef<HTMLElement>(null);
  const measure = useRef<HTMLUListElement>(null);
  const [shown, setShown] = useState(itemCount);

  useLayoutEffect(() => {
    const rowEl = row.current;
    const list = measure.current;
    if (!rowEl || !list) return;
    const compute = () => {
      const widths = [...list.children].map((c) => c.getBoundingClientRect().width);
      const more = widths.pop() ?? 0;
      const gap = parseFloat(getComputedStyle(list).columnGap) || 0;
      setShown(fitCount(widths, more, rowEl.clientWidth, gap));
    };
    compute();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(compute);
    observer.observe(rowEl);
    observer.observe(list);
    return () => observer.disconnect();
  }, [itemCount, key]);

  return { row, measure, shown: Math.min(shown, itemCount) };
}
