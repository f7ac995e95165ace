import { Link, NavLink } from 'react-router';
import { useAuth } from '../auth/AuthProvider.js';
import { useT } from '../i18n/I18nProvider.js';
import { ROLE_LABELS } from '../i18n/labels.js';
import { MoreMenu } from './header/MoreMenu.js';
import { navItemsFor } from './header/navItems.js';
import { usePriorityNav } from './header/usePriorityNav.js';
import { NotificationBell } from './NotificationBell.js';
import './header/header.css';

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
  const { t, locale } = useT();
  const { user } = useAuth();
  const items = navItemsFor(user?.role ?? null);
  const { row, measure, shown } = usePriorityNav(items.length, `${locale}:${user?.role ?? ''}`);
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="logo">
          {t('app.name')}
        </Link>
        <nav ref={row} className="main-nav" aria-label={t('nav.label')}>
          <ul>
            {items.slice(0, shown).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {t(item.key)}
                </NavLink>
              </li>
            ))}
            {shown < items.length && <MoreMenu items={items.slice(shown)} />}
          </ul>
        </nav>
        {/* An invisible copy at natural width, from which the nav learns how many items fit. */}
        <div className="nav-measure" aria-hidden="true">
          <ul ref={measure}>
            {items.map((item) => (
              <li key={item.to}>
                <span className="nav-link">{t(item.key)}</span>
              </li>
            ))}
            <li>
              <span className="nav-more-toggle">{t('nav.more')} ▾</span>
            </li>
          </ul>
        </div>
        <div className="header-tools" aria-label={t('account.label')} role="group">
          <LanguageSwitch />
          <Account />
        </div>
      </div>
    </header>
  );
}
