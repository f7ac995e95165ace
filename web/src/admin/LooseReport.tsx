import { useId, type ReactNode } from 'react';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import {
  DEAL_FORM_LABELS,
  FIELD_LABELS,
  LISTING_STATUS_LABELS,
  ORGANIZATION_TYPE_LABELS,
  type Label,
} from '../i18n/labels.js';
import { DEAL_STATES, stateText } from '../deals/labels.js';
import { INVOICE_STATUS_LABELS } from '../invoices/labels.js';
import { HALF_LABELS } from '../reports/labels.js';
import { CHINA_TIME_ZONE } from '../../../src/shared/china-time.ts';
import { REPORT_KEY_LABELS } from './reportLabels.js';

// Statistics and half-year reports arrive as JSON whose exact shape is the reporting module's business. They
// are drawn by what they hold: numbers as tiles, groups of numbers as bar charts, lists of rows as tables.
// Keys that name money (…Fen, amount, value, income) are integer fen and shown as ¥. Lists of {<name>, count}
// rows (the statistics' "counts by") are bar charts too.

const MONEY_KEY = /(fen|amount|value|income|invoiced|paid|revenue|price|budget)$/i;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCounts = (v: unknown): v is Record<string, number> =>
  isRecord(v) && Object.keys(v).length > 0 && Object.values(v).every((x) => typeof x === 'number');

const CATEGORY_LABELS: Record<string, Label> = {
  ...FIELD_LABELS,
  ...DEAL_FORM_LABELS,
  ...LISTING_STATUS_LABELS,
  ...INVOICE_STATUS_LABELS,
  ...ORGANIZATION_TYPE_LABELS,
  // Deal states by full path and by their top level ("contracting" for "contracting.awaitingBuyer").
  ...Object.fromEntries(
    Object.keys(DEAL_STATES).flatMap((k) => [
      [k, stateText(k).label],
      [k.split('.')[0], stateText(k.split('.')[0]).label],
    ]),
  ),
};

/**
 * A report instant as a China date (and time): the bureau's periods are China-time half years, whose bounds are
 * 16:00 UTC the day before. `periodEnd` is exclusive (the next half's first instant): its last day is shown.
 */
function useChinaTime() {
  const { locale } = useT();
  return (key: string, iso: string) => {
    const at = new Date(iso);
    if (key === 'periodEnd') at.setTime(at.getTime() - 1);
    const timed = key !== 'periodStart' && key !== 'periodEnd';
    return new Intl.DateTimeFormat(locale, {
      dateStyle: timed ? 'medium' : 'long',
      ...(timed ? { timeStyle: 'short' as const } : {}),
      timeZone: CHINA_TIME_ZONE,
    }).format(at);
  };
}

/** "contractValueFen" → "Contract value fen": the best a generic view can do for a key it does not know. */
export const humanize = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

function useKeyName() {
  const { label } = useT();
  return (key: string) => (REPORT_KEY_LABELS[key] ? label(REPORT_KEY_LABELS[key]) : humanize(key));
}

/** [{ field: 'new_energy', count: 3 }, …] → { new_energy: 3, … }; anything else → null. */
function countsOf(rows: unknown[]): Record<string, number> | null {
  if (rows.length === 0 || !rows.every(isRecord)) return null;
  const out: Record<string, number> = {};
  for (const row of rows as Array<Record<string, unknown>>) {
    const keys = Object.keys(row);
    if (keys.length !== 2 || typeof row.count !== 'number') return null;
    const name = keys.find((k) => k !== 'count')!;
    out[String(row[name])] = row.count;
  }
  return out;
}

export function useNumber() {
  const { locale } = useT();
  const n = new Intl.NumberFormat(locale);
  return (key: string, value: number) =>
    MONEY_KEY.test(key) && Number.isSafeInteger(value) ? formatFen(value) : n.format(value);
}

/** A horizontal bar chart as a list: readable by screen readers, no canvas, no layout shift. */
export function BarChart({
  title,
  data,
  money = false,
}: {
  title: string;
  data: Record<string, number>;
  money?: boolean;
}) {
  const { label } = useT();
  const fmt = useNumber();
  const max = Math.max(1, ...Object.values(data));
  const entries = Object.entries(data).sort((a, b) => b[1] - a[1]);
  const id = useId();
  return (
    <figure className="bar-chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <ul>
        {entries.map(([key, value]) => (
          <li key={key}>
            <span className="bar-label">
              {CATEGORY_LABELS[key]
                ? label(CATEGORY_LABELS[key])
                : REPORT_KEY_LABELS[key]
                  ? label(REPORT_KEY_LABELS[key])
                  : /^[1-9]$/.test(key)
                    ? `TRL ${key}`
                    : key}
            </span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(Math.max(0, value) / max) * 100}%` }} />
            </span>
            <span className="bar-value">{fmt(money ? 'amount' : '', value)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function Rows({ title, rows }: { title: string; rows: Array<Record<string, unknown>> }) {
  const fmt = useNumber();
  const name = useKeyName();
  const { label } = useT();
  const time = useChinaTime();
  const cell = (c: string, v: unknown) =>
    typeof v === 'string' && CATEGORY_LABELS[v]
      ? label(CATEGORY_LABELS[v])
      : typeof v === 'string' && ISO_TIME.test(v)
        ? time(c, v)
        : String(v ?? '—');
  // Ids are for links, not for readers.
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter(
    (c) => c !== 'id' && rows.every((r) => !isRecord(r[c]) && !Array.isArray(r[c])),
  );
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {name(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c} className={typeof r[c] === 'number' ? 'num' : undefined}>
                  {typeof r[c] === 'number' ? fmt(c, r[c] as number) : cell(c, r[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// A group whose keys are measures (count, value, medianDays…) reads as figures; one whose keys are categories
// (fields, states, organization types) reads as a chart.
const isMeasureKey = (key: string) =>
  (Boolean(REPORT_KEY_LABELS[key]) && !CATEGORY_LABELS[key]) || MONEY_KEY.test(key) || /days$/i.test(key);
const isFigures = (v: unknown): v is Record<string, number | null> =>
  isRecord(v) &&
  Object.keys(v).length > 0 &&
  Object.entries(v).every(([k, x]) => (typeof x === 'number' || x === null) && isMeasureKey(k));

function Tiles({ data }: { data: Array<[string, number | null]> }) {
  const fmt = useNumber();
  const name = useKeyName();
  return (
    <dl className="stat-tiles">
      {data.map(([k, v]) => (
        <div key={k} className="stat-tile">
          <dt>{name(k)}</dt>
          <dd>{v === null ? '—' : fmt(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** Draws any report object; nested groups get their own heading, one level deeper each time. */
export function LooseReportView({ data, depth = 0 }: { data: Record<string, unknown>; depth?: number }) {
  const { label } = useT();
  const time = useChinaTime();
  const humanize = useKeyName();
  // The period's year and half name it; they are no figures to add up (nor to print as "2,026").
  const isPeriod = (k: string, v: unknown) => (k === 'year' || k === 'half') && typeof v === 'number';
  const tiles = Object.entries(data).filter(([k, v]) => typeof v === 'number' && !isPeriod(k, v)) as Array<
    [string, number]
  >;
  const texts = Object.entries(data)
    .map(([k, v]): [string, unknown] =>
      isPeriod(k, v) ? [k, k === 'half' && (v === 1 || v === 2) ? label(HALF_LABELS[v]) : String(v)] : [k, v],
    )
    .filter(([k, v]) => typeof v === 'string' && v.length < 80 && k !== 'currency') as Array<[string, string]>;
  const Heading = depth === 0 ? 'h3' : 'h4';
  const blocks: ReactNode[] = [];
  for (const [key, value] of Object.entries(data)) {
    const counts = Array.isArray(value) ? countsOf(value) : null;
    if (isFigures(value))
      blocks.push(
        <section key={key} className="report-group">
          <Heading>{humanize(key)}</Heading>
          <Tiles data={Object.entries(value)} />
        </section>,
      );
    else if (isCounts(value))
      blocks.push(<BarChart key={key} title={humanize(key)} data={value} money={MONEY_KEY.test(key)} />);
    else if (counts) blocks.push(<BarChart key={key} title={humanize(key)} data={counts} />);
    else if (Array.isArray(value) && value.length && value.every(isRecord))
      blocks.push(<Rows key={key} title={humanize(key)} rows={value as Array<Record<string, unknown>>} />);
    else if (isRecord(value) && depth < 3) {
      blocks.push(
        <section key={key} className="report-group">
          <Heading>{humanize(key)}</Heading>
          <LooseReportView data={value} depth={depth + 1} />
        </section>,
      );
    }
  }
  return (
    <div className="loose-report">
      {texts.length > 0 && (
        <p className="muted">
          {texts.map(([k, v]) => `${humanize(k)}: ${ISO_TIME.test(v) ? time(k, v) : v}`).join(' · ')}
        </p>
      )}
      {tiles.length > 0 && <Tiles data={tiles} />}
      {blocks}
    </div>
  );
}
