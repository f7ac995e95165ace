import { useT } from '../i18n/I18nProvider.js';
import { REGIONS } from '../i18n/labels.js';

const CORPS = REGIONS.filter((r) => r.kind !== 'province');
const PROVINCES = REGIONS.filter((r) => r.kind === 'province');

/** A region chosen from the closed set (src/shared/regions.ts): the Corps and its divisions first, then provinces. */
export function RegionSelect({
  id,
  value,
  empty,
  counts,
  onChange,
}: {
  id?: string;
  value: string;
  /** The text of the "none" option. */
  empty: string;
  /** Per-code counts to show beside each name (the search facet). */
  counts?: Record<string, number>;
  onChange(code: string): void;
}) {
  const { t, label } = useT();
  const option = (r: (typeof REGIONS)[number]) => (
    <option key={r.code} value={r.code}>
      {label(r)}
      {counts ? ` (${counts[r.code] ?? 0})` : ''}
    </option>
  );
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty}</option>
      <optgroup label={t('region.corps')}>{CORPS.map(option)}</optgroup>
      <optgroup label={t('region.provinces')}>{PROVINCES.map(option)}</optgroup>
    </select>
  );
}
