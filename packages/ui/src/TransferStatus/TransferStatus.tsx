import type { CallStatus, TransferState } from '@webphone/core';
import { transferSentence } from '../ActiveCall/call-text';
import { TransferIcon, WarningIcon } from '../icons/icons';
import { cx } from '../internal/cx';

/** Props of {@link TransferStatus}. */
export interface TransferStatusProps {
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
 * to the held parent call.
 */
export function TransferStatus({ call, transfer = IDLE, onComplete, onCancel, onRetry, className }: TransferStatusProps) {
  const consultingFor = call.isTransfer && call.transferParent ? call.transferParent.name.trim() || call.transferParent.number : null;
  if (transfer.status === 'idle' && consultingFor === null) return null;
  const consulting = transfer.status === 'idle' || transfer.status === 'attended-consulting';
  const failed = transfer.status === 'failed';
  const busy = !consulting && !failed;
  const message =
    transfer.status === 'idle' || (consulting && consultingFor !== null)
      ? `Consulting before transferring ${consultingFor}, who is on hold.`
      : transferSentence(transfer.status, transfer.target, failed ? transfer.reason : '') +
        (failed ? '' : busy ? '…' : `. ${call.name.trim() || call.number} is on hold.`);
  const cancel = consulting && onCancel && (
    <button type="button" className="wp-button wp-button--small" onClick={onCancel}>
      Cancel transfer
    </button>
  );
  const complete = consulting && onComplete && (
    <button type="button" className="wp-button wp-button--small wp-button--primary" onClick={onComplete}>
      Complete transfer
    </button>
  );
  const retry = failed && onRetry && (
    <button type="button" className="wp-button wp-button--small" onClick={onRetry}>
      Try again
    </button>
  );

  return (
    <div className={cx('wp-banner', failed ? 'wp-banner--error' : 'wp-banner--info', className)} data-busy={busy ? '' : undefined}>
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
}
