import { useEffect, useState } from 'react';
import { useT } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { splitRemaining } from './time.js';

/** Time left until `endsAt` on the server's clock (the browser's clock plus `skewMs`), ticking every second. */
export function Countdown({ endsAt, skewMs, label }: { endsAt: string; skewMs: number; label: MessageKey }) {
  const { t } = useT();
  const [now, setNow] = useState(() => Date.now() + skewMs);
  useEffect(() => {
    setNow(Date.now() + skewMs);
    const timer = setInterval(() => setNow(Date.now() + skewMs), 1000);
    return () => clearInterval(timer);
  }, [skewMs, endsAt]);
  const left = Date.parse(endsAt) - now;
  return (
    <p className="offering-countdown">
      {left > 0 ? (
        <>
          {t(label)} <strong className="countdown-value">{t('offerings.countdown.value', splitRemaining(left))}</strong>
        </>
      ) : (
        <span className="muted">{t('offerings.countdown.ending')}</span>
      )}
    </p>
  );
}
