import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ORGANIZATION_TYPES } from '../db/schema/accounts.js';
import type { AppContext } from '../platform/context.js';
import { Page, errorResponses } from '../platform/http.js';
import { LoginBody, RefreshBody, RegisterBody, SessionSchema, TokenPairSchema, UserSchema } from './schemas.js';
import * as accounts from './service.js';

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
      return accounts.register(ctx, req.body, sign);
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
    async (req) => {
      const { email, password } = req.body;
      return accounts.login(ctx, email, password, req.ip, sign);
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
    async (req) => accounts.refresh(ctx, req.body.refreshToken, sign),
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Revoke the session of a refresh token',
        body: RefreshBody,
        response: { 204: Type.Null(), ...errorResponses(400) },
      },
    },
    async (req, reply) => {
      await accounts.logout(ctx, req.body.refreshToken);
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
