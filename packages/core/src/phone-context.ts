import type { ResolvedPhoneConfig } from './config.js';
import type { RedactingLogger } from './logger.js';
import type { PhoneEventMap } from './phone-events.js';
import type { PhoneState } from './phone-state.js';

/**
 * What the operator hands its collaborators (registration, calls): read the
 * state, write it, emit events. Internal; applications never see it.
 */
export interface PhoneContext {
  readonly config: ResolvedPhoneConfig;
  readonly logger: RedactingLogger;
  getState(): PhoneState;
  setState(partial: Partial<PhoneState>): void;
  emit<K extends keyof PhoneEventMap>(event: K, ...args: PhoneEventMap[K]): void;
  /** The phone's clock (epoch ms): `Date.now` unless a test phone moves it. */
  now(): number;
}
