import { useEffect } from 'react';
import { useT } from '../i18n/I18nProvider.js';

/** Sets the document title to "<page> - <app name>", in the current language. */
export function usePageTitle(title: string | undefined) {
  const { t } = useT();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} - ${appName}` : appName;
  }, [title, appName]);
}
