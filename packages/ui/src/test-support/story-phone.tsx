import type { ScriptedPhone, ScriptedPhoneOptions } from '@webphone/core/testing';
import { PhoneProvider } from '@webphone/react';
import type { ReactNode } from 'react';
import { forgetCommands, scriptedSetup, type ScriptedSetup } from './scripted.js';

/** What a connected story's loader hands to `render` and `play` (`context.loaded`). */
export interface LoadedPhone {
  setup: ScriptedSetup;
}

/**
 * A story loader: a fresh registered scripted phone per story run, brought to
 * the story's state by `prepare`, with an empty command log, so `play`
 * checks only what the user did.
 */
export function phoneLoader(prepare: (setup: ScriptedSetup) => unknown = () => undefined, options: ScriptedPhoneOptions = {}) {
  return async (): Promise<LoadedPhone> => {
    const setup = scriptedSetup(options);
    await prepare(setup);
    forgetCommands(setup.phone);
    return { setup };
  };
}

/** The scripted phone of a story, from its `loaded` context. */
export function storyPhone(loaded: Record<string, unknown>): ScriptedPhone {
  return (loaded as unknown as LoadedPhone).setup.phone;
}

/** Wraps a connected widget in the story's phone. */
export function WithStoryPhone({ loaded, children }: { loaded: Record<string, unknown>; children: ReactNode }) {
  return <PhoneProvider phone={storyPhone(loaded)}>{children}</PhoneProvider>;
}
