import { describe, expect, it } from 'vitest';
import { record } from './recorder.js';
import { EXAMPLES } from '../examples.js';

describe('smoke', () => {
  for (const ex of EXAMPLES) {
    for (const version of ['2.7', '3.12'] as const) {
      it(`${ex.id} ${version}`, () => {
        const rec = record({ version, source: ex.source, interventions: [], limits: ex.id === 'budgets' ? { stepBudget: 3000, maxSnapshots: 200 } : {} });
        const out = rec.console.map((c) => (c.s === 1 ? `!${c.t}` : c.t)).join('');
        console.log(`== ${ex.id} ${version}: steps=${rec.steps.length} nodes=${rec.nodes.length} exit=${rec.exitCode} ms=${rec.timing.totalMs.toFixed(0)}/${rec.timing.snapshotMs.toFixed(0)}\n${out}\n${rec.notices.join('\n')}`);
        expect(rec.steps.length).toBeGreaterThan(1);
      });
    }
  }
});
