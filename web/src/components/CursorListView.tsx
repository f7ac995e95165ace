import type { ReactNode } from 'react';
import { isApiError } from '../api/errors.js';
import { useT } from '../i18n/I18nProvider.js';
import type { CursorList } from '../lib/useCursorList.js';
import { Empty, ErrorState, Loading } from './states.js';

/** A "load more" list with the shared loading, empty and error states. */
export function CursorListView<T extends { id: string }>({
  list,
  children,
  minHeight = '16rem',
  empty,
}: {
  list: CursorList<T>;
  children(item: T): ReactNode;
  minHeight?: string;
  empty?: ReactNode;
}) {
  const { t } = useT();
  const first = list.items.length === 0;
  if (first && list.status === 'loading') return <Loading minHeight={minHeight} />;
  if (first && list.status === 'error' && !isApiError(list.error, 'NOT_FOUND')) {
    return <ErrorState error={list.error} onRetry={list.loadMore} minHeight={minHeight} />;
  }
  if (first) return <Empty minHeight={minHeight}>{empty}</Empty>;
  return (
    <>
      <ul className="item-list">
        {list.items.map((item) => (
          <li key={item.id}>{children(item)}</li>
        ))}
      </ul>
      {list.status === 'error' && <ErrorState error={list.error} onRetry={list.loadMore} minHeight="3rem" />}
      {list.hasMore && list.status !== 'error' && (
        <button
          type="button"
          className="button button-secondary load-more"
          disabled={list.status === 'loading'}
          onClick={list.loadMore}
        >
          {list.status === 'loading' ? t('state.loading') : t('list.more')}
        </button>
      )}
    </>
  );
}
