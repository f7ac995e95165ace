import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { AppError, problemBody } from './errors.js';

// The answers Fastify and Node would otherwise make themselves, in plain JSON or none: every one is a problem
// (RFC 9457) here, and nothing reaches a handler that the route did not declare.

/**
 * Requests Node's parser refuses before Fastify sees them (headers or a request line over the limit: 431; a
 * timeout: 408; anything malformed: 400), written straight to the socket as Node itself would, but as a problem.
 */
export function clientErrorAnswer(securityHeaders: Record<string, string>) {
  return (err: Error & { code?: string }, socket: Socket) => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const problem =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? new AppError('HEADERS_TOO_LARGE', 'The request line or headers are larger than allowed')
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? new AppError('REQUEST_TIMEOUT', 'The request took too long to arrive')
          : new AppError('BAD_REQUEST', 'The request is not valid HTTP');
    const body = JSON.stringify(problemBody(problem));
    const headers = {
      ...securityHeaders,
      'content-type': 'application/problem+json',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    };
    if (socket.writable) {
      const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
      socket.write(
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${lines.join('\r\n')}\r\n\r\n${body}`,
      );
    }
    socket.destroy(err);
  };
}

/**
 * - JSON sent as text/plain is 415 (Fastify would parse it as a string and answer 400 from the schema).
 * - A body sent to an operation that declares none (and is no upload) is 400: it would be ignored silently.
 * - While the server closes, requests get a 503 problem (Fastify's own 503 is plain JSON: return503OnClosing off).
 */
export function installFrameworkAnswers(app: FastifyInstance) {
  app.removeContentTypeParser('text/plain');
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_req, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    throw new AppError('UNAVAILABLE', 'The server is shutting down; try again', { headers: { 'retry-after': '1' } });
  });
  app.addHook('preValidation', async (req) => {
    const schema = req.routeOptions.schema as { body?: unknown; consumes?: string[] } | undefined;
    if (req.body === undefined || !req.routeOptions.url) return;
    if (schema?.body || schema?.consumes?.includes('multipart/form-data')) return;
    throw new AppError('BAD_REQUEST', 'This operation takes no request body', {
      errors: [{ path: 'body', message: 'must be absent' }],
    });
  });
}
