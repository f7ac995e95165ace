import { Link } from 'react-router';
import { api } from '../api/index.js';
import type { Policy } from '../api/types.js';
import { CursorListView } from '../components/CursorListView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { POLICY_CATEGORY_LABELS, POLICY_LEVEL_LABELS, labelOf } from '../i18n/labels.js';
import { useCursorList } from '../lib/useCursorList.js';

function PolicyItem({ policy }: { policy: Policy }) {
  const { t, date, label } = useT();
  return (
    <article className="card">
      <h2 className="card-title">
        <Link to={`/policies/${encodeURIComponent(policy.id)}`}>{policy.title}</Link>
      </h2>
      <p className="card-meta">
        {policy.documentNumber && (
          <span>
            {t('policies.documentNumber')}: {policy.documentNumber}
          </span>
        )}
        {policy.issuingBody && (
          <span>
            {t('policies.issuingBody')}: {policy.issuingBody}
          </span>
        )}
        {policy.issuedOn && (
          <span>
            {t('policies.date')}: <time dateTime={policy.issuedOn}>{date(policy.issuedOn)}</time>
          </span>
        )}
      </p>
      <ul className="tags">
        <li className="tag">{label(labelOf(POLICY_LEVEL_LABELS, policy.level))}</li>
        <li className="tag">{label(labelOf(POLICY_CATEGORY_LABELS, policy.category))}</li>
        {policy.tags.map((tag) => (
          <li key={tag} className="tag tag-deal">
            {tag}
          </li>
        ))}
      </ul>
    </article>
  );
}

export default function Policies() {
  const { t } = useT();
  usePageTitle(t('policies.title'));
  const list = useCursorList((cursor, signal) => api.listPolicies({ limit: 20, cursor }, signal));
  return (
    <div className="container">
      <h1>{t('policies.title')}</h1>
      <CursorListView list={list}>{(policy) => <PolicyItem policy={policy} />}</CursorListView>
    </div>
  );
}
