#!/usr/bin/env node
// The heaplab command. The interpreter runs in a worker thread with a large stack, so deep
// Python recursion (up to the recursion limit) never exhausts the JavaScript stack.
import { Worker } from 'node:worker_threads';

const worker = new Worker(new URL('./heaplab-worker.mjs', import.meta.url), {
  argv: process.argv.slice(2),
  resourceLimits: { stackSizeMb: 256, maxOldGenerationSizeMb: 8192 },
});
worker.on('message', (code) => {
  process.exitCode = code;
});
worker.on('error', (e) => {
  process.stderr.write(`heaplab: internal error: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 70;
});
