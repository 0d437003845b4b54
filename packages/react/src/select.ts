'use client';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ReadonlyStore } from '@webphone/core';

/**
 * `useStore(store, selector)` with a shallow comparison of the result, so a
 * selector may return a fresh object or array and still re-render only when
 * one of its members changed.
 */
export function useShallowSelect<S, T>(store: ReadonlyStore<S>, selector: (state: S) => T): T {
  return useStore(store, useShallow(selector));
}
