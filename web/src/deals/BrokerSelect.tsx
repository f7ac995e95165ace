import { api } from '../api/index.js';
import type { ControlAria } from '../components/FormField.js';
import { Empty, ErrorState, Loading } from '../components/states.js';
import { useT } from '../i18n/I18nProvider.js';
import { useResource } from '../lib/useResource.js';

/**
 * The bureau picks the broker to assign from the active brokers (GET /api/brokers), as "name — agency". The
 * select stays in place while the list loads or fails, so that its label and the form's tab order never move;
 * it is disabled until there is something to choose.
 */
export function BrokerSelect({ value, onChange, ...aria }: ControlAria & { value: string; onChange(v: string): void }) {
  const { t } = useT();
  const brokers = useResource((signal) => api.brokers(signal), []);
  const items = brokers.status === 'ready' ? brokers.data.items : [];
  return (
    <div className="broker-select">
      <select
        {...aria}
        value={value}
        disabled={items.length === 0}
        aria-busy={brokers.status === 'loading' || undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('listingForm.choose')}</option>
        {items.map((b) => (
          <option key={b.id} value={b.id}>{`${b.name} — ${b.organization.name}`}</option>
        ))}
      </select>
      {brokers.status === 'loading' && <Loading minHeight="2.5rem" label={t('event.brokersLoading')} />}
      {brokers.status === 'error' && <ErrorState error={brokers.error} onRetry={brokers.reload} minHeight="2.5rem" />}
      {brokers.status === 'ready' && items.length === 0 && <Empty minHeight="2.5rem">{t('event.noBrokers')}</Empty>}
    </div>
  );
}
