/**
 * The `gc` module's API, per profile: the same functions as CPython's `gc` (camelCase), with
 * CPython's validation and messages. A function the profile's CPython lacks (`freeze` in 2.7,
 * `callbacks`...) is absent: calling it throws `AttributeError: 'module' object has no attribute`.
 */
import {
  type DebugFlagTable,
  Flag,
  type Heap,
  ListHead,
  listItems,
  type Ref,
  referents,
  PyException,
} from '@heaplab/heap';
import { Collector } from './collector.js';
import { trackedOrder } from './order.js';
import { ReferrerIndex } from './referrers.js';

/** One referrer index per heap, whichever `GcModule` asks. */
const indexes = new WeakMap<Heap, ReferrerIndex>();

/** One generation's statistics, as `gc.get_stats()` reports them (3.12). */
export interface GenerationStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

const GEN_HEADS = [ListHead.GEN0, ListHead.GEN1, ListHead.GEN2] as const;

/**
 * The gc module of one heap.
 *
 * @example
 * ```ts
 * import { Heap, newList, listAppend } from '@heaplab/heap';
 * import { GcModule } from '@heaplab/gc';
 * const heap = new Heap({ version: '3.12' });
 * const gc = new GcModule(heap);
 * gc.disable();
 * const l = newList(heap, []);
 * listAppend(heap, l, l);
 * heap.decref(l);
 * gc.collect(); // 1
 * ```
 */
export class GcModule {
  readonly heap: Heap;
  readonly collector: Collector;
  /** The `DEBUG_*` constants of this profile. */
  readonly flags: DebugFlagTable;

  constructor(heap: Heap, collector?: Collector) {
    this.heap = heap;
    this.collector = collector ?? (heap.collector instanceof Collector ? heap.collector : new Collector(heap));
    this.flags = heap.profile.debugFlags;
  }

  private err(type: Ref, message: string): PyException {
    return this.heap.newException(type, message);
  }

  private requireApi(name: keyof Heap['profile']['gcApi'], pyName: string): void {
    if (!this.heap.profile.gcApi[name]) throw this.err(this.heap.t.AttributeError, this.heap.profile.messages.moduleNoAttribute('gc', pyName));
  }

  /** `gc.enable()`. */
  enable(): void {
    this.heap.gc.enabled = true;
  }

  /** `gc.disable()`. */
  disable(): void {
    this.heap.gc.enabled = false;
  }

  /** `gc.isenabled()`. */
  isEnabled(): boolean {
    return this.heap.gc.enabled;
  }

  /**
   * `gc.collect(generation=2)`: the number of unreachable objects found. `ValueError: invalid
   * generation` outside 0..2; 0 if a collection is already running.
   */
  collect(generation = 2): number {
    if (!Number.isInteger(generation) || generation < 0 || generation > 2) throw this.err(this.heap.t.ValueError, 'invalid generation');
    const r = this.collector.collect(generation);
    return r.collected + r.uncollectable;
  }

  /** `gc.get_count()`. */
  getCount(): [number, number, number] {
    const c = this.heap.gc.counts;
    return [c[0], c[1], c[2]];
  }

  /** `gc.get_threshold()`. */
  getThreshold(): [number, number, number] {
    const t = this.heap.gc.thresholds;
    return [t[0], t[1], t[2]];
  }

  /** `gc.set_threshold(t0[, t1[, t2]])`: omitted thresholds keep their values; 0 disables automatic collection. */
  setThreshold(t0: number, t1?: number, t2?: number): void {
    const t = this.heap.gc.thresholds;
    t[0] = t0;
    if (t1 !== undefined) t[1] = t1;
    if (t2 !== undefined) t[2] = t2;
  }

  /** `gc.get_debug()`. */
  getDebug(): number {
    return this.heap.gc.debug;
  }

  /** `gc.set_debug(flags)`. */
  setDebug(flags: number): void {
    this.heap.gc.debug = flags;
  }

  /**
   * `gc.get_objects(generation=None)`: tracked objects (not the permanent generation). The
   * generation argument exists in 3.12 only.
   */
  getObjects(generation: number | null = null): Ref[] {
    const heap = this.heap;
    if (generation !== null) {
      if (!heap.profile.gcApi.getObjectsGeneration) throw this.err(heap.t.TypeError, 'get_objects() takes no arguments (1 given)');
      if (generation >= 3) throw this.err(heap.t.ValueError, 'generation parameter must be less than the number of available generations (3)');
      if (generation < -1) throw this.err(heap.t.ValueError, 'generation parameter cannot be negative');
      if (generation >= 0) return heap.listToArray(GEN_HEADS[generation]!);
    }
    return Array.from(trackedOrder(heap).current());
  }

  /**
   * `gc.get_referrers(*objs)`: tracked objects (generations 0-2) whose traversal reaches any of
   * `objs`, in generation order, each once. `exclude` lists objects to skip (CPython skips the
   * argument tuple and the result list).
   */
  getReferrers(objs: readonly Ref[], exclude: readonly Ref[] = []): Ref[] {
    return this.referrerIndex().referrersOfAny(objs, new Set(exclude));
  }

  /**
   * The heap's referrer index, shared by `getReferrers` and objgraph's backreference searches:
   * built by the first question, then proved current (or bypassed) for each later one.
   *
   * @example
   * ```ts
   * import { Heap, newList } from '@heaplab/heap';
   * import { GcModule } from '@heaplab/gc';
   * const heap = new Heap();
   * const x = newList(heap, []);
   * const holder = newList(heap, [x]);
   * new GcModule(heap).referrerIndex().referrersOf(x); // [holder]
   * ```
   */
  referrerIndex(): ReferrerIndex {
    let index = indexes.get(this.heap);
    if (index === undefined) {
      index = new ReferrerIndex(this.heap);
      indexes.set(this.heap, index);
    }
    return index;
  }

  /** `gc.get_referents(*objs)`: what each GC argument's traversal visits; non-GC arguments contribute nothing. */
  getReferents(objs: readonly Ref[]): Ref[] {
    const heap = this.heap;
    const out: Ref[] = [];
    for (const o of objs) if (heap.isGc(o)) referents(heap, o, out);
    return out;
  }

  /** `gc.is_tracked(obj)`. */
  isTracked(obj: Ref): boolean {
    return this.heap.isGc(obj) && this.heap.isTracked(obj);
  }

  /** `gc.is_finalized(obj)` (3.12). */
  isFinalized(obj: Ref): boolean {
    this.requireApi('isFinalized', 'is_finalized');
    return this.heap.isGc(obj) && (this.heap.flags[obj]! & Flag.FINALIZED) !== 0;
  }

  /** `gc.freeze()` (3.12): move everything tracked to the permanent generation and reset the counts. */
  freeze(): void {
    this.requireApi('freeze', 'freeze');
    const heap = this.heap;
    for (let i = 0; i < 3; i++) {
      heap.listMerge(GEN_HEADS[i]!, ListHead.PERMANENT);
      heap.gc.counts[i] = 0;
    }
  }

  /** `gc.unfreeze()` (3.12): the permanent generation goes back to the oldest generation. */
  unfreeze(): void {
    this.requireApi('freeze', 'unfreeze');
    this.heap.listMerge(ListHead.PERMANENT, ListHead.GEN2);
    this.collector.virtualImmortalsInGen2 = this.heap.profile.initialFreezeCount;
  }

  /** `gc.get_freeze_count()` (3.12). */
  getFreezeCount(): number {
    this.requireApi('freeze', 'get_freeze_count');
    return this.collector.permanentSize();
  }

  /** `gc.get_stats()` (3.12). */
  getStats(): GenerationStats[] {
    this.requireApi('getStats', 'get_stats');
    return this.heap.gc.stats.map((s) => ({ ...s }));
  }

  /** The `gc.garbage` list object. */
  get garbage(): Ref {
    return this.collector.garbageList();
  }

  /** The items of `gc.garbage`, borrowed. */
  garbageItems(): Ref[] {
    return listItems(this.heap, this.collector.garbageList());
  }

  /** The `gc.callbacks` list object (3.12). */
  get callbacks(): Ref {
    this.requireApi('callbacks', 'callbacks');
    return this.collector.callbacksList();
  }
}

/**
 * Create a collector for `heap` and return its `gc` module API. Automatic collections start
 * working at once (2.7: inside allocations; 3.12: at `heap.safePoint()`).
 *
 * @example
 * ```ts
 * import { Heap } from '@heaplab/heap';
 * import { attachCollector } from '@heaplab/gc';
 * const gc = attachCollector(new Heap({ version: '2.7' }));
 * gc.getThreshold(); // [700, 10, 10]
 * ```
 */
export function attachCollector(heap: Heap): GcModule {
  return new GcModule(heap, new Collector(heap));
}

