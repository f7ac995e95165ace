import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import { newId } from './ids.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

type MailConfig = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'DATA_DIR'>;

/** Where unsent mail goes without SMTP: one .eml file per message, readable in any mail client or editor. */
export const mailDir = (config: Pick<Config, 'DATA_DIR'>) => join(config.DATA_DIR, 'mail');

/**
 * Sends one message: over SMTP when SMTP_URL is set, otherwise as an .eml file under DATA_DIR/mail/ so that a
 * newcomer running the demo can read what would have been sent. Throws when the server refuses or is down; the
 * caller is the outbox relay, which retries with backoff, so an outage delays mail and loses none.
 */
export async function sendMail(config: MailConfig, message: MailMessage): Promise<void> {
  const mail = { from: config.MAIL_FROM, ...message };
  if (config.SMTP_URL) {
    // One transport per message: mail is rare (invitations, resets, notices) and a pooled connection would
    // outlive a restarted server.
    const transport = nodemailer.createTransport(config.SMTP_URL);
    try {
      await transport.sendMail(mail);
    } finally {
      transport.close();
    }
    return;
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail(mail);
  const dir = mailDir(config);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${newId('mail')}.eml`), info.message as Buffer);
}

// A secret that mail must carry (an invitation or reset token) waits in the outbox until it is sent. It is
// sealed there with AES-256-GCM under a key derived from JWT_SECRET, so a copy of the database alone yields
// no usable token, as for the hashed tokens themselves.
const keyOf = (secret: string) => createHash('sha256').update(`mail-seal:${secret}`).digest();

export function sealSecret(secret: string, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function openSecret(secret: string, sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
