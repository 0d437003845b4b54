'use client';
import { forwardRef, type HTMLAttributes } from 'react';
import { useMessages } from '../messages/WebphoneMessages.js';

/** Props of {@link PhoneNumber}. */
export interface PhoneNumberProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  /** The raw number or SIP address, as dialled. */
  number: string;
}

/**
 * A phone number as people read it (`messages.displayNumber`), with the raw
 * number in `title`.
 *
 * @remarks
 * Always left to right (`dir="ltr"`), also inside right-to-left text, where
 * `+1 415` would otherwise be reordered; `translate="no"` keeps page
 * translators off it.
 */
export const PhoneNumber = forwardRef<HTMLSpanElement, PhoneNumberProps>(function PhoneNumber({ number, ...rest }, ref) {
  const m = useMessages();
  const shown = m.displayNumber(number);
  return (
    <span ref={ref} dir="ltr" translate="no" title={shown === number ? undefined : number} {...rest}>
      {shown}
    </span>
  );
});
