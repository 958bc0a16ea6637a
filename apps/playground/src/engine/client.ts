/**
 * The page's side of the worker protocol: one `Engine` per Python version. Requests are queued
 * in the worker; a request that takes longer than `timeoutMs` terminates the worker (the only
 * way to stop a synchronous interpreter) and the next request starts a fresh one.
 */
import type { QueryRequest, QueryResult, Recording, RunRequest, WorkerRequest, WorkerResponse } from './types.js';

export class EngineTimeout extends Error {
  override name = 'EngineTimeout';
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export type WorkerFactory = () => Worker;

export const defaultWorkerFactory: WorkerFactory = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'heaplab-engine' });

export class Engine {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly timeoutMs = 20_000,
    private readonly factory: WorkerFactory = defaultWorkerFactory,
  ) {}

  /** Start the worker now (so the interpreter's code is loaded before the first run). */
  warm(): void {
    this.ensure();
  }

  private ensure(): Worker {
    if (this.worker !== null) return this.worker;
    const w = this.factory();
    w.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const msg = ev.data;
      const p = this.pending.get(msg.id);
      if (p === undefined) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.kind === 'error') p.reject(new Error(msg.message));
      else if (msg.kind === 'run') p.resolve(msg.recording);
      else p.resolve(msg.result);
    };
    w.onerror = (ev) => {
      ev.preventDefault?.();
      this.fail(new Error(`The interpreter's worker failed: ${ev.message || 'unknown error'}`));
    };
    this.worker = w;
    return w;
  }

  /** Kill the worker and reject everything pending. */
  private fail(err: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
  }

  private send<T>(msg: Omit<WorkerRequest, 'id'> & { kind: WorkerRequest['kind'] }): Promise<T> {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new EngineTimeout(`The program ran for more than ${Math.round(this.timeoutMs / 1000)} s and was stopped.`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      w.postMessage({ ...msg, id } as WorkerRequest);
    });
  }

  run(req: RunRequest): Promise<Recording> {
    return this.send<Recording>({ kind: 'run', req });
  }

  query(req: QueryRequest): Promise<QueryResult> {
    return this.send<QueryResult>({ kind: 'query', req });
  }

  dispose(): void {
    this.fail(new Error('disposed'));
  }
}
