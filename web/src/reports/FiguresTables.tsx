import type { ReportFigures } from '../api/types.js';
import { stateText } from '../deals/labels.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, labelOf } from '../i18n/labels.js';
import type { MessageKey } from '../i18n/zh-CN.js';

type Row = [MessageKey, number | null, number | null];

/**
 * The figures the platform drafted, as tables a reader can scan and a screen reader can walk: a summary with
 * counts and amounts side by side, the deals per form of transfer, and where the period's deals stood at its end.
 */
export function FiguresTables({ figures }: { figures: ReportFigures }) {
  const { t, label, locale } = useT();
  const n = new Intl.NumberFormat(locale);
  const count = (v: number | null) => (v === null ? '—' : n.format(v));
  const money = (v: number | null) => (v === null ? '—' : formatFen(v));
  const { byForm, byState } = figures.deals;
  const sum = (key: 'opened' | 'signed') => byForm.reduce((total, f) => total + f[key], 0);
  const summary: Row[] = [
    ['myReport.listingsRegistered', figures.listings.registered, null],
    ['myReport.listingsPublished', figures.listings.published, null],
    ['myReport.dealsOpened', sum('opened'), null],
    ['myReport.dealsSigned', sum('signed'), figures.contractValue],
    ['myReport.invoiced', null, figures.income.invoiced],
    ['myReport.paid', null, figures.income.paid],
    ['myReport.contractsRegistered', figures.contractsRegistered.count, figures.contractsRegistered.value],
    ['myReport.vouchersRedeemed', figures.vouchersRedeemed.count, figures.vouchersRedeemed.amount],
  ];

  return (
    <section className="section" aria-labelledby="report-figures">
      <h2 id="report-figures">{t('myReport.figures')}</h2>
      <p className="muted">{t('myReport.figuresHint')}</p>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t('myReport.summary')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('myReport.item')}</th>
              <th scope="col" className="num">
                {t('myReport.count')}
              </th>
              <th scope="col" className="num">
                {t('myReport.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.map(([key, c, m]) => (
              <tr key={key}>
                <th scope="row">{t(key)}</th>
                <td className="num">{count(c)}</td>
                <td className="num">{money(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {byForm.length === 0 ? (
        <p className="muted">{t('myReport.noDeals')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('myReport.byForm')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('myReport.form')}</th>
                <th scope="col" className="num">
                  {t('myReport.dealsOpened')}
                </th>
                <th scope="col" className="num">
                  {t('myReport.dealsSigned')}
                </th>
                <th scope="col" className="num">
                  {t('deals.contractValue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {byForm.map((f) => (
                <tr key={f.form}>
                  <th scope="row">{label(labelOf(DEAL_FORM_LABELS, f.form))}</th>
                  <td className="num">{count(f.opened)}</td>
                  <td className="num">{count(f.signed)}</td>
                  <td className="num">{money(f.contractValue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {byState.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('myReport.byState')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('myReport.form')}</th>
                <th scope="col">{t('myReport.state')}</th>
                <th scope="col" className="num">
                  {t('myReport.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {byState.map((s) => (
                <tr key={`${s.form}|${s.state}`}>
                  <td>{label(labelOf(DEAL_FORM_LABELS, s.form))}</td>
                  <td>{label(stateText(s.state).label)}</td>
                  <td className="num">{count(s.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
