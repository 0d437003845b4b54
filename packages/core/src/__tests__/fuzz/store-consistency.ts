import type { PhoneState } from '../../index.js';

const PHASES = new Set(['ringing', 'calling', 'connecting', 'talking']);
const RECORD = new Set(['stop', 'recording', 'pause']);
const TRANSFER = new Set(['idle', 'blind-pending', 'attended-consulting', 'completing', 'failed']);
const TRANSPORT = new Set(['idle', 'connecting', 'connected', 'disconnected']);
const REGISTRATION = new Set(['unregistered', 'registering', 'registered', 'failed']);

/**
 * The ways `state` breaks the store's own rules (empty when it keeps them):
 * every call id has a record and only those do, ringing ids are live inbound
 * calls, the current call exists, flags follow the lists, and every status
 * is a member of its union.
 */
export function checkStoreConsistency(state: PhoneState, maxConcurrentCalls: number): string[] {
  const problems: string[] = [];
  const fail = (problem: string): void => void problems.push(problem);
  const ids = state.callIds;
  if (new Set(ids).size !== ids.length) fail(`duplicate call ids ${ids.join(',')}`);
  const keys = Object.keys(state.calls);
  if (keys.length !== ids.length || keys.some((key) => !ids.includes(key))) fail(`calls {${keys.join(',')}} differ from callIds [${ids.join(',')}]`);
  for (const id of state.incomingIds) {
    const call = state.calls[id];
    if (!call) fail(`ringing id ${id} has no call`);
    else if (call.status.communicationType !== 'inbound' || call.status.callStatus !== 'ringing')
      fail(`ringing id ${id} is ${call.status.communicationType} ${call.status.callStatus}`);
  }
  if (new Set(state.incomingIds).size !== state.incomingIds.length) fail('duplicate ringing ids');
  if (state.currentSessionID !== null && !state.calls[state.currentSessionID]) fail(`current call ${state.currentSessionID} does not exist`);
  if (ids.length > 0 && state.currentSessionID === null) fail('calls but no current call');
  if (state.isMaxCall !== ids.length >= maxConcurrentCalls) fail(`isMaxCall ${state.isMaxCall} with ${ids.length} calls`);
  if (ids.length > maxConcurrentCalls) fail(`${ids.length} calls with maxConcurrentCalls ${maxConcurrentCalls}`);
  for (const [id, call] of Object.entries(state.calls)) {
    const { status } = call;
    if (status.callId !== id) fail(`call ${id} says it is ${status.callId}`);
    if (!PHASES.has(status.callStatus)) fail(`call ${id} phase ${status.callStatus}`);
    if (!RECORD.has(status.recordStatus)) fail(`call ${id} record ${status.recordStatus}`);
    if (!TRANSFER.has(call.transfer.status)) fail(`call ${id} transfer ${call.transfer.status}`);
    if (status.callStatus === 'ringing' && !state.incomingIds.includes(id)) fail(`call ${id} rings but is not listed as ringing`);
    if ((status.callStatus === 'talking') !== status.callStartTime > 0 && status.callStatus !== 'connecting')
      fail(`call ${id} ${status.callStatus} with start time ${status.callStartTime}`);
    for (const text of [status.name, status.number]) if (typeof text !== 'string' || text.length > 128) fail(`call ${id} name/number not a short string`);
  }
  if (!TRANSPORT.has(state.transport)) fail(`transport ${state.transport}`);
  if (!REGISTRATION.has(state.registration.status)) fail(`registration ${state.registration.status}`);
  if (state.isRegistered !== (state.registration.status === 'registered')) fail('isRegistered differs from registration');
  return problems;
}
