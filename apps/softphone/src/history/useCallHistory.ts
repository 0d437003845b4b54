import { useSyncExternalStore } from 'react';
import { useDemoPhone } from '../phone/demo-context';
import type { CallHistoryEntry } from './call-history';

/** The account's finished calls, newest first. */
export function useCallHistory(): readonly CallHistoryEntry[] {
  const { history } = useDemoPhone();
  return useSyncExternalStore(history.subscribe, history.entries);
}
