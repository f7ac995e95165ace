import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process: it accepts every message, parses it with mailparser and keeps it, so a
 * test reads exactly what a mail client would. `stop()` and `start()` again on the same port simulate an outage.
 */
export async function startSmtp() {
  const received: ParsedMail[] = [];
  let port = 0;
  let server: SMTPServer;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, _session, done) {
          simpleParser(stream)
            .then((mail) => {
              received.push(mail);
              done();
            })
            .catch(done);
        },
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    received,
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    /** Messages sent to an address, oldest first. */
    to: (email: string) => received.filter((m) => m.to && JSON.stringify(m.to).includes(email)),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start: listen,
  };
}
export type TestSmtp = Awaited<ReturnType<typeof startSmtp>>;

/** The first link into the app in a mail's text. */
export function linkIn(mail: ParsedMail, path: string): string {
  const m = (mail.text ?? '').match(new RegExp(`https?://[^\\s]*${path.replace(/[?]/g, '\\?')}[^\\s]*`));
  if (!m) throw new Error(`no ${path} link in: ${mail.text}`);
  return m[0];
}
export const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
