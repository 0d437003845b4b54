import { createContext, useContext } from 'react';
import type { DemoPhone } from './demo-phone';

/** The signed-in {@link DemoPhone}, for the demo's own hooks. */
export const DemoPhoneContext = createContext<DemoPhone | null>(null);

/** The signed-in demo phone; throws outside its provider. */
export function useDemoPhone(): DemoPhone {
  const demo = useContext(DemoPhoneContext);
  if (!demo) throw new Error('useDemoPhone must be used inside <DemoPhoneContext.Provider value={demoPhone}>');
  return demo;
}
