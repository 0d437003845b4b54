import type { CallStatus, TransferState } from '@webphone/core';
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
  const self = call.name.trim() || call.number;
  let tone: 'info' | 'error' = 'info';
  let message: string;
  let actions: 'attended' | 'retry' | null = null;
  let busy = false;

  switch (transfer.status) {
    case 'idle':
      if (consultingFor === null) return null;
      message = `Consulting before transferring ${consultingFor}, who is on hold.`;
      actions = 'attended';
      break;
    case 'blind-pending':
      message = `Transferring to ${transfer.target}…`;
      busy = true;
      break;
    case 'attended-consulting':
      message = consultingFor !== null ? `Consulting before transferring ${consultingFor}, who is on hold.` : `Consulting ${transfer.target}. ${self} is on hold.`;
      actions = 'attended';
      break;
    case 'completing':
      message = `Completing transfer to ${transfer.target}…`;
      busy = true;
      break;
    case 'failed':
      tone = 'error';
      message = `Transfer to ${transfer.target} failed: ${transfer.reason}`;
      actions = 'retry';
      break;
    default:
      return transfer satisfies never;
  }

  return (
    <div className={cx('wp-banner', `wp-banner--${tone}`, className)} data-busy={busy ? '' : undefined}>
      <p className="wp-banner__message">
        {tone === 'error' ? (
          <WarningIcon className="wp-banner__icon" />
        ) : busy ? (
          <span className="wp-banner__spinner" aria-hidden="true" />
        ) : (
          <TransferIcon className="wp-banner__icon" />
        )}
        <span>{message}</span>
      </p>
      {actions === 'attended' && (onComplete || onCancel) && (
        <div className="wp-banner__actions">
          {onCancel && (
            <button type="button" className="wp-button wp-button--small" onClick={onCancel}>
              Cancel transfer
            </button>
          )}
          {onComplete && (
            <button type="button" className="wp-button wp-button--small wp-button--primary" onClick={onComplete}>
              Complete transfer
            </button>
          )}
        </div>
      )}
      {actions === 'retry' && onRetry && (
        <div className="wp-banner__actions">
          <button type="button" className="wp-button wp-button--small" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
    </div>
  );
}
