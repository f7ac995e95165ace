import { useT } from '../i18n/I18nProvider.js';
import { STATUS_TONES, statusKey } from './labels.js';
import type { OfferingStatus } from './types.js';

export function StatusTag({ status }: { status: OfferingStatus }) {
  const { t } = useT();
  return <span className={`chip chip-${STATUS_TONES[status]}`}>{t(statusKey(status))}</span>;
}
