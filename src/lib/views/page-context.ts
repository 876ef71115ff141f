import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AuthUser } from '#src/lib/auth/auth-state.js';
import { id } from '#src/lib/i18n/id.js';
import type { Lang, Messages } from '#src/lib/i18n/messages.js';

export interface NavItem {
  href: string;
  label: string;
}

/** Everything the layout and form components need about the current request. */
export interface PageCtx {
  m: Messages;
  lang: Lang;
  user: AuthUser | null;
  csrf: string | null;
  flash: string | null;
  nav: NavItem[];
  path: string;
  installation: string | null;
}

export const PageContext = createContext<PageCtx>({
  m: id,
  lang: 'id',
  user: null,
  csrf: null,
  flash: null,
  nav: [],
  path: '/',
  installation: null,
});

export function usePage(): PageCtx {
  return useContext(PageContext);
}
