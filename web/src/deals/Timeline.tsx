import type { DealHistoryEntry } from '../api/deal-types.js';
import { useT } from '../i18n/I18nProvider.js';
import { eventLabel, PARTY_LABELS, stateText } from './labels.js';
import { termValue } from './termFields.js';

// Payload fields worth a line in the timeline (terms are shown in the proposals, not here).
const SHOWN = [
  'reason',
  'registrationNo',
  'filingNo',
  'period',
  'netSales',
  'appraisedValue',
  'registrationRef',
  'commissionRateBp',
];

/** Every accepted event, oldest first: who did what, and the state it led to. */
export function Timeline({ history }: { history: DealHistoryEntry[] }) {
  const { label, date } = useT();
  return (
    <ol className="timeline">
      {history.map((h) => {
        const details = SHOWN.filter((k) => h.payload[k] !== undefined).map((k) =>
          termValue(
            k === 'netSales' || k === 'appraisedValue' ? 'amount' : k === 'commissionRateBp' ? 'royaltyRateBp' : k,
            h.payload[k],
            label,
          ),
        );
        return (
          <li key={h.version} className="timeline-item">
            <time dateTime={h.at}>{date(h.at, true)}</time>
            <p className="timeline-event">
              <strong>{label(eventLabel(h.type))}</strong>
              <span className="muted">
                {' '}
                · {label(PARTY_LABELS[h.actor.role] ?? { zh: h.actor.role, en: h.actor.role })}
              </span>
            </p>
            {h.from !== h.to && (
              <p className="muted timeline-states">
                {h.from ? `${label(stateText(h.from).label)} → ` : ''}
                {label(stateText(h.to).label)}
              </p>
            )}
            {details.length > 0 && <p className="timeline-details">{details.join(' · ')}</p>}
          </li>
        );
      })}
    </ol>
  );
}
