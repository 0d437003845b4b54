'use client';
import type { CallStatus, QualityWarningName, RecordPermissions, TransferState } from '@webphone/core';
import { useEffect, useId, useRef, useState } from 'react';
import { Avatar } from '../Avatar/Avatar.js';
import { CallTimer } from '../CallTimer/CallTimer.js';
import { HangUpIcon, KeypadIcon, MicIcon, MicOffIcon, PauseIcon, PhoneIcon, RecordIcon, TransferIcon } from '../icons/icons.js';
import { ControlButton } from '../internal/ControlButton.js';
import { cx } from '../internal/cx.js';
import { Keypad } from '../Keypad/Keypad.js';
import type { KeypadKey } from '../Keypad/keypad-keys.js';
import { TransferPanel, type TransferMode } from '../TransferPanel/TransferPanel.js';
import { TransferStatus } from '../TransferStatus/TransferStatus.js';
import { QualityWarnings } from './QualityWarnings.js';
import { describeQualityChange } from './quality-text.js';
import { callStatusText, callTone, describeCallChange, endReasonText, snapshotOf, type CallSnapshot, type ShownEnd } from './call-text.js';

/** Props of {@link ActiveCall}. A control is shown only when its callback is given. */
export interface ActiveCallProps {
  /** The call, as the core's `CallStatus` (the store's `calls[id].status`). */
  call: CallStatus;
  /** Progress of a transfer of this call (the store's `calls[id].transfer`). Default idle. */
  transfer?: TransferState;
  /**
   * Active quality warnings (the store's `calls[id].qualityWarnings`): shown
   * as badges under the call state and announced. Default none.
   */
  qualityWarnings?: readonly QualityWarningName[];
  /** Set when the call has ended or failed: the card then shows the reason instead of controls. */
  ended?: ShownEnd | null;
  /**
   * What recording the user may do (`PhoneConfig.recordPermissions`): 0 none
   * (no Record button), 1 pause/resume only, 2 start/pause/resume. Default 2.
   */
  recordPermissions?: RecordPermissions;
  /** Play local DTMF tones on the in-call keypad. Default `false`. */
  tones?: boolean;
  /** Clock for the call timer. Default `Date.now`. */
  now?: () => number;
  /** End the call (CANCEL before answer, BYE after). */
  onHangup?: () => void;
  /** Mute (`true`) or unmute the microphone. */
  onMuteChange?: (muted: boolean) => void;
  /** Hold (`true`) or resume the call. */
  onHoldChange?: (held: boolean) => void;
  /** Start or resume (`true`) or pause recording. */
  onRecordChange?: (recording: boolean) => void;
  /** Send one DTMF digit from the in-call keypad. */
  onDtmf?: (digit: KeypadKey) => void;
  /** Transfer to a target, blind (REFER now) or attended (consult first). */
  onTransfer?: (target: string, mode: TransferMode) => void;
  /** Complete an attended transfer. */
  onCompleteTransfer?: () => void;
  /** Abandon an attended transfer. */
  onCancelTransfer?: () => void;
  /** Close the card of an ended call. */
  onDismiss?: () => void;
  /** Call the same number again from an ended call. */
  onCallAgain?: () => void;
  className?: string;
}

const IDLE: TransferState = { status: 'idle' };
const NO_WARNINGS: readonly QualityWarningName[] = [];
type Panel = 'none' | 'keypad' | 'transfer';

/**
 * The in-call screen: who, status and live timer, mute / hold / record toggles,
 * in-call keypad, blind and attended transfer, hang up.
 *
 * @remarks
 * Status changes (connected, held, muted, recording, transfer progress, the end
 * reason) are announced through a polite `aria-live` region; the timer is not.
 * Hold, record, keypad and transfer are available once the call is talking.
 */
export function ActiveCall({
  call,
  transfer = IDLE,
  qualityWarnings = NO_WARNINGS,
  ended,
  recordPermissions = 2,
  tones,
  now,
  className,
  onHangup,
  onMuteChange,
  onHoldChange,
  onRecordChange,
  onDtmf,
  onTransfer,
  onCompleteTransfer,
  onCancelTransfer,
  onDismiss,
  onCallAgain,
}: ActiveCallProps) {
  const id = useId();
  const [panel, setPanel] = useState<Panel>('none');
  const [digits, setDigits] = useState('');
  const [retryTarget, setRetryTarget] = useState('');
  const talking = call.callStatus === 'talking' && !ended;
  const shownWarnings = talking ? qualityWarnings : NO_WARNINGS;
  const announcement = useAnnouncement(snapshotOf(call, transfer, ended), shownWarnings);

  const recording = call.recordStatus === 'recording';
  const transferBusy = transfer.status !== 'idle' && transfer.status !== 'failed';
  const canTransfer = talking && !call.isTransfer && !transferBusy && onTransfer !== undefined;
  const visiblePanel: Panel = !talking || (panel === 'transfer' && !canTransfer) || (panel === 'keypad' && call.isHold) ? 'none' : panel;
  const toggle = (next: Panel) => setPanel(visiblePanel === next ? 'none' : next);
  const meta = [call.name.trim() ? call.number : '', call.company.trim()].filter(Boolean).join(' · ');

  return (
    <section className={cx('wp-card', 'wp-call', className)} data-state={callTone(call, ended)} aria-labelledby={`${id}-name`}>
      <p className="wp-call__status">
        <span className="wp-status-dot" aria-hidden />
        <span>{callStatusText(call, ended)}</span>
        {call.callStartTime > 0 && !ended && (
          <>
            <span aria-hidden>·</span>
            <CallTimer startTime={call.callStartTime} now={now} className="wp-call__timer" />
          </>
        )}
        {call.isEarlyMedia && !ended && (
          <>
            <span aria-hidden>·</span>
            <span className="wp-call__early">Early media</span>
          </>
        )}
        {call.isAutoAnswered && !ended && (
          <>
            <span aria-hidden>·</span>
            <span className="wp-call__auto">Auto-answered</span>
          </>
        )}
      </p>
      <div className={cx('wp-call__identity', visiblePanel !== 'none' && 'wp-call__identity--compact')}>
        <Avatar
          name={call.name}
          number={call.number}
          src={call.avatar}
          size={visiblePanel === 'none' ? 'lg' : 'md'}
          pulsing={call.callStatus === 'calling' && !ended}
        />
        <div className="wp-call__who">
          <h2 id={`${id}-name`} className="wp-call__name">
            {call.name.trim() || call.number || 'Unknown'}
          </h2>
          {meta && <p className="wp-call__meta">{meta}</p>}
        </div>
      </div>
      {ended ? (
        <div className="wp-call__ended">
          <p className="wp-call__reason">{endReasonText(ended)}</p>
          <div className="wp-call__ended-actions">
            {onDismiss && (
              <button type="button" className="wp-button" onClick={onDismiss}>
                Close
              </button>
            )}
            {onCallAgain && (
              <button type="button" className="wp-button wp-button--success" onClick={onCallAgain}>
                <PhoneIcon />
                Call again
              </button>
            )}
          </div>
        </div>
      ) : (
        <>
          <CallBadges call={call} />
          <QualityWarnings warnings={shownWarnings} />
          <TransferStatus
            call={call}
            transfer={transfer}
            onComplete={onCompleteTransfer}
            onCancel={onCancelTransfer}
            onRetry={
              transfer.status === 'failed' && canTransfer
                ? () => {
                    setRetryTarget(transfer.target);
                    setPanel('transfer');
                  }
                : undefined
            }
          />
          {visiblePanel === 'keypad' && onDtmf && (
            <div id={`${id}-keypad`} className="wp-call__panel">
              <output className={cx('wp-call__digits', digits === '' && 'wp-call__digits--empty')} aria-label="Digits sent">
                {digits || 'Tones go to the call'}
              </output>
              <Keypad
                size="compact"
                tones={tones}
                label="Send tones"
                onKey={(key) => {
                  setDigits((d) => (d + key).slice(-24));
                  onDtmf(key);
                }}
              />
            </div>
          )}
          {visiblePanel === 'transfer' && onTransfer && (
            <div id={`${id}-transfer`} className="wp-call__panel">
              <TransferPanel
                defaultTarget={retryTarget}
                onClose={() => setPanel('none')}
                onTransfer={(target, mode) => {
                  setPanel('none');
                  onTransfer(target, mode);
                }}
              />
            </div>
          )}
          <div className="wp-call__controls" role="group" aria-label="Call controls">
            {onMuteChange && (
              <ControlButton
                kind="mute"
                label="Mute"
                icon={call.isMute ? <MicOffIcon /> : <MicIcon />}
                pressed={call.isMute}
                onClick={() => onMuteChange(!call.isMute)}
              />
            )}
            {onHoldChange && (
              <ControlButton
                kind="hold"
                label="Hold"
                icon={<PauseIcon />}
                pressed={call.isHold}
                disabled={!talking}
                onClick={() => onHoldChange(!call.isHold)}
              />
            )}
            {onRecordChange && recordPermissions > 0 && (
              <ControlButton
                kind="record"
                substate={call.recordStatus}
                label="Record"
                icon={<RecordIcon />}
                danger
                pressed={recording}
                disabled={!talking || (recordPermissions === 1 && call.recordStatus === 'stop')}
                onClick={() => onRecordChange(!recording)}
              />
            )}
            {onDtmf && (
              <ControlButton
                kind="keypad"
                label="Keypad"
                icon={<KeypadIcon />}
                expanded={visiblePanel === 'keypad'}
                controls={`${id}-keypad`}
                disabled={!talking || call.isHold}
                onClick={() => toggle('keypad')}
              />
            )}
            {onTransfer && !call.isTransfer && (
              <ControlButton
                kind="transfer"
                label="Transfer"
                icon={<TransferIcon />}
                expanded={visiblePanel === 'transfer'}
                controls={`${id}-transfer`}
                disabled={!canTransfer}
                onClick={() => {
                  setRetryTarget('');
                  toggle('transfer');
                }}
              />
            )}
          </div>
          {onHangup && (
            <div className="wp-call__hangup">
              <button type="button" className="wp-hangup" onClick={onHangup}>
                <HangUpIcon className="wp-hangup__icon" />
                <span>Hang up</span>
              </button>
            </div>
          )}
        </>
      )}
      <div className="wp-sr-only" role="status" aria-live="polite" aria-atomic>
        {announcement}
      </div>
    </section>
  );
}

function CallBadges({ call }: { call: CallStatus }) {
  // [text, tone]; the text is the key. "On hold" is the status line's alone, so it shows once.
  const badges = [
    call.isMute && ['Muted', 'muted'],
    call.recordStatus === 'recording' && ['Recording', 'rec'],
    call.recordStatus === 'pause' && ['Recording paused', 'paused'],
  ].filter((badge) => badge !== false);
  if (badges.length === 0) return null;
  return (
    <ul className="wp-call__badges" aria-label="Call state">
      {badges.map(([text, tone]) => (
        <li key={text} className={`wp-badge wp-badge--${tone}`}>
          {text}
        </li>
      ))}
    </ul>
  );
}

/** The text of the live region: the latest change worth announcing (of the call, or of its quality warnings). */
function useAnnouncement(snapshot: CallSnapshot, warnings: readonly QualityWarningName[]): string {
  const prev = useRef<CallSnapshot | null>(null);
  const prevWarnings = useRef<readonly QualityWarningName[]>([]);
  const [message, setMessage] = useState('');
  const key = JSON.stringify(snapshot);
  const warningKey = warnings.join(' ');
  useEffect(() => {
    const next = JSON.parse(key) as CallSnapshot;
    const text = describeCallChange(prev.current, next);
    prev.current = next;
    if (text !== null) setMessage(text);
  }, [key]);
  useEffect(() => {
    const next = warningKey === '' ? [] : (warningKey.split(' ') as QualityWarningName[]);
    const text = describeQualityChange(prevWarnings.current, next);
    prevWarnings.current = next;
    if (text !== null) setMessage(text);
  }, [warningKey]);
  return message;
}
