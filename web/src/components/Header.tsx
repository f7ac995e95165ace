import { Link, NavLink } from 'react-router';
import type { Role } from '../api/types.js';
import { useAuth } from '../auth/AuthProvider.js';
import { useT } from '../i18n/I18nProvider.js';
import { ROLE_LABELS } from '../i18n/labels.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { NotificationBell } from './NotificationBell.js';

interface NavItem {
  to: string;
  key: MessageKey;
  end?: boolean;
}

const NAV: NavItem[] = [
  { to: '/', key: 'nav.home', end: true },
  { to: '/search', key: 'nav.listings' },
  { to: '/demands', key: 'nav.demands' },
  { to: '/policies', key: 'nav.policies' },
  { to: '/packages', key: 'nav.packages' },
  { to: '/notices', key: 'nav.notices' },
  { to: '/cases', key: 'nav.cases' },
  { to: '/statistics', key: 'nav.statistics' },
];

// Every member organization files a half-year report; the bureau reads them all under /admin/reports.
const REPORTS: NavItem = { to: '/reports', key: 'nav.reports' };

// Each role's own workspaces, after the public pages.
const ROLE_NAV: Record<Role, NavItem[]> = {
  seller: [
    { to: '/seller', key: 'nav.seller' },
    { to: '/deals', key: 'nav.deals' },
    { to: '/invoices', key: 'nav.invoices' },
    REPORTS,
  ],
  buyer: [
    { to: '/deals', key: 'nav.deals' },
    { to: '/invoices', key: 'nav.invoices' },
    { to: '/saved-searches', key: 'nav.savedSearches' },
    REPORTS,
  ],
  broker: [{ to: '/broker', key: 'nav.broker' }, { to: '/invoices', key: 'nav.invoices' }, REPORTS],
  admin: [
    { to: '/admin', key: 'nav.admin' },
    { to: '/deals', key: 'nav.deals' },
    { to: '/invoices', key: 'nav.invoices' },
  ],
};

function LanguageSwitch() {
  const { t, locale, setLocale } = useT();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="button button-quiet"
      lang={next}
      aria-label={t('lang.switchLabel')}
      onClick={() => setLocale(next)}
    >
      {t('lang.switch')}
    </button>
  );
}

function Account() {
  const { t, label } = useT();
  const { status, user, logout } = useAuth();
  if (status === 'loading') return <span className="account-placeholder" aria-hidden="true" />;
  if (!user) {
    return (
      <>
        <Link className="button button-quiet" to="/login">
          {t('account.login')}
        </Link>
        <Link className="button" to="/register">
          {t('account.register')}
        </Link>
      </>
    );
  }
  return (
    <>
      <NotificationBell />
      <Link className="account-name" to="/profile" title={t('account.profile')}>
        {user.name}
        <span className="role-badge">{label(ROLE_LABELS[user.role])}</span>
      </Link>
      <button type="button" className="button button-quiet" onClick={() => void logout()}>
        {t('account.logout')}
      </button>
    </>
  );
}

export function Header() {
  const { t } = useT();
  const { user } = useAuth();
  const items = user ? [...NAV, ...ROLE_NAV[user.role]] : NAV;
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="logo">
          {t('app.name')}
        </Link>
        <nav className="main-nav" aria-label={t('nav.label')}>
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {t(item.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools" aria-label={t('account.label')} role="group">
          <LanguageSwitch />
          <Account />
        </div>
      </div>
    </header>
  );
}
