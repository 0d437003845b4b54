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

/** The whole-number value (`"0"`, `"5"`) of parameter `name` in header text whose URIs were removed, capped at {@link MAX_ANSWER_DELAY_S}. */
function numericParameter(text: string, name: string): number | undefined {
  const value = new RegExp(`;\\s*${name}\\s*=\\s*"?(\\d{1,9})`, 'i').exec(text)?.[1];
  return value === undefined ? undefined : Math.min(Number(value), MAX_ANSWER_DELAY_S);
}

/** A header's value without its `<…>` URIs, whose own `;` parameters are not the header's. */
const withoutUris = (value: string | undefined): string => (value ?? '').replace(/<[^>]*>/g, '');

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
 * A parameter counts in any entry of a header that lists several;
 * `Answer-Mode: Manual`, a value that is not a whole number and unknown
 * values ask for nothing.
 */
export function requestedAnswerDelay(header: (name: string) => string | undefined): number | null {
  const after = numericParameter(withoutUris(header('Call-Info')), 'answer-after');
  if (after !== undefined) return after;
  const alert = withoutUris(header('Alert-Info'));
  if (/;\s*info\s*=\s*"?alert-autoanswer\b/i.test(alert)) return numericParameter(alert, 'delay') ?? 0;
  return /^\s*auto\b/i.test(header('Answer-Mode') ?? '') ? 0 : null;
}
