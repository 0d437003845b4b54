import { Registerer, UserAgent, type Invitation, type SessionDescriptionHandlerFactory } from 'sip.js';
import type { SipServerHandle } from '@webphone/sip-server';
import { fakeMedia } from '../../testing/fake-media.js';

/** How a raw sip.js far end handles what it is sent. */
export interface RawPeerOptions {
  /** Called with each INVITE it gets; the test answers (or not). */
  onInvite(invitation: Invitation): void;
  /** Its media; fake media by default. */
  sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory;
}

const started = new Set<UserAgent>();

/**
 * A raw sip.js user agent registered as `extension` on `sipServer`
 * (password `secret<extension>`): the far end webphone must work with.
 * Stop every one a test made with {@link stopRawPeers}.
 */
export async function registeredRawPeer(sipServer: SipServerHandle, extension: string, options: RawPeerOptions): Promise<UserAgent> {
  const userAgent = new UserAgent({
    uri: UserAgent.makeURI(`sip:${extension}@${sipServer.domain}`),
    transportOptions: { server: sipServer.url },
    authorizationUsername: extension,
    authorizationPassword: `secret${extension}`,
    logBuiltinEnabled: false,
    sessionDescriptionHandlerFactory: options.sessionDescriptionHandlerFactory ?? fakeMedia().seam.sessionDescriptionHandlerFactory,
    delegate: { onInvite: (invitation) => options.onInvite(invitation) },
  });
  started.add(userAgent);
  await userAgent.start();
  await new Promise<void>((resolve) => {
    const registerer = new Registerer(userAgent);
    registerer.stateChange.addListener((state) => state === 'Registered' && resolve());
    void registerer.register();
  });
  return userAgent;
}

/** Stops every raw peer made since the last call. */
export async function stopRawPeers(): Promise<void> {
  const peers = [...started];
  started.clear();
  await Promise.all(peers.map((userAgent) => userAgent.stop().catch(() => undefined)));
}
