import { Registerer, type RegistererOptions, type RegistererRegisterOptions, type UserAgent } from 'sip.js';
import type { OutgoingRegisterRequest } from 'sip.js/lib/core/messages/methods/register.js';

type IncomingResponse = Parameters<NonNullable<NonNullable<RegistererRegisterOptions['requestDelegate']>['onAccept']>>[0];

/** Receives the final response of every REGISTER a registerer sends. */
export interface RegisterObserver {
  onAccept(response: IncomingResponse): void;
  onReject(response: IncomingResponse): void;
}

/**
 * A sip.js Registerer that reports the outcome of every REGISTER, including
 * the refreshes sip.js sends on its own timer (which take no request
 * delegate), so the store's `expiresAt` follows each refresh and a refused
 * refresh is reported like a refused registration.
 */
export class ObservedRegisterer extends Registerer {
  private readonly observer: RegisterObserver;

  constructor(userAgent: UserAgent, options: RegistererOptions, observer: RegisterObserver) {
    super(userAgent, options);
    this.observer = observer;
  }

  override register(options: RegistererRegisterOptions = {}): Promise<OutgoingRegisterRequest> {
    const delegate = options.requestDelegate;
    return super.register({
      ...options,
      requestDelegate: {
        ...delegate,
        onAccept: (response) => {
          delegate?.onAccept?.(response);
          this.observer.onAccept(response);
        },
        onReject: (response) => {
          delegate?.onReject?.(response);
          this.observer.onReject(response);
        },
      },
    });
  }
}
