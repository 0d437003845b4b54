import { useSyncExternalStore } from 'react';
import { useDemoPhone } from '../phone/demo-context';
import type { QualityPoint } from './quality-series';

/** The quality chart points of a call (empty before its first report). */
export function useQualitySeries(callId: string | null): readonly QualityPoint[] {
  const { quality } = useDemoPhone();
  return useSyncExternalStore(quality.subscribe, () => quality.get(callId ?? ''));
}
