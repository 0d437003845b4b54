'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en } from './en.js';
import { mergeMessages } from './merge-messages.js';
import type { Messages, MessagesOverride } from './messages.js';

const MessagesContext = createContext<Messages>(en);

/** Props of {@link WebphoneMessages}. */
export interface WebphoneMessagesProps {
  /**
   * A complete locale (`ar` from `@webphone/ui/locales/ar`), or only the
   * texts to change (`{ call: { hangUp: 'End call' } }`); either is put over
   * the texts of the enclosing `WebphoneMessages`, English at the top.
   */
  messages: MessagesOverride;
  children?: ReactNode;
}

/**
 * Gives the widgets inside it their texts, once for the whole app.
 *
 * @remarks
 * Without it every widget speaks English ({@link en}). Providers nest: an
 * inner one changes some texts of the outer one's locale. Keep `messages`
 * stable (a module constant or memoised) to spare the widgets a re-render.
 *
 * @example
 * ```tsx
 * import { ar } from '@webphone/ui/locales/ar';
 * <WebphoneMessages messages={ar}><Softphone /></WebphoneMessages>
 * ```
 */
export function WebphoneMessages({ messages, children }: WebphoneMessagesProps) {
  const outer = useContext(MessagesContext);
  const merged = useMemo(() => mergeMessages(outer, messages), [outer, messages]);
  return <MessagesContext.Provider value={merged}>{children}</MessagesContext.Provider>;
}

/** The texts of the nearest {@link WebphoneMessages} (English without one), for custom widgets. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}

/** The `lang` and `dir` attributes a widget's root carries for its texts. */
export function localeAttributes(messages: Messages): { lang: string; dir: 'ltr' | 'rtl' } {
  return { lang: messages.locale, dir: messages.dir };
}
