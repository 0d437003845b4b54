import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * A zustand store without `setState`: what applications get as `phone.store`.
 *
 * @remarks
 * Compatible with zustand's `useStore(store, selector)`.
 */
export type ReadonlyStore<T> = Pick<StoreApi<T>, 'getState' | 'getInitialState' | 'subscribe'>;

/** A store and its read-only view; the writer stays with the owner. */
export interface OwnedStore<T> {
  readonly store: ReadonlyStore<T>;
  readonly setState: StoreApi<T>['setState'];
}

/** Creates a zustand vanilla store whose public face cannot write. */
export function createOwnedStore<T>(initial: T): OwnedStore<T> {
  const { getState, getInitialState, subscribe, setState } = createStore<T>()(() => initial);
  return { store: Object.freeze({ getState, getInitialState, subscribe }), setState };
}
