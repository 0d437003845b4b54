import { describe, expect, it } from 'vitest';
import { useCallServer } from '../support/call-harness.js';
import { kamailioRig } from './kamailio-rig.js';
import { ANY_ORDER, SCENARIOS } from './scenarios.js';
import { scriptedRig } from './scripted-rig.js';
import type { TraceEntry } from './trace.js';

const { server } = useCallServer();
const realRig = kamailioRig(server);

/** The trace as lines, for a readable diff; the events of a step marked any-order are sorted. */
function lines(entries: readonly TraceEntry[]): string[] {
  const out: string[] = [];
  let sortFrom: number | null = null;
  for (const entry of entries) {
    if (entry.kind !== 'event' && sortFrom !== null) {
      out.splice(sortFrom, out.length - sortFrom, ...out.slice(sortFrom).sort());
      sortFrom = null;
    }
    out.push(`${entry.kind.padEnd(8)} ${entry.text}`);
    if (entry.kind === 'step' && entry.text.endsWith(ANY_ORDER)) sortFrom = out.length;
  }
  return out;
}

/**
 * The scripted phone of `@webphone/core/testing` and the real phone through
 * Kamailio, run through the same scenarios, must show an application the
 * same events, results and store snapshots.
 */
describe('ScriptedPhone and PhoneOperator behave alike', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const scripted = await scriptedRig(scenario.options ?? {});
      await scenario.run(scripted);
      scripted.phone.destroy();
      const real = await realRig(scenario.options ?? {});
      await scenario.run(real);
      expect(lines(real.trace.entries)).toEqual(lines(scripted.trace.entries));
      // The scenario did something: it saw calls come and go.
      expect(scripted.trace.entries.some((entry) => entry.text.startsWith('deleteSession') || entry.kind === 'result')).toBe(true);
    });
  }
});
