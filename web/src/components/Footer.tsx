import { useT } from '../i18n/I18nProvider.js';

export function Footer() {
  const { t } = useT();
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <p className="footer-about">{t('footer.about')}</p>
        <p>
          <a href="/docs">{t('footer.apiDocs')}</a>
        </p>
        <p className="footer-copy">{t('footer.copyright', { year: new Date().getFullYear() })}</p>
      </div>
    </footer>
  );
}
