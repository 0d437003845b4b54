import { describe, expect, it } from 'vitest';
import { makeCall } from '../test-support/fixtures.js';
import { callStatusText, callTone, describeCallChange, endReasonText, isFailure, snapshotOf } from './call-text.js';

const idle = { status: 'idle' } as const;

describe('call text', () => {
  it('names every phase', () => {
    expect(callStatusText(makeCall({ callStatus: 'calling' }))).toBe('Calling…');
    expect(callStatusText(makeCall({ callStatus: 'ringing' }))).toBe('Incoming call');
    expect(callStatusText(makeCall({ callStatus: 'connecting' }))).toBe('Connecting…');
    expect(callStatusText(makeCall({ callStatus: 'talking' }))).toBe('Connected');
    expect(callStatusText(makeCall({ isHold: true }))).toBe('On hold');
    expect(callTone(makeCall({ isHold: true }))).toBe('hold');
    expect(callTone(makeCall(), { cause: 'remote-hangup' })).toBe('ended');
    expect(callTone(makeCall(), { cause: 'busy', code: 486 })).toBe('failed');
  });

  it('shows a call whose connection is being recovered as reconnecting, held or not, and a lost one as a failure', () => {
    expect(callTone(makeCall({ isRecovering: true }))).toBe('reconnecting');
    expect(callStatusText(makeCall({ isRecovering: true, isHold: true }))).toBe('Reconnecting…');
    expect(callStatusText(makeCall({ isRecovering: true }), { cause: 'connection-lost' })).toBe('Call failed');
    expect(endReasonText({ cause: 'connection-lost' })).toBe('The connection was lost');
    const talking = snapshotOf(makeCall(), idle, null);
    const lost = snapshotOf(makeCall({ isRecovering: true }), idle, null);
    expect(describeCallChange(talking, lost)).toBe('Connection lost, reconnecting');
    expect(describeCallChange(lost, talking)).toBe('Reconnected');
  });

  it('explains end reasons', () => {
    expect(endReasonText({ cause: 'not-found', code: 404 })).toBe('Number not found (SIP 404)');
    expect(endReasonText({ cause: 'failed', code: 499 })).toBe('The call could not be connected (SIP 499)');
    expect(endReasonText({ cause: 'media-error' })).toBe('The microphone could not be opened');
    expect(endReasonText({ text: 'Calling again was refused' })).toBe('Calling again was refused');
    expect(isFailure({ cause: 'media-error' })).toBe(true);
    expect(isFailure({ text: 'refused' })).toBe(true);
    expect(isFailure({ cause: 'hangup' })).toBe(false);
    expect(endReasonText({ cause: 'remote-hangup' })).toBe('The other side hung up');
    expect(endReasonText({ cause: 'transferred' })).toBe('The call was handed over');
    expect(callStatusText(makeCall(), { cause: 'transferred' })).toBe('Call transferred');
    expect(isFailure({ cause: 'transferred' })).toBe(false);
    expect(isFailure({ cause: 'not-found' })).toBe(true);
    expect(isFailure({ cause: 'declined' })).toBe(true);
  });

  it('announces only what changed', () => {
    const a = snapshotOf(makeCall({ callStatus: 'calling' }), idle, null);
    expect(describeCallChange(null, a)).toBe('Calling Ada Lovelace');
    const b = snapshotOf(makeCall({ callStatus: 'talking' }), idle, null);
    expect(describeCallChange(a, b)).toBe('Connected to Ada Lovelace');
    expect(describeCallChange(b, b)).toBeNull();
    const c = snapshotOf(makeCall({ isMute: true, isHold: true }), idle, null);
    expect(describeCallChange(b, c)).toBe('Call on hold. Microphone muted');
    const d = snapshotOf(makeCall(), { status: 'blind-pending', target: '1003' }, null);
    expect(describeCallChange(b, d)).toBe('Transferring to 1003…');
    const e = snapshotOf(makeCall(), idle, { cause: 'busy', code: 486 });
    expect(describeCallChange(b, e)).toBe('Call failed. The line is busy (SIP 486)');
    expect(describeCallChange(e, e)).toBeNull();
  });

  it('announces a call the phone answered by itself', () => {
    const ringing = snapshotOf(makeCall({ callStatus: 'ringing', communicationType: 'inbound' }), idle, null);
    const auto = snapshotOf(makeCall({ callStatus: 'connecting', communicationType: 'inbound', isAutoAnswered: true }), idle, null);
    expect(describeCallChange(ringing, auto)).toBe('Answered automatically. Connecting to Ada Lovelace');
  });

  it('announces early media, once', () => {
    const calling = snapshotOf(makeCall({ callStatus: 'calling', isRing: true }), idle, null);
    const early = snapshotOf(makeCall({ callStatus: 'calling', isRing: true, isEarlyMedia: true }), idle, null);
    expect(describeCallChange(calling, early)).toBe('Early media playing');
    expect(describeCallChange(early, early)).toBeNull();
    const answered = snapshotOf(makeCall({ callStatus: 'talking' }), idle, null);
    expect(describeCallChange(early, answered)).toBe('Connected to Ada Lovelace');
  });
});
