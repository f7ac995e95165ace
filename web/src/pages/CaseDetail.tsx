import { Link, useParams } from 'react-router';
import { api } from '../api/index.js';
import type { CaseDetail as Case } from '../api/types.js';
import { MISSING_BY_ID, ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { DEAL_FORM_LABELS, fieldLabel, labelOf } from '../i18n/labels.js';
import { useResource } from '../lib/useResource.js';
import { Prose } from '../public/Prose.js';
import { titleIn } from '../public/titles.js';
import '../public/public.css';

function CaseView({ item }: { item: Case }) {
  const { t, label, locale } = useT();
  usePageTitle(item.title);
  return (
    <article className="container">
      <Link className="back-link" to="/cases">
        {t('cases.back')}
      </Link>
      <h1>{item.title}</h1>
      <ul className="tags">
        <li className="tag">{label(fieldLabel(item.field))}</li>
        <li className="tag tag-deal">{label(labelOf(DEAL_FORM_LABELS, item.dealType))}</li>
        <li className="tag">{t('cases.year', { year: item.year })}</li>
      </ul>
      <dl className="facts">
        {item.organizations.length > 0 && (
          <div>
            <dt>{t('cases.organizations')}</dt>
            <dd>{item.organizations.map((o) => o.name).join('、')}</dd>
          </div>
        )}
        {item.value !== null && (
          <div>
            <dt>{t('cases.value')}</dt>
            <dd>{formatFen(item.value)}</dd>
          </div>
        )}
        {item.listing && (
          <div>
            <dt>{t('cases.listing')}</dt>
            <dd>
              <Link to={`/listings/${encodeURIComponent(item.listing.id)}`}>{titleIn(locale, item.listing)}</Link>
            </dd>
          </div>
        )}
      </dl>
      <p className="lead">{item.summary}</p>
      <Prose body={item.body} />
    </article>
  );
}

export default function CaseDetail() {
  const { id = '' } = useParams();
  const { t } = useT();
  const item = useResource((signal) => api.publicCase(id, signal), [id]);
  return (
    <ResourceView missingCodes={MISSING_BY_ID} resource={item} minHeight="40vh" empty={t('cases.notFound')}>
      {(data) => <CaseView item={data} />}
    </ResourceView>
  );
}
