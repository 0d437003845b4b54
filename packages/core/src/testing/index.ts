/**
 * `@webphone/core/testing`: a phone for tests and stories.
 *
 * @remarks
 * Never imported by the product. {@link ScriptedPhone} is the real
 * `PhoneOperator` on an in-memory network, so anything written against
 * `PhoneApi` (the React bindings, the UI widgets) can be exercised without a
 * SIP server or a microphone, and sees exactly what the real phone would show.
 *
 * @packageDocumentation
 */
export { ScriptedPhone } from './scripted-phone.js';
export type { ScriptedRequest } from './scripted-call.js';
export type { ScriptedPhoneOptions, IncomingCaller, RefusedCall, ScriptedCommand, LoggedCommandName } from './scripted-types.js';
export { fakeMedia, FakeSender, FakeSessionDescriptionHandler, FakeStream, FakeTrack } from './fake-media.js';
export type { FakeMedia, FakeMediaOptions } from './fake-media.js';
