import { useId } from 'react';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

const ROW = 28;
const LABEL_W = 150;
const BAR_W = 260;
const VALUE_W = 70;

/**
 * A horizontal bar chart in plain SVG (no chart library): one row a bar, the label and the figure as text, so
 * it scales with the page and reads without colour. The figures are also in a visually hidden table for
 * screen readers, which do not read SVG text reliably.
 */
export function SvgBars({ title, bars, format }: { title: string; bars: Bar[]; format(n: number): string }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * ROW;
  return (
    <figure className="svg-chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <svg viewBox={`0 0 ${LABEL_W + BAR_W + VALUE_W} ${height}`} role="img" aria-labelledby={id}>
        {bars.map((b, i) => {
          const y = i * ROW;
          const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * BAR_W);
          return (
            <g key={b.key} data-key={b.key}>
              <text x={LABEL_W - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
                {b.label}
              </text>
              <rect className="svg-bar" x={LABEL_W} y={y + 5} width={w} height={ROW - 10} rx={3} />
              <text x={LABEL_W + w + 6} y={y + ROW / 2} dominantBaseline="middle">
                {format(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <tbody>
          {bars.map((b) => (
            <tr key={b.key}>
              <th scope="row">{b.label}</th>
              <td>{format(b.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
