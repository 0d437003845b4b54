import { requestedAnswerDelay } from './auto-answer.js';
import type { CallLifecycle } from './call-lifecycle.js';
import type { CallRegistry } from './call-registry.js';
import type { LiveCall } from './live-call.js';
import type { CallOptions } from './phone-api.js';
import type { PhoneContext } from './phone-context.js';
import { isSuccess, type Result } from './result.js';

/** What {@link scheduleAutoAnswer} works with. */
export interface AutoAnswerHost {
  readonly ctx: PhoneContext;
  readonly registry: CallRegistry;
  readonly lifecycle: CallLifecycle;
  /** The phone's `answer(callId, options)`. */
  answer(callId: string, options?: CallOptions): Promise<Result>;
}

/**
 * Answers a ringing inbound call by itself when the phone's `autoAnswer`
 * mode says so: at once for `'always'`, or after the delay the INVITE asks
 * for (see `requestedAnswerDelay`), which `'when-requested'` needs.
 *
 * @remarks
 * The call has already emitted `incoming` and rings meanwhile; the user may
 * answer or reject it first. When the moment comes the mode is read again
 * (an app may have turned auto-answer off), and the call rings on instead
 * if another call is up, unless `autoAnswerWhileBusy`. The answer opens the
 * microphone only, never the camera. `isAutoAnswered` is set as the answer
 * starts and cleared again if it fails (the call then keeps ringing).
 */
export function scheduleAutoAnswer(host: AutoAnswerHost, live: LiveCall): void {
  const { ctx, registry, lifecycle } = host;
  const requested = requestedAnswerDelay((name) => live.sip.header(name));
  const wanted = (): boolean => {
    const mode = ctx.getState().autoAnswer;
    return mode === 'always' || (mode === 'when-requested' && requested !== null);
  };
  const busy = (): boolean => registry.size > 1 && !ctx.config.autoAnswerWhileBusy;
  if (!wanted()) return;
  if (busy()) {
    ctx.logger.info(`call ${live.callId}: not auto-answered, another call is up`);
    return;
  }
  const fire = (): void => {
    live.cleanups.delete(cancel);
    const ringing = registry.get(live.callId) === live && registry.record(live.callId)?.status.callStatus === 'ringing' && !live.answering;
    if (!ringing || !wanted() || busy()) return;
    lifecycle.update(live, { status: { isAutoAnswered: true } });
    void host.answer(live.callId, { audio: true, video: false }).then((outcome) => {
      if (isSuccess(outcome)) return;
      ctx.logger.warn(`call ${live.callId}: auto-answer failed: ${outcome.message}`);
      if (registry.get(live.callId) === live) lifecycle.update(live, { status: { isAutoAnswered: false } });
    });
  };
  const timer = setTimeout(fire, (requested ?? 0) * 1000);
  const cancel = (): void => clearTimeout(timer);
  live.cleanups.add(cancel);
}
