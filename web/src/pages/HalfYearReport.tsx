import { useCallback, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { HalfYearReport, ReportPeriod } from '../api/types.js';
import { RequireAuth } from '../auth/RequireAuth.js';
import { StatusChip } from '../components/StatusChip.js';
import { Empty, ErrorState, Loading } from '../components/states.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { useLive } from '../lib/useLive.js';
import { FiguresTables } from '../reports/FiguresTables.js';
import { HALF_LABELS, REPORT_STATUS } from '../reports/labels.js';
import { NarrativeEditor } from '../reports/NarrativeEditor.js';
import { lastEndedHalf, periodFromParams, reportYears } from '../reports/period.js';
import '../reports/report.css';

function usePeriodName() {
  const { t, label } = useT();
  return (p: ReportPeriod) => t('myReport.periodName', { year: p.year, half: label(HALF_LABELS[p.half]) });
}

function PeriodPicker({ period, onChange }: { period: ReportPeriod; onChange(next: ReportPeriod): void }) {
  const { t } = useT();
  const years = reportYears(lastEndedHalf().year, period.year);
  return (
    <div className="filters-bar" role="group" aria-label={t('myReport.period')}>
      <label htmlFor="my-report-year">{t('reports.year')}</label>
      <select
        id="my-report-year"
        value={period.year}
        onChange={(e) => onChange({ ...period, year: Number(e.target.value) })}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <label htmlFor="my-report-half">{t('reports.half')}</label>
      <select
        id="my-report-half"
        value={period.half}
        onChange={(e) => onChange({ ...period, half: e.target.value === '2' ? 2 : 1 })}
      >
        <option value={1}>{t('reports.h1')}</option>
        <option value={2}>{t('reports.h2')}</option>
      </select>
    </div>
  );
}

function ReportHeader({ report, periodName }: { report: HalfYearReport; periodName: string }) {
  const { t, date } = useT();
  const status = REPORT_STATUS[report.status];
  return (
    <header className="card report-header">
      <div className="row-heading">
        <h2 id="report-heading">
          {report.organization.name} · {periodName}
        </h2>
        <StatusChip label={status.label} tone={status.tone} />
      </div>
      <p className="card-meta">
        <span>{t('myReport.generatedAt', { date: date(report.generatedAt, true) })}</span>
        {report.submittedAt && (
          <span>
            {report.submittedBy
              ? t('myReport.submittedBy', { date: date(report.submittedAt, true), name: report.submittedBy.name })
              : t('myReport.submittedAt', { date: date(report.submittedAt, true) })}
          </span>
        )}
      </p>
    </header>
  );
}

function ReportPanel({ period, onDirty }: { period: ReportPeriod; onDirty(dirty: boolean): void }) {
  const { t } = useT();
  const periodName = usePeriodName()(period);
  const report = useLive((signal) => api.myHalfYearReport(period, signal), []);
  const [notice, setNotice] = useState<{ text: string; warn: boolean } | null>(null);

  if (!report.data) {
    if (report.status === 'loading') return <Loading minHeight="24rem" />;
    if (isApiError(report.error, 'NOT_FOUND')) {
      return (
        <Empty minHeight="12rem">
          <strong>{t('myReport.none')}</strong>
          <span>{t('myReport.noneHint')}</span>
        </Empty>
      );
    }
    return <ErrorState error={report.error} onRetry={report.reload} minHeight="12rem" />;
  }
  const r = report.data;
  return (
    <div className="report" aria-labelledby="report-heading" role="region">
      <ReportHeader report={r} periodName={periodName} />
      {notice && (
        <p className={`notice${notice.warn ? ' notice-warning' : ''}`} role={notice.warn ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <FiguresTables figures={r.figures} />
      {r.status === 'draft' ? (
        <NarrativeEditor
          report={r}
          period={period}
          periodName={periodName}
          onDirty={onDirty}
          onReport={(next, text) => {
            report.set(next);
            if (text) setNotice({ text, warn: false });
          }}
          onConflict={() => {
            setNotice({ text: t('myReport.alreadySubmitted'), warn: true });
            report.reload();
          }}
        />
      ) : (
        <section className="section" aria-labelledby="report-narrative">
          <h2 id="report-narrative">{t('myReport.narrative')}</h2>
          <div className="card narrative">{r.narrative}</div>
        </section>
      )}
    </div>
  );
}

/** The organization's half-year report (半年报): the drafted figures, its narrative, and submission to the bureau. */
export default function HalfYearReportPage() {
  const { t } = useT();
  const periodName = usePeriodName();
  usePageTitle(t('myReport.title'));
  // The period lives in the URL, so that the bureau's reminder links open the period they are about.
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params) ?? lastEndedHalf();
  const dirty = useRef(false);
  const onDirty = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);

  const choose = (next: ReportPeriod) => {
    if (dirty.current && !window.confirm(t('myReport.discard', { period: periodName(period) }))) return;
    setParams({ year: String(next.year), half: String(next.half) });
  };

  return (
    <div className="container narrow-wide">
      <h1>{t('myReport.title')}</h1>
      <p className="muted">{t('myReport.intro')}</p>
      <RequireAuth>
        <PeriodPicker period={period} onChange={choose} />
        <ReportPanel key={`${period.year}H${period.half}`} period={period} onDirty={onDirty} />
      </RequireAuth>
    </div>
  );
}
