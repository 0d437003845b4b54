import type { CallStatus } from '@webphone/core';
import { fn, userEvent } from 'storybook/test';
import { ActiveCall } from '../ActiveCall/ActiveCall.js';
import { makeCall } from './fixtures.js';

/** The in-call state gallery of the `Proof/ActiveCall states` stories, and helpers to read its computed styles. */

export const talking = makeCall({ callStatus: 'talking', callStartTime: Date.now() - 754_000 });

/** Each state of the in-call toggles, and the control whose look shows it. */
// One caller per card: the cards are landmarks named by the caller, and names must differ.
export const STATES = [
  { key: 'off', call: talking, control: 'mute' },
  { key: 'muted', call: { ...talking, name: 'Grace Hopper', isMute: true }, control: 'mute' },
  { key: 'held', call: { ...talking, name: 'Alan Turing', isHold: true }, control: 'hold' },
  { key: 'recording', call: { ...talking, name: 'Katherine Johnson', recordStatus: 'recording' }, control: 'record' },
  { key: 'paused', call: { ...talking, name: 'Edsger Dijkstra', recordStatus: 'pause' }, control: 'record' },
  { key: 'keypad', call: { ...talking, name: 'Barbara Liskov' }, control: 'keypad' },
  { key: 'transfer', call: { ...talking, name: 'Donald Knuth' }, control: 'transfer' },
] as const satisfies readonly { key: string; call: CallStatus; control: string }[];

export type StateKey = (typeof STATES)[number]['key'];

/** Every state side by side, as the screenshots in the ui README show them. */
export function StateGallery() {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, justifyContent: 'center' }}>
      {STATES.map(({ key, call }) => (
        <div key={key} data-gallery={key} style={{ width: 340 }}>
          <ActiveCall call={call} onHangup={fn()} onMuteChange={fn()} onHoldChange={fn()} onRecordChange={fn()} onDtmf={fn()} onTransfer={fn()} />
        </div>
      ))}
    </div>
  );
}

export const cell = (root: HTMLElement, key: StateKey) => root.querySelector<HTMLElement>(`[data-gallery="${key}"]`)!;
export const iconOf = (root: HTMLElement, key: StateKey, control: string) =>
  cell(root, key).querySelector<HTMLElement>(`[data-control="${control}"] .wp-control__icon`)!;

/** What a state looks like without its colours: outline style and width, corners, halo, corner mark or notch. */
export function shapeOf(icon: HTMLElement): string {
  const style = getComputedStyle(icon);
  const after = getComputedStyle(icon, '::after');
  return [style.borderTopStyle, style.borderTopWidth, style.borderTopLeftRadius, style.boxShadow === 'none' ? '' : 'halo', after.content, after.top].join(
    ' | ',
  );
}
export function colourOf(icon: HTMLElement): string {
  const style = getComputedStyle(icon);
  return [style.backgroundColor, style.borderTopColor, style.color].join(' | ');
}

/** Opens the keypad and the transfer panel in their cells. */
export async function openPanels(root: HTMLElement) {
  await userEvent.click(cell(root, 'keypad').querySelector<HTMLElement>('[data-control="keypad"]')!);
  await userEvent.click(cell(root, 'transfer').querySelector<HTMLElement>('[data-control="transfer"]')!);
}
