import { seg, type Http } from './http.js';
import type {
  Billing,
  BillingInput,
  Invitation,
  MailPreferences,
  MailPreferencesPatch,
  Member,
  NewInvitation,
  OrgRole,
  Page,
  SelfServiceRole,
} from './types.js';

const org = (id: string) => `/api/organizations/${seg(id)}`;

/** Organizations as teams: members, invitations, billing details; password reset; the user's mail preferences. */
export function teamEndpoints({ get, post, patch, put, del }: Http) {
  return {
    listMembers: (orgId: string, signal?: AbortSignal) =>
      get<{ items: Member[] }>(`${org(orgId)}/members`, undefined, signal),
    updateMember: (orgId: string, userId: string, change: { orgRole?: OrgRole; signatory?: boolean }) =>
      patch<Member>(`${org(orgId)}/members/${seg(userId)}`, change),
    removeMember: (orgId: string, userId: string) => del(`${org(orgId)}/members/${seg(userId)}`),
    listInvitations: (orgId: string, signal?: AbortSignal) =>
      get<Page<Invitation>>(`${org(orgId)}/invitations`, undefined, signal),
    invite: (orgId: string, email: string, role: SelfServiceRole) =>
      post<NewInvitation>(`${org(orgId)}/invitations`, { email, role }),
    billing: (orgId: string, signal?: AbortSignal) => get<Billing>(`${org(orgId)}/billing`, undefined, signal),
    updateBilling: (orgId: string, input: BillingInput) => put<Billing>(`${org(orgId)}/billing`, input),
    revokeInvitation: (orgId: string, invitationId: string) => del(`${org(orgId)}/invitations/${seg(invitationId)}`),
    requestPasswordReset: (email: string) => post<void>('/api/auth/password-reset', { email }),
    confirmPasswordReset: (token: string, password: string) =>
      post<void>('/api/auth/password-reset/confirm', { token, password }),
    mailPreferences: (signal?: AbortSignal) => get<MailPreferences>('/api/me/mail-preferences', undefined, signal),
    updateMailPreferences: (change: MailPreferencesPatch) => patch<MailPreferences>('/api/me/mail-preferences', change),
  };
}
