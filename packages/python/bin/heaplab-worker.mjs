// Worker side of bin/heaplab.mjs: run the CLI and report the exit status.
import { parentPort } from 'node:worker_threads';
import { main } from '../dist/cli.js';

parentPort.postMessage(main(process.argv.slice(2)));
