import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { RequireRole } from '../../auth/RequireRole.js';
import { Loading } from '../../components/states.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import '../../admin/admin.css';

const SECTIONS: Array<{ to: string; key: MessageKey; end?: boolean }> = [
  { to: '/admin', key: 'admin.dashboard', end: true },
  { to: '/admin/review', key: 'admin.review' },
  { to: '/admin/packages', key: 'nav.packages' },
  { to: '/admin/policies', key: 'nav.policies' },
  { to: '/admin/cases', key: 'admin.cases' },
  { to: '/admin/vouchers', key: 'admin.vouchers' },
  { to: '/admin/reports', key: 'admin.reports' },
  { to: '/admin/audit', key: 'admin.audit' },
];

/** The bureau's workspace: its own navigation, each section a route (and a chunk) of its own. */
export default function AdminLayout() {
  const { t } = useT();
  return (
    <div className="container admin">
      <h1>{t('admin.title')}</h1>
      <RequireRole roles={['admin']}>
        {() => (
          <div className="admin-layout">
            <nav className="admin-nav" aria-label={t('admin.navLabel')}>
              <ul>
                {SECTIONS.map((s) => (
                  <li key={s.to}>
                    <NavLink to={s.to} end={s.end}>
                      {t(s.key)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="admin-content">
              <Suspense fallback={<Loading minHeight="40vh" />}>
                <Outlet />
              </Suspense>
            </div>
          </div>
        )}
      </RequireRole>
    </div>
  );
}
