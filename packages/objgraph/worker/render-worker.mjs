/**
 * Worker thread behind `renderDotSync`: renders one job at a time and answers on the port it was
 * given, then wakes the waiting thread through the job's shared flag.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { render } from './render-core.mjs';

const port = workerData.port;

parentPort.on('message', async ({ dot, format, flag }) => {
  let reply;
  try {
    reply = { ok: await render(dot, format) };
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
