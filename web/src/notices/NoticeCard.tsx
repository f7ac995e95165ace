import type { ReactNode } from 'react';
import type { Notice } from '../api/types.js';
import { useAuth } from '../auth/AuthProvider.js';
import { useT } from '../i18n/I18nProvider.js';
import { formatFen } from '../i18n/format.js';
import { DEAL_FORM_LABELS, labelOf } from '../i18n/labels.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { ObjectionForm } from './ObjectionForm.js';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One notice as the public board shows it: what was published, its period, and every objection with its answer. */
export function NoticeCard({ notice, now, onChange }: { notice: Notice; now: number; onChange(n: Notice): void }) {
  const { t, date, label } = useT();
  const { status } = useAuth();
  const headingId = `notice-${notice.id}`;
  const open = notice.status === 'open' && now < Date.parse(notice.endsAt);
  return (
    <article className="card notice-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {notice.listing.title}
      </h2>
      <dl className="facts">
        <Fact term={t('notices.registrationNo')}>{notice.listing.registrationNo ?? '—'}</Fact>
        <Fact term={t('notices.form')}>{label(labelOf(DEAL_FORM_LABELS, notice.form))}</Fact>
        <Fact term={t('notices.price')}>{formatFen(notice.price)}</Fact>
        <Fact term={t('notices.seller')}>{notice.seller.name}</Fact>
        <Fact term={t('notices.buyer')}>
          {notice.buyer.name}
          {notice.relatedParty && <span className="tag tag-related">{t('notices.relatedParty')}</span>}
        </Fact>
        <Fact term={t('notices.period')}>
          {t('notices.periodValue', { start: date(notice.startsAt, true), end: date(notice.endsAt, true) })}
        </Fact>
        <Fact term={t('notices.status')}>
          {notice.status === 'open'
            ? t('notices.status.open')
            : `${t('notices.status.ended')}${notice.outcome ? ` · ${t(`notices.outcome.${notice.outcome}` as MessageKey)}` : ''}`}
        </Fact>
      </dl>
      <section aria-label={t('notices.objections')}>
        <h3>{t('notices.objections')}</h3>
        {notice.objections.length === 0 ? (
          <p className="muted">{t('notices.noObjections')}</p>
        ) : (
          <ol className="objections">
            {notice.objections.map((o) => (
              <li key={o.id}>
                <p className="muted">{t('notices.objectionAt', { date: date(o.at, true) })}</p>
                <p>{o.reason}</p>
                {o.answer ? (
                  <p className="objection-answer">
                    <strong>{t(`notices.answer.${o.answer.decision}` as MessageKey)}</strong>（{date(o.answer.at, true)}
                    ）：
                    {o.answer.reason}
                  </p>
                ) : (
                  <p className="muted">{t('notices.unanswered')}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      {open &&
        (status === 'authenticated' ? (
          <ObjectionForm
            noticeId={notice.id}
            onFiled={(o) => onChange({ ...notice, objections: [...notice.objections, o] })}
          />
        ) : (
          <p className="muted">{t('notices.loginToObject')}</p>
        ))}
    </article>
  );
}
