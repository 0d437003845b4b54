/**
 * When the phone answers incoming calls by itself.
 *
 * - `'never'`: the user answers (default).
 * - `'when-requested'`: calls whose INVITE asks for it (intercom, paging):
 *   `Call-Info: <…>;answer-after=N`, `Alert-Info: <…>;info=alert-autoanswer`,
 *   or `Answer-Mode: Auto` (RFC 5373).
 * - `'always'`: every call.
 */
export type AutoAnswerMode = 'never' | 'when-requested' | 'always';

/** The auto-answer modes, for validation and pickers. */
export const AUTO_ANSWER_MODES: readonly AutoAnswerMode[] = ['never', 'when-requested', 'always'];

/** Longest delay honoured from `answer-after` / `delay`, in seconds; a larger one is cut to this. */
export const MAX_ANSWER_DELAY_S = 3600;

/** The value of parameter `name` in one header entry (`<uri>;a=b;c=d`), lower-cased, or `undefined`. */
function parameter(entry: string, name: string): string | undefined {
  // Parameters follow the `<…>` URI (or the start of a URI-less entry); a `;` inside the brackets is the URI's own.
  const params = entry.slice(entry.lastIndexOf('>') + 1).split(';').slice(1);
  for (const param of params) {
    const [key = '', value = ''] = param.split('=', 2).map((part) => part.trim());
    if (key.toLowerCase() === name) return value.replace(/^"|"$/g, '').toLowerCase();
  }
  return undefined;
}

/** Seconds from a parameter value (`"0"`, `"5"`), capped at {@link MAX_ANSWER_DELAY_S}; 0 when absent or not a number. */
function seconds(value: string | undefined): number {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Math.min(Number(value), MAX_ANSWER_DELAY_S) : 0;
}

/**
 * The delay, in seconds, after which the INVITE whose headers `header`
 * reads asks to be answered automatically, or `null` when it does not ask.
 *
 * @remarks
 * What PBXs send for intercom and paging:
 * - `Call-Info: <sip:pbx>;answer-after=N` (Broadsoft, Asterisk, FreePBX
 *   paging; Polycom, Yealink, Grandstream phones): answer after N s.
 * - `Alert-Info: <http://…>;info=alert-autoanswer[;delay=N]` (Cisco,
 *   Polycom, Snom): answer, after `delay` seconds when given.
 * - `Answer-Mode: Auto[;require]` (RFC 5373 §5): answer at once.
 * A header may hold several comma-separated entries; the first that asks
 * wins. `Answer-Mode: Manual` and unknown values ask for nothing.
 */
export function requestedAnswerDelay(header: (name: string) => string | undefined): number | null {
  for (const entry of (header('Call-Info') ?? '').split(',')) {
    const after = parameter(entry, 'answer-after');
    if (after !== undefined) return seconds(after);
  }
  for (const entry of (header('Alert-Info') ?? '').split(',')) {
    if (parameter(entry, 'info') === 'alert-autoanswer') return seconds(parameter(entry, 'delay'));
  }
  const mode = header('Answer-Mode')?.split(';')[0]?.trim().toLowerCase();
  return mode === 'auto' ? 0 : null;
}
