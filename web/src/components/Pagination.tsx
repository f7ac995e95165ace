import { Link } from 'react-router';
import { useT } from '../i18n/I18nProvider.js';

/** Previous / next links; `hrefFor(page)` builds each page's URL so that pages are plain, shareable links. */
export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor(page: number): string }) {
  const { t } = useT();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pager.label')}>
      {page > 1 ? (
        <Link className="button button-secondary" rel="prev" to={hrefFor(page - 1)}>
          {t('pager.prev')}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{t('pager.status', { page, pages })}</span>
      {page < pages ? (
        <Link className="button button-secondary" rel="next" to={hrefFor(page + 1)}>
          {t('pager.next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
