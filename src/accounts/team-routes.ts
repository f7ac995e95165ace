import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.js';
import { errorResponses } from '../platform/http.js';
import { billingRoutes } from './billing-routes.js';
import * as invitations from './invitations.js';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.js';
import { getMailPreferences, updateMailPreferences } from './preferences.js';
import * as team from './team.js';
import {
  InvitationBody,
  InvitationParams,
  InvitationSchema,
  InvitationsSchema,
  MailPreferencesPatch,
  MailPreferencesSchema,
  MemberParams,
  MemberPatch,
  MemberSchema,
  MembersSchema,
  OrgParams,
  PasswordResetBody,
  PasswordResetConfirmBody,
} from './team-schemas.js';

/** Organizations as teams (API.md): members, invitations, password reset, mail preferences, billing details. */
export async function teamRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['accounts'];
  const security = [{ bearer: [] }];
  const auth = { onRequest: app.authenticate };

  app.get(
    '/api/organizations/:id/members',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: "The organization's members (its members, admins)",
        params: OrgParams,
        response: { 200: MembersSchema, ...errorResponses(401, 404) },
      },
    },
    async (req) => team.listMembers(ctx, req.user, req.params.id),
  );

  app.patch(
    '/api/organizations/:id/members/:userId',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: "Change a member's orgRole or signatory flag (manager); one manager always stays",
        params: MemberParams,
        body: MemberPatch,
        response: { 200: MemberSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => team.updateMember(ctx, req.user, req.params.id, req.params.userId, req.body),
  );

  app.delete(
    '/api/organizations/:id/members/:userId',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Remove a member (manager): the account is disabled and its sessions end',
        params: MemberParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await team.removeMember(ctx, req.user, req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/organizations/:id/invitations',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Invite someone by email with a role (manager); valid 7 days, single use, mailed',
        params: OrgParams,
        body: InvitationBody,
        response: { 201: InvitationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return invitations.createInvitation(ctx, req.user, req.params.id, req.body);
    },
  );

  app.get(
    '/api/organizations/:id/invitations',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Pending invitations (manager)',
        params: OrgParams,
        response: { 200: InvitationsSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => invitations.listInvitations(ctx, req.user, req.params.id),
  );

  app.delete(
    '/api/organizations/:id/invitations/:invitationId',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Revoke a pending invitation (manager)',
        params: InvitationParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await invitations.revokeInvitation(ctx, req.user, req.params.id, req.params.invitationId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Ask for a password-reset link by mail; 202 whether or not the email has an account',
        body: PasswordResetBody,
        response: { 202: Type.Null(), ...errorResponses(400, 429) },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await requestPasswordReset(ctx, req.body.email);
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Set a new password with a reset link (single use, 1 hour); every session of the user ends',
        body: PasswordResetConfirmBody,
        response: { 204: Type.Null(), ...errorResponses(400, 429) },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await confirmPasswordReset(ctx, req.body.token, req.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me/mail-preferences',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'My mail language and which optional mail I receive',
        response: { 200: MailPreferencesSchema, ...errorResponses(401) },
      },
    },
    async (req) => getMailPreferences(ctx, req.user.id),
  );

  app.patch(
    '/api/me/mail-preferences',
    {
      ...auth,
      schema: {
        tags,
        security,
        summary: 'Change my mail language or turn optional mail on or off',
        body: MailPreferencesPatch,
        response: { 200: MailPreferencesSchema, ...errorResponses(400, 401) },
      },
    },
    async (req) => updateMailPreferences(ctx, req.user.id, req.body),
  );

  await billingRoutes(app, ctx);
}
