/**
 * Measure the two Graphviz-in-WebAssembly candidates on an objgraph-style DOT graph:
 * load (wasm compile + instantiate) time and dot-layout-to-SVG time, plus the Graphviz
 * version each one embeds.
 *
 *   node packages/objgraph/scripts/measure-renderers.mjs [nodes=2000] [runs=5]
 *
 * Each candidate runs in its own child process so load times are cold.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const nodes = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 5);

/** An objgraph-like backrefs graph: a tree of `nodes` boxes with two-line labels and depth colours. */
export function objgraphLikeDot(n) {
  const lines = ['digraph ObjectGraph {', '  node[shape=box, style=filled, fillcolor=white];', '  o1000[fontcolor=red];'];
  for (let i = 0; i < n; i++) {
    const id = `o${1000 + i}`;
    const depth = Math.floor(Math.log2(i + 1));
    const v = 1 - (0.7 * Math.min(depth, 10)) / 10;
    lines.push(`  ${id}[label="${i % 3 === 0 ? 'dict' : i % 3 === 1 ? 'list' : 'Node'}\\n${i % 3 === 2 ? `<__main__.Node object at 0x7f00000${(1000 + i).toString(16)}>` : `${i % 7} items`}"];`);
    lines.push(`  ${id}[fillcolor="0,0,${Number(v.toPrecision(6))}"];`);
    if (i > 0) lines.push(`  o${1000 + Math.floor((i - 1) / 2)} -> ${id}${i % 3 === 0 ? ' [label="attr",weight=2]' : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

const child = process.argv[4];
if (child) {
  const dot = objgraphLikeDot(nodes);
  const t0 = performance.now();
  let render;
  let version;
  if (child === 'viz') {
    const { instance } = await import('@viz-js/viz');
    const viz = await instance();
    version = viz.graphvizVersion;
    render = (d) => viz.renderString(d, { format: 'svg' });
  } else {
    const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
    const gv = await Graphviz.load();
    version = gv.version();
    render = (d) => gv.layout(d, 'svg', 'dot');
  }
  const load = performance.now() - t0;
  const times = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    size = render(dot).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ child, version, load, median: times[Math.floor(times.length / 2)], min: times[0], size }));
} else {
  const me = fileURLToPath(import.meta.url);
  for (const c of ['viz', 'hpcc']) {
    const r = spawnSync(process.execPath, [me, String(nodes), String(runs), c], { encoding: 'utf8' });
    if (r.status !== 0) console.error(r.stderr);
    else {
      const j = JSON.parse(r.stdout.trim());
      console.log(`${c === 'viz' ? '@viz-js/viz' : '@hpcc-js/wasm-graphviz'}: Graphviz ${j.version}, load ${j.load.toFixed(0)} ms, ${nodes}-node dot->svg median ${j.median.toFixed(0)} ms (min ${j.min.toFixed(0)}), svg ${j.size} bytes`);
    }
  }
}
