'use client';
import type { CallStatus, QualityWarningName, RecordPermissions, TransferState } from '@webphone/core';
import { forwardRef, useEffect, useId, useLayoutEffect, useRef, useState, type FocusEvent, type HTMLAttributes, type ReactNode } from 'react';
import { Avatar } from '../Avatar/Avatar.js';
import { CallTimer } from '../CallTimer/CallTimer.js';
import { CameraIcon, HangUpIcon, KeypadIcon, MicIcon, MicOffIcon, PauseIcon, PhoneIcon, RecordIcon, TransferIcon } from '../icons/icons.js';
import { ControlButton } from '../internal/ControlButton.js';
import { cx } from '../internal/cx.js';
import { requestFocus } from '../internal/focus-request.js';
import { mergeRefs } from '../internal/merge-refs.js';
import type { Messages } from '../messages/messages.js';
import { localeAttributes, useMessages } from '../messages/WebphoneMessages.js';
import { PhoneNumber } from '../number/PhoneNumber.js';
import { Keypad } from '../Keypad/Keypad.js';
import type { KeypadKey } from '../Keypad/keypad-keys.js';
import { TransferPanel, type TransferMode } from '../TransferPanel/TransferPanel.js';
import { TransferStatus } from '../TransferStatus/TransferStatus.js';
import { QualityWarnings } from './QualityWarnings.js';
import { describeQualityChange } from './quality-text.js';
import { callStatusText, callTone, describeCallChange, endReasonText, isTransferred, snapshotOf, type CallSnapshot, type ShownEnd } from './call-text.js';

/** Props of {@link ActiveCall}. A control is shown only when its callback is given; other HTML attributes go to the root `<section>`. */
export interface ActiveCallProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
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
  /**
   * Turn the camera on (`true`: the call switches to video) or off. Shows the
   * Camera toggle, pressed while the call has video (`call.isVideo`).
   */
  onVideoChange?: (video: boolean) => void;
  /** A switch between audio and video is under way (the store's `videoChange`): the Camera toggle waits. */
  videoChanging?: boolean;
  /**
   * The call's video, shown while the call has video, e.g.
   * `<ConnectedCallVideo callId={id} />` or `<CallVideo …/>`: passed in, so an
   * app without video does not ship the video widget.
   */
  video?: ReactNode;
  /** The far end asks to add video (the store's `videoChange.status` is `'requested-by-remote'`): shows the question. */
  videoRequested?: boolean;
  /** Answer the far end's request to add video (`agreeChangeVideo`). */
  onVideoRequestAnswer?: (accept: boolean) => void;
  /** Call the same number again from an ended call (not offered after a successful transfer: that person was passed on). */
  onCallAgain?: () => void;
  /** Replaces the caller's picture (`null` hides it). Default the {@link Avatar} of the call. */
  avatar?: ReactNode;
  /** Extra controls of the app, put after the built-in ones in the "Call controls" group. */
  actions?: ReactNode;
  className?: string;
}

/** Selectors of the controls focus moves to after an action removed or disabled the focused one, best first. */
const FIRST_CONTROL = '.wp-call__controls button:not(:disabled)';
const HANG_UP = '[data-wp-action="hang-up"]';

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
export const ActiveCall = forwardRef<HTMLElement, ActiveCallProps>(function ActiveCall(
  {
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
    onVideoChange,
    videoChanging = false,
    video,
    videoRequested = false,
    onVideoRequestAnswer,
    avatar,
    actions,
    ...rest
  },
  forwardedRef,
) {
  const m = useMessages();
  const id = useId();
  const rootRef = useRef<HTMLElement>(null);
  const focusNext = (...selectors: string[]) => requestFocus(rootRef.current, [...selectors, FIRST_CONTROL, HANG_UP]);
  // Whether focus was last inside this card: when the call ends under it (a transfer went through, the far
  // end hung up) the controls go, and focus moves to Close instead of dropping to the page.
  const focusInside = useRef(false);
  const hasEnded = Boolean(ended);
  useLayoutEffect(() => {
    if (hasEnded && focusInside.current) requestFocus(rootRef.current, ['[data-wp-action="dismiss"]', '[data-wp-action="call-again"]'], { onlyWhenLost: true });
  }, [hasEnded]);
  const [panel, setPanel] = useState<Panel>('none');
  const [digits, setDigits] = useState('');
  const [retryTarget, setRetryTarget] = useState('');
  const talking = call.callStatus === 'talking' && !ended;
  const shownWarnings = talking ? qualityWarnings : NO_WARNINGS;
  const announcement = useAnnouncement(snapshotOf(call, transfer, ended, m), shownWarnings, m);

  const recording = call.recordStatus === 'recording';
  const transferBusy = transfer.status !== 'idle' && transfer.status !== 'failed';
  const canTransfer = talking && !call.isTransfer && !transferBusy && onTransfer !== undefined;
  const visiblePanel: Panel = !talking || (panel === 'transfer' && !canTransfer) || (panel === 'keypad' && call.isHold) ? 'none' : panel;
  const toggle = (next: Panel) => setPanel(visiblePanel === next ? 'none' : next);
  const shownNumber = call.name.trim() !== '' && call.number !== '';
  const company = call.company.trim();
  const offerCallAgain = onCallAgain && !(ended && isTransferred(ended));

  return (
    <section
      {...localeAttributes(m)}
      {...rest}
      ref={mergeRefs(rootRef, forwardedRef)}
      onFocus={(event: FocusEvent<HTMLElement>) => {
        rest.onFocus?.(event);
        focusInside.current = true;
      }}
      onBlur={(event: FocusEvent<HTMLElement>) => {
        rest.onBlur?.(event);
        const to = event.relatedTarget;
        if (to instanceof Node && !event.currentTarget.contains(to)) focusInside.current = false;
      }}
      className={cx('wp-card', 'wp-call', className)}
      data-state={callTone(call, ended)}
      aria-labelledby={`${id}-name`}
    >
      <p className="wp-call__status">
        <span className="wp-status-dot" aria-hidden />
        <span>{callStatusText(call, ended, m)}</span>
        {call.callStartTime > 0 && !ended && (
          <>
            <span aria-hidden>·</span>
            <CallTimer startTime={call.callStartTime} now={now} className="wp-call__timer" />
          </>
        )}
        {call.isEarlyMedia && !ended && (
          <>
            <span aria-hidden>·</span>
            <span className="wp-call__early">{m.call.earlyMedia}</span>
          </>
        )}
        {call.isAutoAnswered && !ended && (
          <>
            <span aria-hidden>·</span>
            <span className="wp-call__auto">{m.call.autoAnswered}</span>
          </>
        )}
      </p>
      <div className={cx('wp-call__identity', visiblePanel !== 'none' && 'wp-call__identity--compact')}>
        {avatar === undefined ? (
          <Avatar
            name={call.name}
            number={call.number}
            src={call.avatar}
            size={visiblePanel === 'none' ? 'lg' : 'md'}
            pulsing={call.callStatus === 'calling' && !ended}
          />
        ) : (
          avatar
        )}
        <div className="wp-call__who">
          <h2 id={`${id}-name`} className="wp-call__name">
            {call.name.trim() || (call.number ? <PhoneNumber number={call.number} /> : m.call.unknown)}
          </h2>
          {(shownNumber || company) && (
            <p className="wp-call__meta">
              {shownNumber && <PhoneNumber number={call.number} />}
              {shownNumber && company && ' · '}
              {company}
            </p>
          )}
        </div>
      </div>
      {ended ? (
        <div className="wp-call__ended">
          <p className="wp-call__reason">{endReasonText(ended, m)}</p>
          <div className="wp-call__ended-actions">
            {onDismiss && (
              <button type="button" className="wp-button" data-wp-action="dismiss" onClick={onDismiss}>
                {m.call.close}
              </button>
            )}
            {offerCallAgain && (
              <button type="button" className="wp-button wp-button--success" data-wp-action="call-again" onClick={onCallAgain}>
                <PhoneIcon />
                {m.call.callAgain}
              </button>
            )}
          </div>
        </div>
      ) : (
        <>
          {video !== undefined && call.isVideo && <div className="wp-call__video">{video}</div>}
          {videoRequested && onVideoRequestAnswer && talking && (
            <VideoRequest name={call.name.trim() || m.displayNumber(call.number)} messages={m} onAnswer={onVideoRequestAnswer} />
          )}
          <CallBadges call={call} messages={m} />
          <QualityWarnings warnings={shownWarnings} />
          <TransferStatus
            call={call}
            transfer={transfer}
            onComplete={onCompleteTransfer}
            onCancel={
              onCancelTransfer &&
              (() => {
                onCancelTransfer();
                focusNext();
              })
            }
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
              <output className={cx('wp-call__digits', digits === '' && 'wp-call__digits--empty')} aria-label={m.call.digitsSent} dir="ltr">
                {digits || m.call.digitsHint}
              </output>
              <Keypad
                size="compact"
                tones={tones}
                label={m.call.sendTones}
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
                onClose={() => {
                  setPanel('none');
                  focusNext('[data-wp-action="transfer"]');
                }}
                onTransfer={(target, mode) => {
                  setPanel('none');
                  onTransfer(target, mode);
                  focusNext('[data-wp-action="complete-transfer"]', '[data-wp-action="retry-transfer"]');
                }}
              />
            </div>
          )}
          <div className="wp-call__controls" role="group" aria-label={m.call.controlsLabel}>
            {onMuteChange && (
              <ControlButton
                kind="mute"
                label={call.isMute ? m.call.unmute : m.call.mute}
                icon={call.isMute ? <MicOffIcon /> : <MicIcon />}
                pressed={call.isMute}
                onClick={() => onMuteChange(!call.isMute)}
              />
            )}
            {onVideoChange && (
              <ControlButton
                kind="camera"
                label={m.call.camera}
                icon={<CameraIcon />}
                pressed={call.isVideo}
                disabled={!talking || videoChanging}
                onClick={() => onVideoChange(!call.isVideo)}
              />
            )}
            {onHoldChange && (
              <ControlButton
                kind="hold"
                label={call.isHold ? m.call.resume : m.call.hold}
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
                label={recording ? m.call.stopRecording : call.recordStatus === 'pause' ? m.call.resumeRecording : m.call.record}
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
                label={m.call.keypad}
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
                label={m.call.transfer}
                action="transfer"
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
            {actions}
          </div>
          {onHangup && (
            <div className="wp-call__hangup">
              <button type="button" className="wp-hangup" data-wp-action="hang-up" onClick={onHangup}>
                <HangUpIcon className="wp-hangup__icon" />
                <span>{m.call.hangUp}</span>
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
});

/** The far end's request to add video, with its two answers. */
function VideoRequest({ name, messages: m, onAnswer }: { name: string; messages: Messages; onAnswer: (accept: boolean) => void }) {
  return (
    <div className="wp-call__video-request" role="group" aria-label={m.call.videoRequest.label}>
      <p role="alert">{m.call.videoRequest.text(name)}</p>
      <button type="button" className="wp-button wp-button--success" onClick={() => onAnswer(true)}>
        {m.call.videoRequest.accept}
      </button>
      <button type="button" className="wp-button" onClick={() => onAnswer(false)}>
        {m.call.videoRequest.decline}
      </button>
    </div>
  );
}

function CallBadges({ call, messages: m }: { call: CallStatus; messages: Messages }) {
  // [text, tone]; the text is the key. "On hold" is the status line's alone, so it shows once.
  const badges = [
    call.isMute && [m.call.badges.muted, 'muted'],
    call.recordStatus === 'recording' && [m.call.badges.recording, 'rec'],
    call.recordStatus === 'pause' && [m.call.badges.recordingPaused, 'paused'],
  ].filter((badge) => badge !== false);
  if (badges.length === 0) return null;
  return (
    <ul className="wp-call__badges" aria-label={m.call.badgesLabel}>
      {badges.map(([text, tone]) => (
        <li key={text} className={`wp-badge wp-badge--${tone}`}>
          {text}
        </li>
      ))}
    </ul>
  );
}

/** The text of the live region: the latest change worth announcing (of the call, or of its quality warnings). */
function useAnnouncement(snapshot: CallSnapshot, warnings: readonly QualityWarningName[], messages: Messages): string {
  const latest = useRef(messages);
  useEffect(() => {
    latest.current = messages;
  });
  const prev = useRef<CallSnapshot | null>(null);
  const prevWarnings = useRef<readonly QualityWarningName[]>([]);
  const [message, setMessage] = useState('');
  const key = JSON.stringify(snapshot);
  const warningKey = warnings.join(' ');
  useEffect(() => {
    const next = JSON.parse(key) as CallSnapshot;
    const text = describeCallChange(prev.current, next, latest.current);
    prev.current = next;
    if (text !== null) setMessage(text);
  }, [key]);
  useEffect(() => {
    const next = warningKey === '' ? [] : (warningKey.split(' ') as QualityWarningName[]);
    const text = describeQualityChange(prevWarnings.current, next, latest.current);
    prevWarnings.current = next;
    if (text !== null) setMessage(text);
  }, [warningKey]);
  return message;
}
