import type { DealTerms } from '../api/deal-types.js';
import { useT } from '../i18n/I18nProvider.js';
import { termFieldName, termValue } from './termFields.js';

type Row = Record<string, unknown>;

/** Terms as a definition list; schedules (milestones, payments) as small tables. */
export function TermsView({ terms }: { terms: DealTerms }) {
  const { t, label } = useT();
  const entries = Object.entries(terms as unknown as Row);
  const scalars = entries.filter(([, v]) => !Array.isArray(v));
  const lists = entries.filter(([, v]) => Array.isArray(v)) as Array<[string, Row[]]>;
  const name = (key: string) => {
    const k = termFieldName(key);
    return k ? t(k) : key;
  };
  return (
    <div className="terms-view">
      <dl className="facts">
        {scalars.map(([key, value]) => (
          <div key={key} className="fact">
            <dt>{name(key)}</dt>
            <dd>{termValue(key, value, label)}</dd>
          </div>
        ))}
      </dl>
      {lists
        .filter(([, rows]) => rows.length > 0)
        .map(([key, rows]) => (
          <div key={key} className="table-scroll">
            <table className="data-table">
              <caption>{name(key)}</caption>
              <thead>
                <tr>
                  {Object.keys(rows[0]).map((col) => (
                    <th key={col} scope="col">
                      {name(col)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {Object.entries(row).map(([col, v]) => (
                      <td key={col}>{termValue(col, v, label)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </div>
  );
}
