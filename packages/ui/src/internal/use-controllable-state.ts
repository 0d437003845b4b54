import { useRef, useState } from 'react';

/**
 * State that a parent may control (`value` + `onValueChange`) or leave to the
 * component (`defaultValue`), the Radix/React Aria convention.
 *
 * @remarks
 * Whether the component is controlled is fixed by the first render, as with
 * native inputs; switching later would silently drop the user's edits. The
 * setter is a new function on each render: use it in handlers, not in effect
 * dependencies.
 */
export function useControllableState<T>(value: T | undefined, defaultValue: T, onValueChange: ((next: T) => void) | undefined): [T, (next: T) => void] {
  const controlled = useRef(value !== undefined).current;
  const [own, setOwn] = useState(defaultValue);
  return [
    controlled ? (value as T) : own,
    (next: T) => {
      if (!controlled) setOwn(next);
      onValueChange?.(next);
    },
  ];
}
