import type { DealSummary } from '../api/deal-types.js';
import { useT } from '../i18n/I18nProvider.js';
import { waitingLabel } from '../../../src/shared/deal-awaited.ts';

/**
 * "To do" (待您办理) only when the deal waits for the caller's own move (the server's `toDo`, from the machine's
 * events for the caller's role); otherwise who the deal waits for. A deal that awaits no one shows nothing.
 */
export function DealWait({ deal }: { deal: Pick<DealSummary, 'toDo' | 'awaiting' | 'role'> }) {
  const { t, label } = useT();
  if (deal.toDo) return <p className="action-needed">{t('deals.yourTurn')}</p>;
  const waiting = waitingLabel(deal.awaiting.filter((a) => a !== deal.role));
  return waiting ? <p className="waiting-for muted">{label(waiting)}</p> : null;
}
