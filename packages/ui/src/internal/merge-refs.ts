import type { MutableRefObject, Ref } from 'react';

/** One callback ref that sets every given ref (a widget's own and the one forwarded to it). */
export function mergeRefs<T>(...refs: ReadonlyArray<Ref<T> | undefined>): (node: T | null) => void {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) (ref as MutableRefObject<T | null>).current = node;
    }
  };
}
