import { useState } from 'react';
import { LooseReportView } from '../../admin/LooseReport.js';
import { isApiError } from '../../api/errors.js';
import { api } from '../../api/index.js';
import { ResourceView } from '../../components/ResourceView.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useT } from '../../i18n/I18nProvider.js';
import { saveBlob } from '../../lib/download.js';
import { useResource } from '../../lib/useResource.js';
import { lastEndedHalf, reportYears } from '../../reports/period.js';

/** The Corps-wide half-year report (半年报), as data and as PDF, when the reporting module provides it. */
export default function Reports() {
  const { t } = useT();
  usePageTitle(t('admin.reports'));
  const [period, setPeriod] = useState(() => lastEndedHalf());
  const report = useResource(
    (signal) => api.halfYearReport(period.year, period.half, signal),
    [period.year, period.half],
  );
  const [pdfError, setPdfError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const years = reportYears(lastEndedHalf().year, period.year);

  const downloadPdf = async () => {
    setPdfError(null);
    try {
      saveBlob(await api.halfYearReportPdf(period.year, period.half), `report-${period.year}H${period.half}.pdf`);
    } catch (err) {
      setPdfError(
        isApiError(err, 'NOT_FOUND') ? t('reports.missing') : isApiError(err) ? err.detail : t('state.error'),
      );
    }
  };

  // Drafting the organizations' reports and reminding the late ones are the bureau's two levers (DOMAIN.md).
  const act = async (action: 'generate' | 'remind') => {
    setPdfError(null);
    setNotice(null);
    try {
      if (action === 'generate') {
        await api.generateHalfYearReports(period.year, period.half);
        setNotice(t('reports.generated'));
        report.reload();
      } else
        setNotice(
          t('reports.reminded', { count: (await api.remindHalfYearReports(period.year, period.half)).reminded }),
        );
    } catch (err) {
      setPdfError(
        isApiError(err, 'NOT_FOUND') ? t('reports.missing') : isApiError(err) ? err.detail : t('state.error'),
      );
    }
  };

  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">{t('admin.reports')}</h2>
      <div className="filters-bar">
        <label htmlFor="report-year">{t('reports.year')}</label>
        <select
          id="report-year"
          value={period.year}
          onChange={(e) => setPeriod((p) => ({ ...p, year: Number(e.target.value) }))}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <label htmlFor="report-half">{t('reports.half')}</label>
        <select
          id="report-half"
          value={period.half}
          onChange={(e) => setPeriod((p) => ({ ...p, half: Number(e.target.value) === 2 ? 2 : 1 }))}
        >
          <option value={1}>{t('reports.h1')}</option>
          <option value={2}>{t('reports.h2')}</option>
        </select>
        <button type="button" className="button button-secondary" onClick={() => void downloadPdf()}>
          {t('reports.pdf')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => void act('generate')}>
          {t('reports.generate')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => void act('remind')}>
          {t('reports.remind')}
        </button>
      </div>
      {pdfError && (
        <p className="form-error" role="alert">
          {pdfError}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ResourceView resource={report} minHeight="20rem" empty={t('reports.missing')}>
        {(data) => <LooseReportView data={data} />}
      </ResourceView>
    </section>
  );
}
