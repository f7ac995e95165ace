import { useT } from '../i18n/I18nProvider.js';
import type { Label } from '../i18n/labels.js';

/** A status as a coloured chip; the colour groups statuses by tone, the text always says which one it is. */
export function StatusChip({
  label,
  tone = 'neutral',
}: {
  label: Label;
  tone?: 'neutral' | 'progress' | 'good' | 'warn' | 'bad';
}) {
  const { label: l } = useT();
  return <span className={`chip chip-${tone}`}>{l(label)}</span>;
}
