/**
 * `gc.get_objects()` order, kept between questions.
 *
 * CPython lists the tracked objects generation by generation — 0, then 1, then 2 — each from
 * its list head to its tail, and every objgraph statistic (`count`, `typestats`, `by_type`,
 * `growth`) and `gc.get_referrers` report objects in that order. Here the generation lists are
 * intrusive doubly-linked lists over typed arrays (`gcNext`/`gcPrev`), as CPython's `PyGC_Head`
 * lists are. Walking one is a chain of dependent loads (`r = next[r]`), and a loop that does
 * work per object on top of that chain is slow: the processor cannot start the next load before
 * the previous one lands. Measured on a 100k-object heap, counting objects per type is about
 * three times faster over an array of the same objects than over the list.
 *
 * So the order is copied into an `Int32Array` by one walk and kept. The heap's list counters say
 * when the copy is still good:
 *
 *  - `heap.listEpoch` moves whenever an object is appended to a list or lists are merged — the
 *    only ways an object enters the generations or changes place among them. Same epoch: the
 *    objects still in generations 0-2 are in the copy, in the same relative order.
 *  - `heap.listRemovals` moves whenever an object leaves its list (untracked or freed). Same
 *    epoch but more removals: the copy is compacted in place, dropping the objects whose
 *    `Flag.TRACKED` is clear (a removed object that came back would have been appended).
 */
import { Flag, type Heap, ListHead } from '@heaplab/heap';

const GEN_HEADS = [ListHead.GEN0, ListHead.GEN1, ListHead.GEN2] as const;

/**
 * The objects of generations 0-2 of one heap, in `gc.get_objects()` order, refreshed on demand.
 *
 * @example
 * ```ts
 * import { Heap, newList } from '@heaplab/heap';
 * import { TrackedOrder } from '@heaplab/gc';
 * const heap = new Heap();
 * const a = newList(heap, []);
 * const b = newList(heap, [a]);
 * const order = new TrackedOrder(heap).current();
 * [...order].slice(-2); // [a, b]
 * ```
 */
export class TrackedOrder {
  readonly heap: Heap;
  private objects = new Int32Array(1024);
  private length = 0;
  private epoch = -1;
  private removals = -1;
  /** Each object's type, parallel to `objects` (filled on demand; see `types`). */
  private typesOf = new Int32Array(0);
  private typesValid = false;
  private typesRetypes = -1;
  /** Walks of the generation lists so far (for tests and benchmarks). */
  walks = 0;
  /**
   * Moves whenever what `current()` or `types()` return may have changed (a walk, a compaction,
   * a class change): an answer computed from them is still the answer while it stays the same.
   */
  version = 0;

  constructor(heap: Heap) {
    this.heap = heap;
  }

  /**
   * The tracked objects of generations 0-2 in `gc.get_objects()` order. The view is only good
   * until the heap next changes: copy it before running anything that may allocate or free.
   *
   * @example
   * ```ts
   * import { Heap, newList } from '@heaplab/heap';
   * import { TrackedOrder } from '@heaplab/gc';
   * const heap = new Heap();
   * const order = new TrackedOrder(heap);
   * const before = order.current().length;
   * newList(heap, []);
   * order.current().length - before; // 1
   * ```
   */
  current(): Int32Array {
    const heap = this.heap;
    if (heap.listEpoch !== this.epoch) this.walk();
    else if (heap.listRemovals !== this.removals) this.compact();
    return this.objects.subarray(0, this.length);
  }

  /**
   * The type of each object of `current()`, at the same index: a second array read in order, so
   * a per-type statistic never touches the objects themselves. Kept with the order, and
   * refilled when an object changed class since (`heap.retypes`).
   *
   * @example
   * ```ts
   * import { Heap, newList } from '@heaplab/heap';
   * import { TrackedOrder } from '@heaplab/gc';
   * const heap = new Heap();
   * newList(heap, []);
   * const order = new TrackedOrder(heap);
   * const types = order.types();
   * types[types.length - 1] === heap.t.list; // true
   * ```
   */
  types(): Int32Array {
    const objects = this.current();
    const heap = this.heap;
    if (!this.typesValid || this.typesRetypes !== heap.retypes) {
      if (this.typesValid) this.version++;
      if (this.typesOf.length < this.objects.length) this.typesOf = new Int32Array(this.objects.length);
      const typ = heap.typ;
      const types = this.typesOf;
      for (let i = 0; i < objects.length; i++) types[i] = typ[objects[i]!]!;
      this.typesValid = true;
      this.typesRetypes = heap.retypes;
    }
    return this.typesOf.subarray(0, objects.length);
  }

  /**
   * Copy the generation lists, head to tail, generation 0 first, and each object's type with it:
   * the walk waits on each `next` load anyway, so reading the type beside it costs next to
   * nothing.
   */
  private walk(): void {
    const heap = this.heap;
    const { gcNext: next, typ } = heap;
    let objects = this.objects;
    let types = this.typesOf.length === objects.length ? this.typesOf : new Int32Array(objects.length);
    let n = 0;
    for (const head of GEN_HEADS) {
      for (let r = next[head]!; r !== head; r = next[r]!) {
        if (n === objects.length) {
          const grown = new Int32Array(objects.length * 2);
          grown.set(objects);
          objects = grown;
          const grownTypes = new Int32Array(objects.length);
          grownTypes.set(types);
          types = grownTypes;
        }
        types[n] = typ[r]!;
        objects[n++] = r;
      }
    }
    this.objects = objects;
    this.typesOf = types;
    this.length = n;
    this.typesValid = true;
    this.typesRetypes = heap.retypes;
    this.version++;
    this.epoch = heap.listEpoch;
    this.removals = heap.listRemovals;
    this.walks++;
  }

  /** Drop the objects that left the lists since the copy; the others keep their order. */
  private compact(): void {
    const flags = this.heap.flags;
    const objects = this.objects;
    const types = this.typesOf;
    const keepTypes = this.typesValid;
    let kept = 0;
    for (let i = 0, n = this.length; i < n; i++) {
      const r = objects[i]!;
      if ((flags[r]! & Flag.TRACKED) !== 0) {
        if (keepTypes) types[kept] = types[i]!;
        objects[kept++] = r;
      }
    }
    this.length = kept;
    this.version++;
    this.removals = this.heap.listRemovals;
  }
}

const orders = new WeakMap<Heap, TrackedOrder>();

/**
 * The heap's shared `TrackedOrder` (objgraph's statistics and the referrer index read the same
 * copy).
 *
 * @example
 * ```ts
 * import { Heap } from '@heaplab/heap';
 * import { trackedOrder } from '@heaplab/gc';
 * const heap = new Heap();
 * trackedOrder(heap).current().length; // the tracked objects of generations 0-2
 * ```
 */
export function trackedOrder(heap: Heap): TrackedOrder {
  let order = orders.get(heap);
  if (order === undefined) {
    order = new TrackedOrder(heap);
    orders.set(heap, order);
  }
  return order;
}
