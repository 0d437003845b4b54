'use client';
import type { CallStatus, TransferState } from '@webphone/core';
import { forwardRef, type HTMLAttributes } from 'react';
import { transferFailureText, transferSentence } from '../ActiveCall/call-text.js';
import { TransferIcon, WarningIcon } from '../icons/icons.js';
import { cx } from '../internal/cx.js';
import { localeAttributes, useMessages } from '../messages/WebphoneMessages.js';

/** Props of {@link TransferStatus}; other HTML attributes go to the root `<div>`. */
export interface TransferStatusProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The call the banner belongs to: a transferred call, or the consultation leg (`isTransfer`). */
  call: Pick<CallStatus, 'name' | 'number' | 'isTransfer' | 'transferParent'>;
  /** Progress of the transfer (the store's `CallRecord.transfer`). Default idle. */
  transfer?: TransferState;
  /** Complete an attended transfer (REFER with Replaces). */
  onComplete?: () => void;
  /** Abandon an attended transfer: end the consultation and resume the held call. */
  onCancel?: () => void;
  /** Offer to try a failed transfer again. */
  onRetry?: () => void;
  className?: string;
}

const IDLE: TransferState = { status: 'idle' };

/**
 * A banner for a transfer in progress or failed, with Complete / Cancel for an
 * attended transfer. Renders nothing when there is no transfer.
 *
 * @remarks
 * A consultation leg (`call.isTransfer` with `transferParent`) shows the banner
 * even when its own transfer state is idle, since it exists only to be joined
 * to the held parent call. A failure reads like an end reason ("Transfer to
 * 1009 failed: The line is busy (SIP 486)"), whatever the core's log text.
 */
export const TransferStatus = forwardRef<HTMLDivElement, TransferStatusProps>(function TransferStatus(
  { call, transfer = IDLE, onComplete, onCancel, onRetry, className, ...rest },
  ref,
) {
  const m = useMessages();
  const nameOf = (party: { name: string; number: string }) => party.name.trim() || m.displayNumber(party.number);
  const consultingFor = call.isTransfer && call.transferParent ? nameOf(call.transferParent) : null;
  if (transfer.status === 'idle' && consultingFor === null) return null;
  const consulting = transfer.status === 'idle' || transfer.status === 'attended-consulting';
  const failed = transfer.status === 'failed';
  const busy = !consulting && !failed;
  const message =
    transfer.status === 'idle' || (consulting && consultingFor !== null)
      ? m.transfer.consultingFor(consultingFor ?? '')
      : transferSentence(transfer.status, m.displayNumber(transfer.target), failed ? transferFailureText(transfer.reason, m) : '', nameOf(call), m);
  const cancel = consulting && onCancel && (
    <button type="button" className="wp-button wp-button--small" data-wp-action="cancel-transfer" onClick={onCancel}>
      {m.transfer.cancel}
    </button>
  );
  const complete = consulting && onComplete && (
    <button type="button" className="wp-button wp-button--small wp-button--primary" data-wp-action="complete-transfer" onClick={onComplete}>
      {m.transfer.complete}
    </button>
  );
  const retry = failed && onRetry && (
    <button type="button" className="wp-button wp-button--small" data-wp-action="retry-transfer" onClick={onRetry}>
      {m.transfer.tryAgain}
    </button>
  );

  return (
    <div
      {...localeAttributes(m)}
      {...rest}
      ref={ref}
      className={cx('wp-banner', failed ? 'wp-banner--error' : 'wp-banner--info', className)}
      data-busy={busy ? '' : undefined}
    >
      <p className="wp-banner__message">
        {failed ? (
          <WarningIcon className="wp-banner__icon" />
        ) : busy ? (
          <span className="wp-banner__spinner" aria-hidden />
        ) : (
          <TransferIcon className="wp-banner__icon" />
        )}
        <span>{message}</span>
      </p>
      {(cancel || complete || retry) && (
        <div className="wp-banner__actions">
          {cancel}
          {complete}
          {retry}
        </div>
      )}
    </div>
  );
});
