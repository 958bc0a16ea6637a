#!/usr/bin/env node
/**
 * A small `dot` replacement built on Graphviz compiled to WebAssembly (@viz-js/viz), with PNG
 * output rasterized from SVG by @resvg/resvg-js:
 *
 *   node packages/objgraph/bin/graphviz.mjs in.dot -Tsvg -o out.svg
 *   node packages/objgraph/bin/graphviz.mjs -Tpng -oout.png in.dot
 *   cat in.dot | node packages/objgraph/bin/graphviz.mjs -Tsvg > out.svg
 *   node packages/objgraph/bin/graphviz.mjs -V
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { getViz, render } from '../worker/render-core.mjs';

const FORMATS = new Set(['svg', 'png', 'dot', 'gv', 'xdot', 'plain', 'plain-ext', 'json', 'json0', 'dot_json', 'xdot_json', 'canon', 'imap', 'cmapx']);

function usage(code) {
  process.stderr.write('usage: graphviz [-T<format>] [-o<file>] [-V] [file.dot]\n');
  process.exit(code);
}

const args = process.argv.slice(2);
let format = 'dot';
let out = null;
let input = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '-V') {
    const viz = await getViz();
    process.stderr.write(`dot - graphviz version ${viz.graphvizVersion} (@viz-js/viz, WebAssembly)\n`);
    process.exit(0);
  } else if (a.startsWith('-T')) format = a.slice(2) || args[++i];
  else if (a.startsWith('-o')) out = a.slice(2) || args[++i];
  else if (a === '-h' || a === '--help') usage(0);
  else if (a.startsWith('-') && a !== '-') {
    process.stderr.write(`graphviz: unsupported option ${a}\n`);
    usage(2);
  } else input = a;
}
if (!FORMATS.has(format)) {
  process.stderr.write(`Format: "${format}" not recognized. Use one of: ${[...FORMATS].join(' ')}\n`);
  process.exit(1);
}
let dot;
try {
  dot = readFileSync(input === null || input === '-' ? 0 : input, 'utf8');
} catch (e) {
  process.stderr.write(`graphviz: cannot read ${input ?? 'stdin'}: ${e.message}\n`);
  process.exit(2);
}
let result;
try {
  result = await render(dot, format);
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
if (out !== null) writeFileSync(out, result);
else process.stdout.write(result);
