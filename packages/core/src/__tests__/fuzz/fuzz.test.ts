import { describe, expect, it } from 'vitest';
import { useFakeRegistrar } from '../support/fake-registrar-phone.js';
import { runFuzz } from './fuzz-run.js';

/**
 * The fuzz and abuse suite: a far end, a server and a user acting at random
 * (from a seed) on a real phone over the in-memory registrar.
 *
 * `npm test` runs the fixed seed below. `npm run fuzz` runs a long random one
 * and prints its seed; `FUZZ_SEED=… FUZZ_SCENARIOS=… npm run fuzz` repeats a run.
 */
const long = process.env.npm_lifecycle_event === 'fuzz' || process.env.FUZZ_SCENARIOS !== undefined;
const seed = Number(process.env.FUZZ_SEED ?? (long ? Math.floor(Math.random() * 2 ** 32) : 20_261_127));
const scenarios = Number(process.env.FUZZ_SCENARIOS ?? (long ? 400 : 48));
const steps = Number(process.env.FUZZ_STEPS ?? 120);
// The bound for one message; FUZZ_BUDGET_MS loosens it on a machine busy with other work.
const budgetMs = Number(process.env.FUZZ_BUDGET_MS ?? 50);

const harness = useFakeRegistrar();

describe('fuzz: hostile and broken SIP from the far end and the server', () => {
  it(
    `keeps every promise (seed ${seed}, ${scenarios} phones × ${steps} actions)`,
    async () => {
      if (long) console.log(`fuzz seed ${seed}: repeat with FUZZ_SEED=${seed} FUZZ_SCENARIOS=${scenarios} npm run fuzz`);
      const report = await runFuzz(harness, { seed, scenarios, steps, budgetMs });
      console.log(
        `fuzz seed ${seed}: ${report.messages} messages, slowest ${report.slowestMs.toFixed(1)} ms, ${report.spikes} spikes (${report.slowest.slice(0, 120)})`,
      );
      expect(report.failures).toEqual([]);
    },
    long ? 24 * 3600_000 : 60_000,
  );
});
