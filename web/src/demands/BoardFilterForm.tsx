import { useState, type FormEvent } from 'react';
import { FIELDS, type Field } from '../../../src/shared/listing.ts';
import { FormField } from '../components/FormField.js';
import { parseYuan } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { FIELD_LABELS } from '../i18n/labels.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { BOARD_STATUSES, type BoardFilters } from './boardQuery.js';

const STATUS_KEYS: Record<BoardFilters['status'], MessageKey> = {
  open: 'board.status.open',
  closed: 'board.status.closed',
  all: 'board.status.all',
};

/** The board's search and filters: words, field, region, budget range and status. */
export function BoardFilterForm({ value, onApply }: { value: BoardFilters; onApply(f: BoardFilters): void }) {
  const { t, label } = useT();
  const [f, setF] = useState(value);
  const set = <K extends keyof BoardFilters>(key: K, v: BoardFilters[K]) => setF((cur) => ({ ...cur, [key]: v }));
  const badAmount = (text: string) => !!text.trim() && parseYuan(text) === null;
  const [checked, setChecked] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (badAmount(f.budgetMin) || badAmount(f.budgetMax)) return;
    onApply(f);
  };
  const amountError = (text: string) => (checked && badAmount(text) ? t('board.budgetInvalid') : null);
  return (
    <form className="board-filters" role="search" noValidate onSubmit={submit}>
      <FormField label={t('board.search')}>
        <input type="search" maxLength={100} value={f.q} onChange={(e) => set('q', e.target.value)} />
      </FormField>
      <FormField label={t('board.field')}>
        <select value={f.field} onChange={(e) => set('field', e.target.value as Field | '')}>
          <option value="">{t('board.anyField')}</option>
          {FIELDS.map((x) => (
            <option key={x} value={x}>
              {label(FIELD_LABELS[x])}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('board.region')}>
        <input type="text" maxLength={100} value={f.region} onChange={(e) => set('region', e.target.value)} />
      </FormField>
      <FormField label={t('board.budgetMin')} error={amountError(f.budgetMin)}>
        <input type="text" inputMode="decimal" value={f.budgetMin} onChange={(e) => set('budgetMin', e.target.value)} />
      </FormField>
      <FormField label={t('board.budgetMax')} error={amountError(f.budgetMax)}>
        <input type="text" inputMode="decimal" value={f.budgetMax} onChange={(e) => set('budgetMax', e.target.value)} />
      </FormField>
      <FormField label={t('board.status')}>
        <select value={f.status} onChange={(e) => set('status', e.target.value as BoardFilters['status'])}>
          {BOARD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_KEYS[s])}
            </option>
          ))}
        </select>
      </FormField>
      <button type="submit" className="button">
        {t('board.apply')}
      </button>
    </form>
  );
}
