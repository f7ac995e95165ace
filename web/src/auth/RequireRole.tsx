import type { ReactNode } from 'react';
import type { Role, User } from '../api/types.js';
import { useT } from '../i18n/I18nProvider.js';
import { ROLE_LABELS } from '../i18n/labels.js';
import { useAuth } from './AuthProvider.js';
import { RequireAuth } from './RequireAuth.js';

function RoleGate({ roles, children }: { roles: readonly Role[]; children(user: User): ReactNode }) {
  const { t, label } = useT();
  const { user } = useAuth();
  if (!user) return null;
  if (!roles.includes(user.role)) {
    return (
      <p className="notice" role="status">
        {t('access.denied', { roles: roles.map((r) => label(ROLE_LABELS[r])).join(' / ') })}
      </p>
    );
  }
  return <>{children(user)}</>;
}

/**
 * A page for some roles only: the login page for a reader who is not logged in, a plain notice for the wrong
 * role. The server enforces the same rule; this only spares the reader a page of errors.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children(user: User): ReactNode }) {
  return (
    <RequireAuth>
      <RoleGate roles={roles}>{children}</RoleGate>
    </RequireAuth>
  );
}
