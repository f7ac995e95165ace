import { RequireAuth } from '../auth/RequireAuth.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { DealList } from '../deals/DealList.js';
import { useT } from '../i18n/I18nProvider.js';

export default function MyDeals() {
  const { t } = useT();
  usePageTitle(t('deals.title'));
  return (
    <div className="container">
      <h1>{t('deals.title')}</h1>
      <p className="lead">{t('deals.intro')}</p>
      <RequireAuth>
        <DealList empty={t('deals.none')} />
      </RequireAuth>
    </div>
  );
}
