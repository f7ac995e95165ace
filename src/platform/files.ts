import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** The single file of a multipart upload (field "file"), read into memory within the upload size limit. */
export async function readUploadedFile(req: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
  const part = await req.file();
  if (!part)
    throw new AppError('VALIDATION_FAILED', 'No file was sent', {
      errors: [{ path: 'body.file', message: 'is required' }],
    });
  return { filename: part.filename, data: await part.toBuffer() };
}

/** Sends a stored file as a download: its detected type, an RFC 6266 UTF-8 filename, and the given caching. */
export function sendDownload(
  reply: FastifyReply,
  file: { mimeType: string; filename: string },
  data: Buffer,
  cacheControl: string,
) {
  return reply
    .type(file.mimeType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('cache-control', cacheControl)
    .send(data);
}
