import { useEffect, useId, useRef, useState, type FocusEvent } from 'react';
import { matchPath, NavLink, useLocation } from 'react-router';
import { useT } from '../../i18n/I18nProvider.js';
import type { NavItem } from './navItems.js';

/**
 * The header items that did not fit, behind a disclosure button (WAI-ARIA "disclosure navigation"): Enter or
 * Space opens it, Tab walks its links, Escape closes it and returns focus to the button; a click elsewhere,
 * focus leaving it or following a link closes it too.
 */
export function MoreMenu({ items }: { items: NavItem[] }) {
  const { t } = useT();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const onBlur = (e: FocusEvent) => {
    if (!wrap.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
  };
  const current = items.some((i) => matchPath({ path: i.to, end: i.end ?? false }, pathname));

  return (
    <li className="nav-more" ref={wrap} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className={current ? 'nav-more-toggle is-current' : 'nav-more-toggle'}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {t('nav.more')}
        <span aria-hidden="true"> ▾</span>
      </button>
      <ul id={id} className="nav-more-list" hidden={!open}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {t(item.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}
