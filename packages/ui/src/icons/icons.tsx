'use client';
import type { ReactNode, SVGProps } from 'react';

/** Props of the built-in icons: decorative SVGs sized by `font-size`. */
export type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'>;

/**
 * Makes an icon component from its drawing: a string is the `d` of one stroked
 * path (several shapes as subpaths), anything else is rendered as it is.
 */
/*#__NO_SIDE_EFFECTS__*/
function icon(drawing: string | ReactNode) {
  return function Icon(props: IconProps) {
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
        aria-hidden
        {...props}
      >
        {typeof drawing === 'string' ? <path d={drawing} /> : drawing}
      </svg>
    );
  };
}

const handset = 'M6.6 3.5H9l1.6 4.3-2 1.4a11.5 11.5 0 0 0 6.1 6.1l1.4-2 4.3 1.6v2.4a2 2 0 0 1-2.2 2A16.6 16.6 0 0 1 4.6 5.7a2 2 0 0 1 2-2.2z';
// The stand and foot of the microphone, shared by both microphone icons.
const micStand = 'M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21';
const DOTS = [5, 12, 19];

/** A video camera: the in-call camera toggle. */
export const CameraIcon = icon('M3.5 7.5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2zM15.5 10.5l5-3v9l-5-3');
/** A telephone handset. */
export const PhoneIcon = icon(handset);
/** A handset turned down: end the call. */
export const HangUpIcon = icon(<path d={handset} transform="rotate(135 12 12)" />);
/** A microphone (its capsule is the rounded rectangle 9,2.5 6×11.5, rx 3). */
export const MicIcon = icon(`M9 5.5a3 3 0 0 1 6 0V11a3 3 0 0 1-6 0z${micStand}`);
/** A crossed-out microphone. */
export const MicOffIcon = icon(
  'M15 9.3V5.5a3 3 0 0 0-5.8-1M9 9v2a3 3 0 0 0 4.9 2.3M18.5 11a6.5 6.5 0 0 1-.7 2.9M5.5 11a6.5 6.5 0 0 0 10.4 5.2M12 17.5V21M3.5 3.5l17 17',
);
/** Two bars: hold. */
export const PauseIcon = icon([6.5, 14].map((x) => <rect key={x} x={x} y={5} width={3.5} height={14} rx={1} />));
/** A filled dot inside a ring: record. */
export const RecordIcon = icon(
  <>
    <circle cx={12} cy={12} r={8.5} />
    <circle cx={12} cy={12} r={4} fill="currentColor" stroke="none" />
  </>,
);
/** A 3×3 grid of dots: the keypad. */
export const KeypadIcon = icon(
  <g fill="currentColor" stroke="none">
    {DOTS.flatMap((y) => DOTS.map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.9" />))}
  </g>,
);
/** An arrow leaving a bar: transfer. */
export const TransferIcon = icon('M4 5v14M8 12h12M15 7l5 5-5 5');
/** A tag-shaped delete key. */
export const BackspaceIcon = icon('M20 5H9.2a1 1 0 0 0-.8.4L3 12l5.4 6.6a1 1 0 0 0 .8.4H20a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1zM12.5 9.5l5 5M17.5 9.5l-5 5');
/** A cross. */
export const CloseIcon = icon('M6 6l12 12M18 6L6 18');
/** A check mark. */
export const CheckIcon = icon('M4.5 12.5l5 5L19.5 7');
/** Two opposite arrows: swap calls. */
export const SwapIcon = icon('M7 3.5L3.5 7 7 10.5M3.5 7h17M17 13.5l3.5 3.5-3.5 3.5M20.5 17h-17');
/** A warning triangle. */
export const WarningIcon = icon('M10.3 4.2L2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 4.2a2 2 0 0 0-3.4 0zM12 9.5v4M12 17h.01');
/** A circle with a bar across: do not disturb. */
export const DoNotDisturbIcon = icon('M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM7.5 12h9');

/** A person (head and shoulders): the avatar of a caller without a name. */
export const PersonIcon = icon('M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4.5 20.5c.8-3.8 3.8-6 7.5-6s6.7 2.2 7.5 6');
