import type { Role } from '../../api/types.js';
import type { MessageKey } from '../../i18n/zh-CN.js';

export interface NavItem {
  to: string;
  key: MessageKey;
  end?: boolean;
}

export const PUBLIC_NAV: NavItem[] = [
  { to: '/', key: 'nav.home', end: true },
  { to: '/search', key: 'nav.listings' },
  { to: '/demands', key: 'nav.demands' },
  { to: '/policies', key: 'nav.policies' },
  { to: '/packages', key: 'nav.packages' },
  { to: '/notices', key: 'nav.notices' },
  { to: '/offerings', key: 'nav.offerings' },
  { to: '/cases', key: 'nav.cases' },
  { to: '/statistics', key: 'nav.statistics' },
];

// Every member organization files a half-year report; the bureau reads them all under /admin/reports.
const REPORTS: NavItem = { to: '/reports', key: 'nav.reports' };

// Each role's own workspaces. They come first in the header: a signed-in user's work is what must stay in view,
// the public pages are the ones that move into the "More" menu when the row is too narrow.
export const ROLE_NAV: Record<Role, NavItem[]> = {
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

/** The header's items for a visitor (public pages) or a signed-in user (home, own work, then public pages). */
export function navItemsFor(role: Role | null): NavItem[] {
  if (!role) return PUBLIC_NAV;
  const [home, ...rest] = PUBLIC_NAV;
  return [home, ...ROLE_NAV[role], ...rest];
}
