import { createInvitation } from '../accounts/invitations.js';
import { joinByInvitation } from '../accounts/service.js';
import type { AppContext } from '../platform/context.js';
import { DEMO_PASSWORD, type DemoUsers } from './accounts.js';

/** 石河子大学's team (README "Demo accounts"): a second member who is not a signatory, and a pending invitation. */
export const DEMO_TEAM = {
  member: { email: 'tto@shzu.demo', name: '周老师（技术转移办公室）' },
  invited: { email: 'legal@shzu.demo', role: 'seller' as const },
};

// Through the services, as the university's manager would: invite, and the invitee accepts.
export async function seedTeams(ctx: AppContext, users: DemoUsers) {
  const manager = { id: users.shzu.id, role: users.shzu.role, organizationId: users.shzu.organization.id };
  const orgId = users.shzu.organization.id;
  const { acceptUrl } = await createInvitation(ctx, manager, orgId, { email: DEMO_TEAM.member.email, role: 'seller' });
  const invitationToken = new URL(acceptUrl!).searchParams.get('token')!;
  await ctx.db.transaction((tx) =>
    joinByInvitation(ctx, tx, { ...DEMO_TEAM.member, password: DEMO_PASSWORD, invitationToken }),
  );
  await createInvitation(ctx, manager, orgId, DEMO_TEAM.invited);
}
