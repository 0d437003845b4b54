import type { AutoAnswerMode, CallEndCause, QualityWarningName } from '@webphone/core';

/** The phases of a call that get their own status line (the `data-state` of a call card). */
export type CallToneName = 'calling' | 'ringing' | 'connecting' | 'talking' | 'hold' | 'reconnecting' | 'failed' | 'ended';

/** SIP final statuses that have their own sentence; any other code gets the end cause's sentence. */
export type SipReasonCode = 403 | 404 | 408 | 480 | 484 | 486 | 487 | 488 | 500 | 503 | 600 | 603;

/** `Result` codes a refused `call()` or `answer()` can have that get their own sentence. */
export type CallErrorCode = -202 | -203 | -205 | -206 | -207 | -208 | -209 | -210 | -212 | -290 | -291;

/**
 * Every visible text and accessible name of `@webphone/ui`, in one language.
 *
 * @remarks
 * A complete locale is typed `Messages`, so a missing key fails the type
 * check; an app that changes a few texts passes a {@link MessagesOverride}
 * instead. Texts that take a name, a number or a count are functions, so a
 * language may put the value where its grammar wants it; counts go through
 * `Intl.PluralRules` (see `pluralText`). Numbers and durations are formatted
 * with `Intl` in `locale`.
 */
export interface Messages {
  /** BCP 47 language tag: the widgets' `lang` attribute and the locale of every `Intl` formatter. */
  locale: string;
  /** Writing direction: the widgets' `dir` attribute (their CSS uses logical properties). */
  dir: 'ltr' | 'rtl';
  /**
   * A phone number as shown to people (`+14155550132` → `+1 415 555 0132`).
   * The raw number is still what is dialled, and is kept in the `title`.
   */
  displayNumber: (number: string) => string;
  /** The in-call screen (`ActiveCall`). */
  call: {
    /** The status line per call phase. */
    status: { [tone in CallToneName]: string };
    /** Status line of a call that ended because it was transferred. */
    transferred: string;
    /** Name shown when a call has neither name nor number. */
    unknown: string;
    earlyMedia: string;
    autoAnswered: string;
    /** Accessible name of the badge list. */
    badgesLabel: string;
    badges: { muted: string; recording: string; recordingPaused: string };
    /** Accessible name of the row of controls. */
    controlsLabel: string;
    /** Mute button label while the microphone is on, and while it is muted. */
    mute: string;
    unmute: string;
    hold: string;
    resume: string;
    /** Record button: nothing recorded yet, recording, recording paused. */
    record: string;
    stopRecording: string;
    resumeRecording: string;
    keypad: string;
    transfer: string;
    hangUp: string;
    /** The in-call keypad's digit read-out: its name, and its text before the first digit. */
    digitsSent: string;
    digitsHint: string;
    /** Accessible name of the in-call keypad. */
    sendTones: string;
    close: string;
    callAgain: string;
    /** The Camera toggle (turns a call's video on and off). */
    camera: string;
    /** The far end asks to add video: the group's name, the question with their name, and its two answers. */
    videoRequest: { label: string; text: (name: string) => string; accept: string; decline: string };
  };
  /** Sentences of the in-call screen's live region. */
  announce: {
    /** Entering a phase, with the other party's name. */
    phase: { [phase in 'calling' | 'ringing' | 'connecting' | 'talking']: (name: string) => string };
    answeredAutomatically: string;
    earlyMedia: string;
    connectionLost: string;
    reconnected: string;
    held: string;
    resumed: string;
    muted: string;
    unmuted: string;
    recording: { recording: string; pause: string; stop: string };
    /** Several changes at once, joined (English: `"A. B"`). */
    join: (sentences: readonly string[]) => string;
    /** A call ended: its status line and the reason. */
    ended: (status: string, reason: string) => string;
    /** Quality warnings that appeared (their badge texts). */
    qualityWarnings: (warnings: readonly string[]) => string;
    qualityRecovered: string;
  };
  /** Why a call ended. */
  end: {
    /** Sentences for SIP final statuses; used for end causes and transfer failures alike. */
    sipReasons: { [code in SipReasonCode]: string };
    /** Sentences for the core's end causes, used when there is no SIP status. */
    causes: { [cause in CallEndCause]: string };
    /** A SIP status without a sentence of its own. */
    unknownSip: string;
    /** A sentence with its SIP status (English: `"The line is busy (SIP 486)"`). */
    withCode: (text: string, code: number) => string;
  };
  /** Quality warning badges. */
  quality: { label: string; warnings: { [name in QualityWarningName]: string } };
  /** The incoming-call dialog. */
  incoming: {
    /** The line above the caller: audio or video call. */
    kind: { audio: string; video: string };
    /** The dialog's accessible name. */
    dialogLabel: (kind: string, name: string) => string;
    unknownCaller: string;
    /** The call-waiting note, with the name of the call that answering holds. */
    callWaiting: (name: string) => string;
    answer: string;
    decline: string;
    /** Answering a video call without the camera. */
    answerAudioOnly: string;
    /** The visible hint of the shortcuts, after each key. */
    shortcutAnswer: string;
    shortcutDecline: string;
  };
  /** `DevicePicker`. */
  devicePicker: {
    title: string;
    microphone: string;
    speaker: string;
    ringer: string;
    camera: string;
    /** The first option of every list. */
    systemDefault: string;
    /** Asks for microphone access so devices get their names. */
    showNames: string;
    /** Shown when the browser cannot list devices. */
    unsupported: string;
    /** Shown when speaker and ringer cannot be chosen (no `setSinkId`). */
    defaultOutputOnly: string;
  };
  /** `CallSounds`: the notice while the browser keeps sound off until the user interacts with the page. */
  sounds: { blocked: string };
  /** The compact bar of a call that rings while another is up. */
  callWaitingBar: { kind: string; holdAndAnswer: string; endAndAnswer: string };
  /** The dialer and the number field of the transfer panel. */
  dialer: {
    groupLabel: string;
    fieldLabel: string;
    placeholder: string;
    deleteLast: string;
    call: string;
    notRegistered: string;
    atCallLimit: string;
  };
  /** Problems with a typed number. */
  numberProblems: { empty: string; tooLong: (max: number) => string; invalidCharacters: string; invalidFormat: string };
  keypad: { label: string };
  /** The transfer form. */
  transferPanel: {
    title: string;
    close: string;
    targetLabel: string;
    placeholder: string;
    helpAttended: string;
    helpBlind: string;
    transferNow: string;
    consultFirst: string;
  };
  /** Transfer banners and their announcements. */
  transfer: {
    /** A consultation leg: the held call it is for. */
    consultingFor: (heldName: string) => string;
    /** An attended transfer consulting `target`, with the name of the held call. */
    consulting: (target: string, heldName: string) => string;
    pending: (target: string) => string;
    completing: (target: string) => string;
    failed: (target: string, reason: string) => string;
    /** Failure reasons without a SIP status. */
    failure: { generic: string; notSent: string; consultationFailed: string };
    cancel: string;
    complete: string;
    tryAgain: string;
  };
  /** The call switcher. */
  switcher: { label: (count: number) => string; current: string; switchTo: (name: string) => string; switch: string; help: string };
  /** The registration badge. */
  registration: {
    online: string;
    connecting: string;
    reconnecting: string;
    offline: string;
    signInFailed: string;
    couldNotReconnect: string;
    attempt: (attempt: number) => string;
    checkCredentials: (code: number) => string;
    tooManyAttempts: string;
    refused: string;
    /** Before the countdown to the next attempt. */
    retryingIn: string;
    retryingNow: string;
  };
  doNotDisturb: { label: string };
  /** The auto-answer picker: its label and the text of each mode. */
  autoAnswer: { label: string; modes: { [mode in AutoAnswerMode]: string } };
  /** The drop-in `Softphone`. */
  softphone: { title: string; enableSound: string; addCall: string; closeDialer: string };
  /** `CallVideo`: the names of the two videos, the note while the far end sends none, and the button when playback is blocked. */
  video: { remote: string; local: string; noVideo: string; start: string };
  /** Why the phone refused to place or answer a call. */
  callErrors: { codes: { [code in CallErrorCode]: string }; other: string };
}

/** Part of a {@link Messages}: any key may be left out, at any depth; functions are replaced whole. */
export type MessagesOverride = DeepPartial<Messages>;

/** `T` with every property optional at every depth (functions and arrays are leaves). */
export type DeepPartial<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
