import { useSyncExternalStore } from 'react';
import { useDemoPhone } from './demo-context';
import type { FarEndCallSignals } from './far-end-signals';

/** DTMF digits and `Record` INFOs the far end sent on a call. */
export function useFarEndSignals(callId: string | null): FarEndCallSignals | undefined {
  const { signals } = useDemoPhone();
  return useSyncExternalStore(signals.subscribe, () => (callId ? signals.get(callId) : undefined));
}
