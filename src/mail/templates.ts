import {
  ORGANIZATION_TYPE_LABELS,
  USER_ROLE_LABELS,
  type Locale,
  type OptionalMail,
  type UserRole,
} from '../shared/accounts.js';
import type { MailMessage } from '../platform/mail.js';

// What each kind of mail says, in the recipient's language, with a link into the app. Pure: the delivery
// (deliver.ts) looks the recipient up and hands the words to the transport.

export type MailTemplate =
  | {
      template: 'invitation';
      organizationName: string;
      organizationType: keyof typeof ORGANIZATION_TYPE_LABELS;
      inviterName: string;
      role: UserRole;
      expiresAt: string;
      path: string;
    }
  | { template: 'password_reset'; name: string; path: string }
  | { template: 'notice'; name: string; title: string; titleEn: string; path: string | null };

const zhDate = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
const enDate = (iso: string) => new Date(iso).toLocaleString('en-GB', { timeZone: 'Asia/Shanghai' }) + ' (UTC+8)';

const SIGNATURE = { 'zh-CN': '—— 科技成果转移转化交易平台', en: '— Tech Transfer Exchange' } as const;
const PREFS = {
  'zh-CN': '不想再收到此类邮件？可在“邮件设置”中关闭：',
  en: 'To stop mail like this, turn it off in your mail settings: ',
} as const;

function body(locale: Locale, lines: string[]) {
  return [...lines, '', SIGNATURE[locale]].join('\n');
}

export function renderMail(
  to: string,
  locale: Locale,
  appUrl: string,
  t: MailTemplate,
): MailMessage & { optional: boolean } {
  const url = (path: string) => new URL(path, appUrl).toString();
  const zh = locale === 'zh-CN';
  if (t.template === 'invitation') {
    const role = USER_ROLE_LABELS[t.role];
    return {
      to,
      optional: false,
      subject: zh
        ? `${t.inviterName}邀请您加入${t.organizationName}`
        : `${t.inviterName} invites you to ${t.organizationName}`,
      text: body(locale, [
        zh
          ? `${t.inviterName}邀请您以“${role.zh}”身份加入${t.organizationName}（${ORGANIZATION_TYPE_LABELS[t.organizationType].zh}）。`
          : `${t.inviterName} invites you to join ${t.organizationName} as ${role.en}.`,
        zh ? `接受邀请：${url(t.path)}` : `Accept the invitation: ${url(t.path)}`,
        zh
          ? `链接有效期至 ${zhDate(t.expiresAt)}，仅可使用一次。`
          : `The link works once, until ${enDate(t.expiresAt)}.`,
      ]),
    };
  }
  if (t.template === 'password_reset') {
    return {
      to,
      optional: false,
      subject: zh ? '重置您的密码' : 'Reset your password',
      text: body(locale, [
        zh ? `${t.name}，您好：` : `Hello ${t.name},`,
        zh ? `请在 1 小时内打开以下链接设置新密码：${url(t.path)}` : `Set a new password within 1 hour: ${url(t.path)}`,
        zh
          ? '设置新密码后，您在所有设备上的登录都会退出。如果这不是您本人的操作，请忽略本邮件。'
          : 'Setting it signs you out everywhere. If you did not ask for this, ignore this mail.',
      ]),
    };
  }
  const title = zh ? t.title : t.titleEn;
  return {
    to,
    optional: true,
    subject: title,
    text: body(locale, [
      zh ? `${t.name}，您好：` : `Hello ${t.name},`,
      zh ? `${title}。需要您处理：` : `${title}. It needs you:`,
      url(t.path ?? '/notifications'),
      '',
      PREFS[locale] + url('/settings/mail'),
    ]),
  };
}

/** Which optional mail a notification kind is, or null when it is not mailed (nothing for anyone to act on). */
export function mailCategory(kind: string): OptionalMail | null {
  if (kind === 'deal.update') return 'deals';
  if (kind === 'invoice.issued' || kind === 'invoice.overdue') return 'invoices';
  if (kind === 'report.halfYear.draft' || kind === 'report.halfYear.reminder') return 'reports';
  return null;
}
