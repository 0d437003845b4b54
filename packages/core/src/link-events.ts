/** An outage of the signalling link: from the loss of a registered phone's connection until it is registered again. */
export interface LinkOutage {
  /** When the connection was lost (epoch ms). */
  readonly lostAt: number;
  /** Why: the close reason the transport gave, or the keep-alive's "no answer …" when the phone found the connection dead. */
  readonly reason: string;
  /** The browser fired `online` during the outage: the network, and with it the local address, may have changed (ICE restart). */
  readonly networkChanged: boolean;
}

/**
 * What the registration layer tells the call layer about the signalling
 * link (internal; applications see `connected`/`registered` events and the
 * store instead).
 *
 * @remarks
 * In-dialog requests of live calls can reach the far end again only once the
 * registrar has the phone's new connection: `recovered` is the moment to send
 * each established call a re-INVITE (RFC 3261 §14; RFC 5626 §4.2.2 for why a
 * new flow needs a fresh registration first).
 */
export interface LinkEventMap {
  /** A registered phone lost its connection (closed, or found dead by the keep-alive). Fires once per outage. */
  lost: [outage: LinkOutage];
  /** After `lost`: connected again and the registrar accepted the binding again. Fires after the store and `registered`. */
  recovered: [outage: LinkOutage & { readonly recoveredAt: number }];
}
