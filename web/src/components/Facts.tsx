import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/zh-CN.js';

/** Labelled facts as a definition list; a fact without a value (null, undefined, '') is left out, and so is an empty list. */
export function Facts({ rows }: { rows: Array<[MessageKey, ReactNode]> }) {
  const { t } = useT();
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="facts">
      {shown.map(([k, v]) => (
        <div key={k} className="fact">
          <dt>{t(k)}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
