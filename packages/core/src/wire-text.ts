/** The longest display text the store keeps (a name or number from an incoming INVITE, a name or company from `resolveContact`), in characters: the config's display-name rule. */
export const MAX_REMOTE_TEXT = 128;

/** C0/C1 control characters and bidirectional overrides and isolates: never shown, never kept. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
export const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const ALL_CONTROL_OR_BIDI = new RegExp(CONTROL_OR_BIDI.source, 'g');

/**
 * Text from outside the phone (the wire, or an application callback) as the
 * store keeps it: {@link CONTROL_OR_BIDI} characters become spaces, then the
 * ends are trimmed and the text cut at {@link MAX_REMOTE_TEXT}.
 */
export const wireText = (text: string): string => text.replace(ALL_CONTROL_OR_BIDI, ' ').trim().slice(0, MAX_REMOTE_TEXT);
