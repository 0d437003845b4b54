import type { ReactNode, SVGProps } from 'react';

/** Props of the built-in icons: decorative SVGs sized by `font-size`. */
export type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'>;

function icon(paths: ReactNode, displayName: string) {
  function Icon(props: IconProps) {
    return (
      <svg
        viewBox="0 0 24 24"
        width="1em"
        height="1em"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...props}
      >
        {paths}
      </svg>
    );
  }
  Icon.displayName = displayName;
  return Icon;
}

const handset = 'M6.6 3.5H9l1.6 4.3-2 1.4a11.5 11.5 0 0 0 6.1 6.1l1.4-2 4.3 1.6v2.4a2 2 0 0 1-2.2 2A16.6 16.6 0 0 1 4.6 5.7a2 2 0 0 1 2-2.2z';

/** A telephone handset. */
export const PhoneIcon = icon(<path d={handset} />, 'PhoneIcon');
/** A handset turned down: end the call. */
export const HangUpIcon = icon(<path d={handset} transform="rotate(135 12 12)" />, 'HangUpIcon');
/** A microphone. */
export const MicIcon = icon(
  <>
    <rect x="9" y="2.5" width="6" height="11.5" rx="3" />
    <path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21" />
  </>,
  'MicIcon',
);
/** A crossed-out microphone. */
export const MicOffIcon = icon(
  <>
    <path d="M15 9.3V5.5a3 3 0 0 0-5.8-1M9 9v2a3 3 0 0 0 4.9 2.3" />
    <path d="M18.5 11a6.5 6.5 0 0 1-.7 2.9M5.5 11a6.5 6.5 0 0 0 10.4 5.2M12 17.5V21M3.5 3.5l17 17" />
  </>,
  'MicOffIcon',
);
/** Two bars: hold. */
export const PauseIcon = icon(
  <>
    <rect x="6.5" y="5" width="3.5" height="14" rx="1" />
    <rect x="14" y="5" width="3.5" height="14" rx="1" />
  </>,
  'PauseIcon',
);
/** A filled dot inside a ring: record. */
export const RecordIcon = icon(
  <>
    <circle cx="12" cy="12" r="8.5" />
    <circle cx="12" cy="12" r="4" fill="currentColor" stroke="none" />
  </>,
  'RecordIcon',
);
/** A 3×3 grid of dots: the keypad. */
export const KeypadIcon = icon(
  <g fill="currentColor" stroke="none">
    {[5, 12, 19].flatMap((y) => [5, 12, 19].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.9" />))}
  </g>,
  'KeypadIcon',
);
/** An arrow leaving a bar: transfer. */
export const TransferIcon = icon(<path d="M4 5v14M8 12h12M15 7l5 5-5 5" />, 'TransferIcon');
/** A tag-shaped delete key. */
export const BackspaceIcon = icon(
  <>
    <path d="M20 5H9.2a1 1 0 0 0-.8.4L3 12l5.4 6.6a1 1 0 0 0 .8.4H20a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1z" />
    <path d="M12.5 9.5l5 5M17.5 9.5l-5 5" />
  </>,
  'BackspaceIcon',
);
/** A cross. */
export const CloseIcon = icon(<path d="M6 6l12 12M18 6L6 18" />, 'CloseIcon');
/** A check mark. */
export const CheckIcon = icon(<path d="M4.5 12.5l5 5L19.5 7" />, 'CheckIcon');
/** Two opposite arrows: swap calls. */
export const SwapIcon = icon(<path d="M7 3.5L3.5 7 7 10.5M3.5 7h17M17 13.5l3.5 3.5-3.5 3.5M20.5 17h-17" />, 'SwapIcon');
/** A warning triangle. */
export const WarningIcon = icon(
  <>
    <path d="M10.3 4.2L2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 4.2a2 2 0 0 0-3.4 0z" />
    <path d="M12 9.5v4M12 17h.01" />
  </>,
  'WarningIcon',
);
