import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../app.js';
import { PASSWORD, unique, type Session } from '../factories.js';

// Organizations as teams in the security world: a colleague is another member (not a manager, not a signatory)
// of the same organization, who must see what the organization owns by the same rules as its first account.

type Call = (res: LightMyRequestResponse, what: string) => unknown;

async function invite(t: TestApp, manager: Session, role: string, address: () => string, ok: Call) {
  const email = `${unique('mate')}@example.com`;
  const res = await t.request({
    method: 'POST',
    url: `/api/organizations/${manager.user.organization.id}/invitations`,
    token: manager.accessToken,
    remoteAddress: address(),
    payload: { email, role },
  });
  const invitation = ok(res, 'invitation') as { id: string; acceptUrl: string };
  return { email, invitation };
}

/** A new member of the manager's organization, through an invitation accepted as the invitee would. */
export async function colleague(
  t: TestApp,
  manager: Session,
  role: string,
  address: () => string,
  ok: Call,
): Promise<Session> {
  const { email, invitation } = await invite(t, manager, role, address, ok);
  const res = await t.request({
    method: 'POST',
    url: '/api/auth/register',
    remoteAddress: address(),
    payload: {
      email,
      password: PASSWORD,
      name: `Colleague ${email}`,
      invitationToken: new URL(invitation.acceptUrl).searchParams.get('token'),
    },
  });
  return ok(res, 'accept invitation') as Session;
}

/** The world's team resources: a member of the seller's organization, and a pending invitation to it. */
export const teamFactories = (t: TestApp, seller: Session, address: () => string, ok: Call) => ({
  member: async () => ({
    id: seller.user.organization.id,
    userId: (await colleague(t, seller, 'seller', address, ok)).user.id,
  }),
  invitation: async () => ({
    id: seller.user.organization.id,
    invitationId: (await invite(t, seller, 'seller', address, ok)).invitation.id,
  }),
});
