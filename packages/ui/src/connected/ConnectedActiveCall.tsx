'use client';
import type { TransferState } from '@webphone/core';
import { isSuccess, usePhone, usePhoneCommands } from '@webphone/react';
import { forwardRef, useState, type ReactNode } from 'react';
import { ActiveCall, type ActiveCallProps } from '../ActiveCall/ActiveCall.js';
import { useMessages } from '../messages/WebphoneMessages.js';
import { activeCallIdOf, callsToHold } from './call-selection.js';
import { callErrorText } from './result-text.js';
import { useEndedCall } from './useEndedCall.js';

/** Props of {@link ConnectedActiveCall}: the {@link ActiveCall}'s look, slots and HTML attributes, without what the phone decides. */
export interface ConnectedActiveCallProps
  extends Pick<ActiveCallProps, 'tones' | 'now' | 'avatar' | 'actions' | 'className'>, Omit<ActiveCallProps, CallData | Callbacks> {
  /** The call to show. Default: the current call, or the latest one that is not ringing. */
  callId?: string;
  /** Told when the user closes the card of an ended call, e.g. to move focus on. */
  onUserDismiss?: () => void;
  /**
   * The video of a video call, e.g. `(callId) => <ConnectedCallVideo callId={callId} />`.
   * Given, the card also offers the Camera toggle (`audioToVideo` / `videoToAudio`)
   * and asks the user when the far end wants to add video (`agreeChangeVideo`).
   * Without it the card stays audio-only and ships no video code.
   */
  renderVideo?: (callId: string) => ReactNode;
}

type CallData = 'call' | 'transfer' | 'qualityWarnings' | 'ended' | 'recordPermissions' | 'video' | 'videoChanging' | 'videoRequested';
type Callbacks =
  | 'onHangup'
  | 'onMuteChange'
  | 'onHoldChange'
  | 'onRecordChange'
  | 'onDtmf'
  | 'onTransfer'
  | 'onCompleteTransfer'
  | 'onCancelTransfer'
  | 'onDismiss'
  | 'onCallAgain'
  | 'onVideoChange'
  | 'onVideoRequestAnswer';

const IDLE: TransferState = { status: 'idle' };

/**
 * The in-call screen of the phone under `<PhoneProvider>`: {@link ActiveCall}
 * wired to the store and the phone's commands.
 *
 * @remarks
 * - Mute, hold, record (within `recordPermissions`), in-call DTMF and hang up
 *   go to the phone with the call's id.
 * - Transfer: "Transfer now" sends REFER (`blindTransfer`); "Consult first"
 *   places the consultation call (`attendedTransfer`, the phone holds this
 *   call). The consultation leg shows the parent's transfer state, so it
 *   offers Complete (`completeTransfer`, REFER with Replaces) and Cancel (hang
 *   up the consultation, resume the parent).
 * - The call's quality warnings (`qualityWarnings` of its record) show as
 *   badges while it is talking.
 * - When the shown call ends or fails, the card keeps its reason ("The line is
 *   busy (SIP 486)") with Close and Call again, until dismissed or a new call
 *   starts. Ends the user caused here (Hang up, Cancel transfer) show no card.
 *   A call handed over by a transfer offers Close only.
 *
 * Renders nothing when there is no call to show.
 */
export const ConnectedActiveCall = forwardRef<HTMLElement, ConnectedActiveCallProps>(function ConnectedActiveCall(
  { callId, onUserDismiss, renderVideo, ...look },
  ref,
) {
  const m = useMessages();
  const phone = usePhoneCommands();
  // Only the shown call, its transfer parent's transfer and the permission: other calls do not re-render it.
  const { record, parentTransfer, recordPermissions } = usePhone((s) => {
    const shownId = callId ?? activeCallIdOf(s);
    const shown = shownId === null ? undefined : s.calls[shownId];
    const parent = shown?.status.isTransfer && shown.status.transferParent;
    return { record: shown, parentTransfer: parent ? s.calls[parent.callId]?.transfer : undefined, recordPermissions: s.recordPermissions };
  });
  const { ended, dismiss, markLocal, setReason } = useEndedCall(phone.phone, record?.status);
  const [transferError, setTransferError] = useState<{ callId: string; transfer: TransferState } | null>(null);

  if (ended) {
    const callAgain = async (): Promise<void> => {
      const result = await phone.call(ended.call.number);
      if (!isSuccess(result)) {
        setReason({ text: callErrorText(result, m) });
        return;
      }
      for (const id of callsToHold(phone.phone.store.getState())) phone.hold(id);
      dismiss();
    };
    return (
      <ActiveCall
        {...look}
        ref={ref}
        call={ended.call}
        ended={ended.end}
        onDismiss={() => {
          dismiss();
          onUserDismiss?.();
        }}
        onCallAgain={() => void callAgain()}
      />
    );
  }
  if (!record) return null;

  const { status } = record;
  const id = status.callId;
  const parentId = status.isTransfer ? (status.transferParent?.callId ?? null) : id;
  // A consultation leg shows (and acts on) the transfer of the call it belongs to.
  const storeTransfer = status.isTransfer ? (parentTransfer ?? IDLE) : record.transfer;
  const transfer = transferError?.callId === id && storeTransfer.status === 'idle' ? transferError.transfer : storeTransfer;
  const consultId = status.isTransfer ? id : storeTransfer.status === 'attended-consulting' ? storeTransfer.consultCallId : null;

  return (
    <ActiveCall
      {...look}
      ref={ref}
      call={status}
      transfer={transfer}
      qualityWarnings={record.qualityWarnings}
      recordPermissions={recordPermissions}
      onMuteChange={(muted) => (muted ? phone.mute(id) : phone.unmute(id))}
      onHoldChange={(held) => (held ? phone.hold(id) : phone.unhold(id))}
      onRecordChange={(recording) => (recording ? phone.startRecord(id) : phone.pauseRecord(id))}
      onDtmf={(digit) => phone.dtmf(id, digit)}
      onTransfer={(target, mode) => {
        setTransferError(null);
        const started = mode === 'blind' ? phone.blindTransfer(id, target) : phone.attendedTransfer(id, target);
        if (!started) {
          // Log-style reasons, as the core's; the widget shows them as sentences (transferFailureText).
          const reason = mode === 'blind' ? 'REFER not sent' : 'consultation call not placed';
          setTransferError({ callId: id, transfer: { status: 'failed', target, reason } });
        }
      }}
      onCompleteTransfer={consultId === null ? undefined : () => phone.completeTransfer(consultId)}
      onCancelTransfer={
        consultId === null
          ? undefined
          : () => {
              markLocal(consultId);
              phone.hangup(consultId);
              if (parentId !== null) {
                phone.unhold(parentId);
                phone.setCurrentSession(parentId);
              }
            }
      }
      onHangup={() => {
        markLocal(id);
        phone.hangup(id);
      }}
      {...(renderVideo && {
        video: renderVideo(id),
        videoChanging: record.videoChange.status === 'requesting',
        videoRequested: record.videoChange.status === 'requested-by-remote',
        onVideoChange: (on: boolean) => void (on ? phone.audioToVideo(id) : phone.videoToAudio(id)),
        onVideoRequestAnswer: (accept: boolean) => void phone.agreeChangeVideo(id, accept),
      })}
    />
  );
});
