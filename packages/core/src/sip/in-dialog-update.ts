import type { Core } from 'sip.js';
// Deep imports: the `Core` namespace as a value would pull all of sip.js's core into the bundle.
import { SignalingState } from 'sip.js/lib/core/session/session.js';
import { NonInviteServerTransaction } from 'sip.js/lib/core/transactions/non-invite-server-transaction.js';
import { UserAgentServer } from 'sip.js/lib/core/user-agents/user-agent-server.js';

/** Answers one in-dialog UPDATE (its server transaction is already made). */
export type UpdateHandler = (uas: Core.UserAgentServer, message: Core.IncomingRequestMessage) => void;

/** Dialogs whose UPDATEs a call answers. */
const handlers = new WeakMap<Core.Dialog, UpdateHandler>();
/** User agent cores already hooked. */
const hooked = new WeakSet<Core.UserAgentCore>();

/**
 * Lets `handler` answer the UPDATEs (RFC 3311) of `dialog`.
 *
 * @remarks
 * sip.js 0.21 does not implement UPDATE: its user agent core answers every
 * UPDATE 405 before a dialog sees it (UPDATE is not in its allowed methods),
 * and its session dialog would answer 501. A PBX or peer that refreshes the
 * session with UPDATE (RFC 4028 §7.1 lets the refresher pick UPDATE or
 * re-INVITE) and gets 405 may tear the call down. So the core's handling of
 * requests that match no transaction is wrapped once per core: an UPDATE
 * for a dialog registered here gets a server transaction (retransmissions
 * are absorbed by it) and goes to the dialog's handler; anything else goes
 * on to sip.js unchanged. The `Allow` header sip.js sends is left as it is,
 * so well-behaved peers go on refreshing with re-INVITE.
 */
export function answerUpdates(core: Core.UserAgentCore, dialog: Core.Dialog, handler: UpdateHandler): void {
  handlers.set(dialog, handler);
  if (hooked.has(core)) return;
  hooked.add(core);
  // `receiveRequest` is the core's private step for requests that match no server transaction.
  const inner = core as unknown as { receiveRequest(message: Core.IncomingRequestMessage): void };
  const original = inner.receiveRequest.bind(core);
  inner.receiveRequest = (message) => {
    const target = message.method === 'UPDATE' && message.toTag ? core.dialogs.get(message.callId + message.toTag + message.fromTag) : undefined;
    const handle = target && handlers.get(target);
    if (!handle) return original(message);
    handle(new UserAgentServer(NonInviteServerTransaction, core, message), message);
  };
}

/** The parts of a sip.js session an UPDATE answer needs. */
interface UpdatedSession {
  readonly dialog?: Pick<Core.Session, 'signalingState'>;
  readonly sessionDescriptionHandler?: {
    setDescription(sdp: string, options?: object): Promise<void>;
    getDescription(options?: object): Promise<{ body: string; contentType: string }>;
  };
  readonly sessionDescriptionHandlerOptionsReInvite: object | undefined;
}

/**
 * Answers an in-dialog UPDATE: 200 to one without a body (a session refresh,
 * RFC 4028 §7.1: nothing changes); an SDP offer is handed to the media
 * layer like a re-INVITE's (with the call's current hold options) and
 * answered 200 with its answer, or 491 while an offer of ours is
 * outstanding (RFC 3311 §5.2), 415 for a body that is not SDP, 488 when
 * the media layer refuses it.
 *
 * @returns the offer's SDP when one was accepted, else `undefined`. Never rejects.
 */
export async function answerUpdate(session: UpdatedSession, uas: Core.UserAgentServer, message: Core.IncomingRequestMessage): Promise<string | undefined> {
  const offer = message.body;
  try {
    if (!offer) {
      uas.accept({ statusCode: 200 });
      return undefined;
    }
    const handler = session.sessionDescriptionHandler;
    if (!/^application\/sdp\b/i.test(message.getHeader('content-type') ?? '')) {
      uas.reject({ statusCode: 415, extraHeaders: ['Accept: application/sdp'] });
    } else if (session.dialog?.signalingState !== SignalingState.Stable) {
      uas.reject({ statusCode: 491 });
    } else if (!handler) {
      uas.reject({ statusCode: 488 });
    } else {
      const options = session.sessionDescriptionHandlerOptionsReInvite;
      try {
        await handler.setDescription(offer, options);
        const answer = await handler.getDescription(options);
        uas.accept({ statusCode: 200, body: { contentDisposition: 'session', contentType: answer.contentType, content: answer.body } });
        return offer;
      } catch {
        uas.reject({ statusCode: 488 });
      }
    }
  } catch {
    // The answer could not be sent (transaction gone, connection lost): the far end retransmits or gives up.
  }
  return undefined;
}
