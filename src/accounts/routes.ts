import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ORGANIZATION_TYPES } from '../db/schema/accounts.js';
import type { AppContext } from '../platform/context.js';
import { IdParams, Page, errorResponses } from '../platform/http.js';
import { deviceCookie, deviceCookieName, readCookie } from './devices.js';
import {
  AccountStateBody,
  AdminUserSchema,
  LoginBody,
  PasswordChangeBody,
  RefreshBody,
  RegisterBody,
  SessionSchema,
  TokenPairSchema,
  UserSchema,
} from './schemas.js';
import * as accounts from './service.js';
import * as sessions from './sessions.js';

export async function accountRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const sign = app.signAccessToken;

  app.post(
    '/api/auth/register',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Register an organization and its first user (seller, buyer or broker)',
        body: RegisterBody,
        response: { 201: SessionSchema, ...errorResponses(400, 409, 429) },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      reply.status(201);
      return sessions.register(ctx, req.body, sign);
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Log in',
        body: LoginBody,
        response: { 200: SessionSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { email, password } = req.body;
      const deviceToken = readCookie(req.headers.cookie, deviceCookieName(email.trim().toLowerCase()));
      const { session, device } = await sessions.login(ctx, { email, password, ip: req.ip, deviceToken }, sign);
      const secure = ctx.config.NODE_ENV === 'production';
      reply.header('set-cookie', deviceCookie(deviceCookieName(device.email), device.token, device.maxAge, secure));
      return session;
    },
  );

  app.post(
    '/api/auth/refresh',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Exchange a refresh token for a new pair (rotation)',
        body: RefreshBody,
        response: { 200: TokenPairSchema, ...errorResponses(400, 401) },
      },
    },
    async (req) => sessions.refresh(ctx, req.body.refreshToken, sign),
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['accounts'],
        summary: 'End the session of a refresh token (its access tokens are refused at once)',
        body: RefreshBody,
        response: { 204: Type.Null(), ...errorResponses(400) },
      },
    },
    async (req, reply) => {
      await sessions.logout(ctx, req.body.refreshToken);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The current user',
        security: [{ bearer: [] }],
        response: { 200: UserSchema, ...errorResponses(401) },
      },
      onRequest: app.authenticate,
    },
    async (req) => accounts.me(ctx, req.user.id),
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change the password; every session of the user ends (log in again)',
        security: [{ bearer: [] }],
        body: PasswordChangeBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401) },
      },
      onRequest: app.authenticate,
    },
    async (req, reply) => {
      await sessions.changePassword(ctx, req.user.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Disable or re-enable an account (admin); disabling ends its sessions',
        security: [{ bearer: [] }],
        params: IdParams,
        body: AccountStateBody,
        response: { 200: AdminUserSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      onRequest: app.requireRole('admin'),
    },
    async (req) => sessions.setDisabled(ctx, req.user, req.params.id, req.body.disabled),
  );

  app.get(
    '/api/brokers',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Active brokers (技术经理人) and their agencies (admin)',
        security: [{ bearer: [] }],
        response: {
          200: Page(
            Type.Object({
              id: Type.String(),
              name: Type.String(),
              email: Type.String(),
              organization: Type.Object({
                id: Type.String(),
                name: Type.String(),
                type: Type.Enum([...ORGANIZATION_TYPES]),
              }),
            }),
          ),
          ...errorResponses(401, 403),
        },
      },
      onRequest: app.requireRole('admin'),
    },
    async () => accounts.listBrokers(ctx),
  );
}
