/**
 * Phone numbers as people read them: `+14155550132` → `+1 415 555 0132`.
 *
 * @remarks
 * A small rule set, not a numbering-plan database (that would cost more than
 * the widgets): North American numbers (`+1` and ten digits, or ten or
 * eleven digits starting with 1) group 3-3-4; other `+` numbers split off
 * their country code (1, 2 or 3 digits, per ITU-T E.164 assignments) and
 * group the rest in threes with a final four. Short numbers (extensions),
 * star codes and SIP addresses are returned as they are. Only for display:
 * dial the raw number.
 */
export function displayPhoneNumber(number: string): string {
  if (!/^\+?\d{7,15}$/.test(number)) return number;
  if (number.startsWith('+')) {
    const digits = number.slice(1);
    const codeLength = countryCodeLength(digits);
    return `+${digits.slice(0, codeLength)} ${group(digits.slice(codeLength))}`;
  }
  if (number.length === 11 && number.startsWith('1')) return `1 ${group(number.slice(1))}`;
  return number.length === 10 ? group(number) : number;
}

// Two-digit country codes (ITU-T E.164 list); 1 and 7 are one digit, the rest three.
const TWO_DIGIT = new Set([
  20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91,
  92, 93, 94, 95, 98,
]);

function countryCodeLength(digits: string): number {
  if (digits.startsWith('1') || digits.startsWith('7')) return 1;
  return TWO_DIGIT.has(Number(digits.slice(0, 2))) ? 2 : 3;
}

/** Groups of three with a final group of four (`4155550132` → `415 555 0132`); no group of one digit but a lone leading one. */
function group(digits: string): string {
  if (digits.length <= 4) return digits;
  const head = digits.slice(0, -4);
  const rest = head.length % 3;
  const first = rest === 1 && head.length >= 4 ? [head.slice(0, 2), head.slice(2, 4)] : rest === 0 ? [] : [head.slice(0, rest)];
  const start = first.join('').length;
  const groups = head.slice(start).match(/.{3}/g) ?? [];
  return [...first, ...groups, digits.slice(-4)].join(' ');
}
