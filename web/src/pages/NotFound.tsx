import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';

export default function NotFound() {
  const { t } = useT();
  usePageTitle(t('notFound.title'));
  return (
    <div className="container narrow not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link className="button" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
