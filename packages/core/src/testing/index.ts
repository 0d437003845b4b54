/**
 * `@webphone/core/testing`: an in-memory phone for tests and stories.
 *
 * @remarks
 * Never imported by the product. {@link ScriptedPhone} implements the same
 * `PhoneApi` as `PhoneOperator` and drives the same store shape, so anything
 * written against `PhoneApi` (the React bindings, the UI widgets) can be
 * exercised without a SIP server or a microphone.
 *
 * @packageDocumentation
 */
export { ScriptedPhone } from './scripted-phone.js';
export { ScriptedSession } from './scripted-session.js';
export type { ScriptedPhoneOptions, IncomingCaller, RefusedCall, ScriptedCommand } from './scripted-types.js';
