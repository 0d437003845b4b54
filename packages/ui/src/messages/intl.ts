/**
 * `Intl` helpers the messages use for counts, numbers and durations; no
 * library, the browser's own locale data.
 */

/** The forms of a counted text per plural category; `#` stands for the formatted count. */
export type PluralForms = { [category in Intl.LDMLPluralRule]?: string } & { other: string };

const plurals = new Map<string, Intl.PluralRules>();
const integers = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

/** An integer in the locale's digits (`1234` → `"1,234"` in `en`). */
export function formatInteger(locale: string, value: number, minimumIntegerDigits = 1): string {
  const format = cached(
    integers,
    `${locale}|${minimumIntegerDigits}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0, minimumIntegerDigits, useGrouping: minimumIntegerDigits === 1 }),
  );
  return format.format(value);
}

/**
 * The form of `forms` that fits `count` in `locale` (`Intl.PluralRules`), with
 * `#` replaced by the formatted count.
 *
 * @example
 * pluralText('en', 2, { one: '# call', other: '# calls' }) // '2 calls'
 */
export function pluralText(locale: string, count: number, forms: PluralForms): string {
  const category = cached(plurals, locale, () => new Intl.PluralRules(locale)).select(count);
  return (forms[category] ?? forms.other).replaceAll('#', formatInteger(locale, count));
}

/** A duration as a clock, `m:ss` or `h:mm:ss`, in the locale's digits. */
export function formatClock(locale: string, totalSeconds: number): string {
  const s = Number.isFinite(totalSeconds) && totalSeconds > 0 ? Math.floor(totalSeconds) : 0;
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = formatInteger(locale, s % 60, 2);
  return hours > 0 ? `${formatInteger(locale, hours)}:${formatInteger(locale, minutes, 2)}:${seconds}` : `${formatInteger(locale, minutes)}:${seconds}`;
}
