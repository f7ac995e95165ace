import { Link, useParams } from 'react-router';
import { api } from '../api/index.js';
import type { PolicyDetail as Policy } from '../api/types.js';
import { MISSING_BY_ID, ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { POLICY_CATEGORY_LABELS, POLICY_LEVEL_LABELS, labelOf } from '../i18n/labels.js';
import { useResource } from '../lib/useResource.js';
import { Prose } from '../public/Prose.js';
import '../public/public.css';

function PolicyView({ policy }: { policy: Policy }) {
  const { t, date, label } = useT();
  usePageTitle(policy.title);
  return (
    <article className="container">
      <Link className="back-link" to="/policies">
        {t('policy.back')}
      </Link>
      <h1>{policy.title}</h1>
      <dl className="facts">
        <div>
          <dt>{t('policies.issuingBody')}</dt>
          <dd>{policy.issuingBody}</dd>
        </div>
        {policy.documentNumber && (
          <div>
            <dt>{t('policies.documentNumber')}</dt>
            <dd>{policy.documentNumber}</dd>
          </div>
        )}
        <div>
          <dt>{t('policies.date')}</dt>
          <dd>
            <time dateTime={policy.issuedOn}>{date(policy.issuedOn)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('policy.level')}</dt>
          <dd>{label(labelOf(POLICY_LEVEL_LABELS, policy.level))}</dd>
        </div>
        <div>
          <dt>{t('policy.category')}</dt>
          <dd>{label(labelOf(POLICY_CATEGORY_LABELS, policy.category))}</dd>
        </div>
      </dl>
      {policy.tags.length > 0 && (
        <ul className="tags">
          {policy.tags.map((tag) => (
            <li key={tag} className="tag tag-deal">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <Prose body={policy.body} />
      {policy.sourceUrl && (
        <p>
          <a href={policy.sourceUrl} target="_blank" rel="noopener noreferrer">
            {t('policy.source')}
          </a>
        </p>
      )}
    </article>
  );
}

export default function PolicyDetail() {
  const { id = '' } = useParams();
  const { t } = useT();
  const policy = useResource((signal) => api.publicPolicy(id, signal), [id]);
  return (
    <ResourceView missingCodes={MISSING_BY_ID} resource={policy} minHeight="40vh" empty={t('policy.notFound')}>
      {(data) => <PolicyView policy={data} />}
    </ResourceView>
  );
}
