/**
 * The Web Worker that runs programs: the interpreter, the heap and the recorder live here, so a
 * long run never blocks the page (the page also terminates this worker if a run outlives its
 * time limit).
 */
import { query, record } from './recorder.js';
import type { WorkerRequest, WorkerResponse } from './types.js';

const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(msg: WorkerResponse, transfer?: Transferable[]): void;
};

scope.onmessage = (ev) => {
  const msg = ev.data;
  try {
    if (msg.kind === 'run') {
      const recording = record(msg.req);
      const transfer: Transferable[] = [];
      for (const s of recording.steps) transfer.push(s.nodes.buffer as ArrayBuffer, s.edges.buffer as ArrayBuffer);
      scope.postMessage({ id: msg.id, kind: 'run', recording }, transfer);
    } else {
      scope.postMessage({ id: msg.id, kind: 'query', result: query(msg.req) });
    }
  } catch (e) {
    scope.postMessage({ id: msg.id, kind: 'error', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
};
