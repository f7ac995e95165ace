import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Deal, ProposalDiff } from '../api/deal-types.js';
import { useT } from '../i18n/I18nProvider.js';
import { PARTY_LABELS, PROPOSAL_STATUS_LABELS } from './labels.js';
import { leafKey, termPathWords, termValue } from './termFields.js';
import { TermsView } from './TermsView.js';

function Compare({ deal }: { deal: Deal }) {
  const { t, label } = useT();
  const seqs = deal.proposals.map((p) => p.seq);
  const [from, setFrom] = useState(seqs.at(-2) ?? seqs[0]);
  const [to, setTo] = useState(seqs.at(-1) ?? seqs[0]);
  const [diff, setDiff] = useState<ProposalDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const compare = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setDiff(await api.proposalDiff(deal.id, from, to));
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="compare-form" onSubmit={compare} aria-label={t('proposals.compare')}>
      <div className="inline-fields">
        <label htmlFor="diff-from">{t('proposals.from')}</label>
        <select id="diff-from" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
          {seqs.map((s) => (
            <option key={s} value={s}>
              #{s}
            </option>
          ))}
        </select>
        <label htmlFor="diff-to">{t('proposals.to')}</label>
        <select id="diff-to" value={to} onChange={(e) => setTo(Number(e.target.value))}>
          {seqs.map((s) => (
            <option key={s} value={s}>
              #{s}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t('proposals.compare')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {diff &&
        (diff.changes.length === 0 ? (
          <p className="muted" role="status">
            {t('proposals.same')}
          </p>
        ) : (
          <div className="table-scroll" role="status">
            <table className="data-table diff-table">
              <caption>{t('proposals.changes', { from: diff.from, to: diff.to })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('proposals.field')}</th>
                  <th scope="col">#{diff.from}</th>
                  <th scope="col">#{diff.to}</th>
                </tr>
              </thead>
              <tbody>
                {diff.changes.map((c) => (
                  <tr key={c.path}>
                    <th scope="row">{termPathWords(c.path, t)}</th>
                    <td>
                      <del>{termValue(leafKey(c.path), c.from, label)}</del>
                    </td>
                    <td>
                      <ins>{termValue(leafKey(c.path), c.to, label)}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </form>
  );
}

/** Every proposal made in the deal, newest first, each with its terms; any two can be compared. */
export function Proposals({ deal }: { deal: Deal }) {
  const { t, label, date } = useT();
  if (deal.proposals.length === 0) return <p className="muted">{t('proposals.none')}</p>;
  const newestFirst = [...deal.proposals].reverse();
  return (
    <>
      {deal.proposals.length > 1 && <Compare deal={deal} />}
      <ol className="proposal-list" reversed>
        {newestFirst.map((p) => (
          <li key={p.seq} className={`proposal proposal-${p.status}`}>
            <details open={p.status === 'current' || p.seq === newestFirst[0].seq}>
              <summary>
                <strong>#{p.seq}</strong> · {label(PARTY_LABELS[p.by])} ·{' '}
                <time dateTime={p.at}>{date(p.at, true)}</time>
                {' · '}
                <span className="proposal-status">
                  {label(PROPOSAL_STATUS_LABELS[p.status] ?? { zh: p.status, en: p.status })}
                </span>
                {p.acceptedBy.length > 0 && p.status === 'current' && (
                  <>
                    {' '}
                    ·{' '}
                    {t('proposals.acceptedBy', { parties: p.acceptedBy.map((r) => label(PARTY_LABELS[r])).join('、') })}
                  </>
                )}
              </summary>
              <TermsView terms={p.terms} />
              {p.status === 'current' && (
                <p className="muted">{t('proposals.expires', { date: date(p.expiresAt, true) })}</p>
              )}
            </details>
          </li>
        ))}
      </ol>
    </>
  );
}
