// Measurements quoted in README.md. Run: MEASURE=1 pnpm exec vitest run src/engine/measure.test.ts
import { it } from 'vitest';
import { instance } from '@viz-js/viz';
import { record, query } from './recorder.js';
import { EXAMPLES } from '../examples.js';
import { buildView, DEFAULT_VIEW } from '../ui/graphmodel.js';
import { layoutGraph } from '../ui/layout.js';

it.skipIf(!process.env.MEASURE)('measure (MEASURE=1): own layout vs Graphviz, record and replay times', async () => {
  const big = EXAMPLES.find((e) => e.id === 'big-heap')!;
  const rec = record({ version: '3.12', source: big.source, interventions: [] });
  const idx = rec.steps.findIndex((s) => s.line === 6);
  const view = buildView(rec, idx, DEFAULT_VIEW);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) { const t = performance.now(); layoutGraph(buildView(rec, idx, DEFAULT_VIEW)); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(`own layout (model+layout), ${view.nodes.length} nodes ${view.edges.length} edges: median ${times[15]!.toFixed(2)} ms`);
  const lines = ['digraph G { node[shape=box];'];
  for (const n of view.nodes) lines.push(`n${n.rec.ref + 100} [label="${n.rec.type}\\n${n.rec.label.replace(/["\\]/g, '')}"];`);
  for (const e of view.edges) lines.push(`n${e.rec.from + 100} -> n${e.rec.to + 100} [label="${e.rec.label.replace(/["\\]/g, '')}"];`);
  lines.push('}');
  const viz = await instance();
  const t0 = performance.now();
  viz.renderString(lines.join('\n'), { format: 'svg', engine: 'dot' });
  const t1 = performance.now();
  viz.renderString(lines.join('\n'), { format: 'svg', engine: 'dot' });
  console.log(`graphviz wasm dot on the same graph: ${(t1 - t0).toFixed(0)} ms first, ${(performance.now() - t1).toFixed(0)} ms second`);
  for (const ex of EXAMPLES) {
    if (ex.id === 'budgets') continue;
    const r = record({ version: '3.12', source: ex.source, interventions: [] });
    const r27 = record({ version: '2.7', source: ex.source, interventions: [] });
    const step = Math.floor(r.steps.length / 2);
    const ref = Array.from(r.steps[step]!.nodes, (i) => r.nodes[i]!).find((n) => n.ref > 0 && !(n.flags & 1))?.ref ?? 0;
    const t = performance.now();
    if (ref) query({ version: '3.12', source: ex.source, interventions: [], step, ref, markStep: 0 });
    const q = performance.now() - t;
    console.log(`${ex.id}: steps ${r.steps.length}, record 3.12 ${r.timing.totalMs.toFixed(0)} ms (snapshots ${r.timing.snapshotMs.toFixed(0)}), 2.7 ${r27.timing.totalMs.toFixed(0)} ms; replay+objgraph ${q.toFixed(0)} ms`);
  }
}, 120_000);
