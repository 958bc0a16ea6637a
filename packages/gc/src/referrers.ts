/**
 * `gc.get_referrers`, indexed.
 *
 * CPython answers `gc.get_referrers(x)` by traversing every tracked object of generations 0-2
 * (`gc_referrers_for`), in list order, and reporting each object whose `tp_traverse` visits `x`.
 * objgraph's backreference search calls it once per object it expands, so a chain of length k
 * costs k full heap traversals.
 *
 * Here one linear pass builds the referrers of *every* tracked object at once (compressed rows:
 * `start[x]..start[x+1]` slices `sources`), and the index is then kept for later questions. It
 * is not maintained on every store — a write barrier on every container mutation would tax the
 * whole interpreter for the sake of one query. Instead, each answer is *proved* current before
 * it is used, from three facts the heap already keeps:
 *
 *  1. `generation[r]` (the slot-reuse counter) tells whether a slot still holds the object the
 *     index saw; `Flag.TRACKED` and the generation lists say whether it is still tracked.
 *  2. Every object tracked since the build (new objects, slots reused, objects re-tracked) is
 *     found by one walk of the generation lists — typed arrays only, no traversal — which also
 *     numbers the objects in `gc.get_objects()` order (`rank`).
 *  3. Refcounts are exact, and an object's traversal visits only references it owns (the
 *     invariant `checkInvariants` checks). So if the references to `x` from its indexed
 *     referrers (recounted now) plus those from the objects tracked since the build, plus the
 *     references the caller says it holds, add up to `x`'s refcount, no other object can refer
 *     to `x`: the answer is exact.
 *
 * When the sum falls short — something outside the index gained a reference to `x` (or `x` is
 * referenced from outside the heap: an interpreter stack, a handle) — that one question falls
 * back to a single traversal pass, exactly as CPython computes it. When many objects have been
 * tracked since the build, the index is rebuilt instead.
 */
import { type DictData, Flag, type Heap, Kind, type Ref, referents, TypeFlag, type TypeData } from '@heaplab/heap';
import { isHeapType } from './heaptype.js';
import { trackedOrder } from './order.js';

/** Objects tracked since the build beyond which the next question rebuilds the index. */
function rebuildThreshold(tracked: number): number {
  return Math.max(4096, tracked >>> 3);
}

/**
 * The references `r`'s traversal visits, for the index, the recount and the scan: the *set*
 * `referents` reports (each target once per referrer is what `get_referrers` needs; zeros are
 * empty slots, to skip). The common layouts are read from their payloads: an exact list or
 * tuple's item array is returned as it is; a plain instance's dict or inline values (and its
 * class) and a dict's keys and values go into `buf`; everything else comes from `referents`.
 * Instances of subclasses of list, tuple or dict also visit their class (subtype_traverse), so
 * they take the `referents` path.
 */
function referentsView(heap: Heap, r: Ref, buf: Ref[]): ArrayLike<Ref> {
  const k = heap.kind[r]!;
  if ((heap.flags[r]! & Flag.SIDE_DICT) === 0 && (k === Kind.INSTANCE || !isHeapType(heap.payload[heap.typ[r]!]))) {
    if (k === Kind.LIST || k === Kind.TUPLE) {
      const items = heap.payload[r] as Ref[];
      viewLength = items.length;
      return items;
    }
    // `buf` is filled by index and never shortened (shortening an array drops its storage).
    let n = 0;
    if (k === Kind.INSTANCE) {
      const t = heap.typ[r]!;
      const td = heap.payload[t] as TypeData;
      if (td.slotNames.length === 0) {
        const p = heap.payload[r] as Ref[];
        if (p[0] !== 0) buf[n++] = p[0]!;
        else for (let i = 1; i < p.length; i++) buf[n++] = p[i]!;
        if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) buf[n++] = t;
        viewLength = n;
        return buf;
      }
    }
    if (k === Kind.DICT) {
      const data = heap.payload[r] as DictData;
      const store = data.store;
      // 3.12 dicts with only str keys keep the keys in a shared, untraversed keys object.
      const valuesOnly = heap.profile.dictOrder === 'insertion' && data.unicodeKeys;
      for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
        if (!valuesOnly) buf[n++] = store.keyAt(p);
        buf[n++] = store.valueAt(p);
      }
      viewLength = n;
      return buf;
    }
  }
  buf.length = 0;
  referents(heap, r, buf);
  viewLength = buf.length;
  return buf;
}

/** How many entries of the array `referentsView` last returned are in use. */
let viewLength = 0;

/** How many of `r`'s references are to `x` (its traversal's visits of `x`). */
function countVisits(heap: Heap, r: Ref, x: Ref, buf: Ref[]): number {
  const refs = referentsView(heap, r, buf);
  let n = 0;
  for (let i = 0, end = viewLength; i < end; i++) if (refs[i] === x) n++;
  return n;
}

/**
 * One traversal pass, CPython's way: the tracked objects of generations 0-2 that refer to any of
 * `targets`, in list order, each once.
 *
 * @example
 * ```ts
 * import { Heap, newList } from '@heaplab/heap';
 * import { scanReferrers } from '@heaplab/gc';
 * const heap = new Heap();
 * const x = newList(heap, []);
 * const holder = newList(heap, [x]);
 * scanReferrers(heap, new Set([x])); // [holder]
 * ```
 */
export function scanReferrers(heap: Heap, targets: ReadonlySet<Ref>): Ref[] {
  const out: Ref[] = [];
  const buf: Ref[] = [];
  const order = trackedOrder(heap).current();
  for (let k = 0; k < order.length; k++) {
    const r = order[k]!;
    const refs = referentsView(heap, r, buf);
    for (let i = 0, end = viewLength; i < end; i++) {
      if (refs[i] !== 0 && targets.has(refs[i]!)) {
        out.push(r);
        break;
      }
    }
  }
  return out;
}

/**
 * The referrers of every tracked object, kept between questions and proved current before each
 * answer (see the module comment).
 *
 * @example
 * ```ts
 * import { Heap, newList } from '@heaplab/heap';
 * import { ReferrerIndex } from '@heaplab/gc';
 * const heap = new Heap();
 * const x = newList(heap, []);
 * const holder = newList(heap, [x]);
 * const index = new ReferrerIndex(heap);
 * index.referrersOf(x); // [holder]
 * ```
 */
export class ReferrerIndex {
  readonly heap: Heap;
  // ---- built by one pass (`rebuild`) ----
  /** `start[x]..start[x+1]` slices `sources` for target `x` (length `builtCap + 1`). */
  private start = new Int32Array(1);
  private sources = new Int32Array(0);
  /** Each slot's reuse counter at the build. */
  private stamp = new Uint32Array(0);
  /** 1 if the slot's object was in generations 0-2 at the build (so its references are indexed). */
  private indexed = new Uint8Array(0);
  private builtCap = 0;
  private built = false;
  // ---- refreshed by a walk of the generation lists (`refresh`) ----
  /** Position in `gc.get_objects()` order, from 1; 0 = not in generations 0-2 at the walk. */
  private rank = new Int32Array(0);
  /** Objects in generations 0-2 whose references the index does not hold. */
  private fresh: Ref[] = [];
  /** `heap.listEpoch` at the walk. */
  private walkedEpoch = -1;
  private readonly buf: Ref[] = [];

  /** Full builds so far, and questions answered by a traversal pass (for tests and benchmarks). */
  builds = 0;
  scans = 0;

  constructor(heap: Heap) {
    this.heap = heap;
  }

  /**
   * Forget the build: the next question starts with a full pass (benchmarks time the cold case
   * with it).
   *
   * @example
   * ```ts
   * import { Heap } from '@heaplab/heap';
   * import { ReferrerIndex } from '@heaplab/gc';
   * const index = new ReferrerIndex(new Heap());
   * index.reset();
   * ```
   */
  reset(): void {
    this.built = false;
    this.walkedEpoch = -1;
  }

  /**
   * The tracked objects (generations 0-2) whose traversal visits `x`, in `gc.get_objects()`
   * order: `gc.get_referrers(x)`. `externalRefs` counts references to `x` the caller holds
   * outside the heap (they let the answer be proved from the index).
   *
   * @example
   * ```ts
   * import { Heap, newList } from '@heaplab/heap';
   * import { ReferrerIndex } from '@heaplab/gc';
   * const heap = new Heap();
   * const x = newList(heap, []);           // our handle is one reference to x
   * const holder = newList(heap, [x]);
   * new ReferrerIndex(heap).referrersOf(x, 1); // [holder], proved from the index
   * ```
   */
  referrersOf(x: Ref, externalRefs = 0): Ref[] {
    const known = this.fromIndex(x, externalRefs);
    if (known !== null) return known;
    this.scans++;
    return scanReferrers(this.heap, new Set([x]));
  }

  /**
   * `gc.get_referrers(*objs)`: the tracked objects referring to any of `objs`, each once, in
   * `gc.get_objects()` order, without those in `exclude`.
   *
   * @example
   * ```ts
   * import { Heap, newList } from '@heaplab/heap';
   * import { ReferrerIndex } from '@heaplab/gc';
   * const heap = new Heap();
   * const a = newList(heap, []);
   * const b = newList(heap, []);
   * const both = newList(heap, [a, b]);
   * new ReferrerIndex(heap).referrersOfAny([a, b]); // [both]
   * ```
   */
  referrersOfAny(objs: readonly Ref[], exclude: ReadonlySet<Ref> = new Set()): Ref[] {
    const found = new Set<Ref>();
    const unproved = new Set<Ref>();
    for (const x of new Set(objs)) {
      const known = this.fromIndex(x, 0);
      if (known === null) unproved.add(x);
      else for (const r of known) found.add(r);
    }
    if (unproved.size > 0) {
      this.scans++;
      for (const r of scanReferrers(this.heap, unproved)) found.add(r);
    }
    const out: Ref[] = [];
    for (const r of found) if (!exclude.has(r)) out.push(r);
    return this.inListOrder(out);
  }

  /** Sort objects of generations 0-2 into `gc.get_objects()` order. */
  private inListOrder(rs: Ref[]): Ref[] {
    if (rs.length > 1) {
      this.refresh();
      const rank = this.rank;
      rs.sort((a, b) => rank[a]! - rank[b]!);
    }
    return rs;
  }

  /** The referrers of `x` proved from the index, or null when they cannot be. */
  private fromIndex(x: Ref, externalRefs: number): Ref[] | null {
    const heap = this.heap;
    if ((heap.flags[x]! & Flag.IMMORTAL) !== 0) return null; // no exact refcount to balance
    this.refresh();
    // Untracked targets are not indexed; objects tracked since the build wait for the next one.
    if (!this.covers(x)) return null;
    const { generation, flags } = heap;
    const rank = this.rank;
    const buf = this.buf;
    const out: Ref[] = [];
    let refs = externalRefs;
    const stamp = this.stamp;
    for (let i = this.start[x]!, end = this.start[x + 1]!; i < end; i++) {
      const r = this.sources[i]!;
      // Still the object indexed, still in generations 0-2: recount its references to x.
      if (generation[r] !== stamp[r] || rank[r] === 0 || (flags[r]! & Flag.TRACKED) === 0) continue;
      const n = countVisits(heap, r, x, buf);
      if (n > 0) {
        refs += n;
        out.push(r);
      }
    }
    for (const r of this.fresh) {
      if ((flags[r]! & Flag.TRACKED) === 0) continue;
      const n = countVisits(heap, r, x, buf);
      if (n > 0) {
        refs += n;
        out.push(r);
      }
    }
    // Every reference to x accounted for: nobody outside the index refers to it.
    if (refs !== heap.rc[x]) return null;
    return out.length > 1 ? out.sort((a, b) => rank[a]! - rank[b]!) : out;
  }

  /** Does the index hold the referrers of the object now in slot `x`? */
  private covers(x: Ref): boolean {
    return this.built && x < this.builtCap && this.indexed[x] === 1 && this.heap.generation[x] === this.stamp[x];
  }

  /**
   * Walk generations 0-2 (typed arrays only): number the objects in list order and collect the
   * ones the index has not seen. Skipped when no list changed since the last walk; rebuilds the
   * index when too much is new.
   */
  private refresh(): void {
    const heap = this.heap;
    if (this.built && heap.listEpoch === this.walkedEpoch) return;
    if (!this.built) this.rebuild();
    for (;;) {
      const cap = heap.capacity;
      if (this.rank.length !== cap) this.rank = new Int32Array(cap);
      else this.rank.fill(0);
      const { rank, stamp, indexed, builtCap } = this;
      const generation = heap.generation;
      const order = trackedOrder(heap).current();
      const fresh: Ref[] = [];
      const n = order.length;
      for (let i = 0; i < n; i++) {
        const r = order[i]!;
        rank[r] = i + 1;
        if (r >= builtCap || indexed[r] === 0 || generation[r] !== stamp[r]) fresh.push(r);
      }
      this.fresh = fresh;
      this.walkedEpoch = heap.listEpoch;
      if (fresh.length <= rebuildThreshold(n)) return;
      this.rebuild();
    }
  }

  /**
   * One pass over generations 0-2 recording every (target, referrer) pair whose target is
   * tracked, then a stable counting sort by target: each target's referrers stay in list order.
   */
  private rebuild(): void {
    const heap = this.heap;
    this.builds++;
    const cap = heap.capacity;
    const flags = heap.flags;
    const order = trackedOrder(heap).current();
    const indexed = new Uint8Array(cap);
    for (let i = 0; i < order.length; i++) indexed[order[i]!] = 1;
    // `last[x] === r + 1` while visiting r once x has been recorded: one pair per (x, r).
    const last = new Int32Array(cap);
    let tgt = new Int32Array(1 << 16);
    let src = new Int32Array(1 << 16);
    let n = 0;
    const grow = () => {
      const t2 = new Int32Array(n * 2);
      t2.set(tgt);
      tgt = t2;
      const s2 = new Int32Array(n * 2);
      s2.set(src);
      src = s2;
    };
    const buf = this.buf;
    for (let k = 0; k < order.length; k++) {
      const r = order[k]!;
      const mark = r + 1;
      const refs = referentsView(heap, r, buf);
      for (let i = 0, end = viewLength; i < end; i++) {
        const x = refs[i]!;
        if (x === 0 || last[x] === mark || (flags[x]! & Flag.TRACKED) === 0) continue;
        last[x] = mark;
        if (n === tgt.length) grow();
        tgt[n] = x;
        src[n] = r;
        n++;
      }
    }
    const start = new Int32Array(cap + 1);
    for (let i = 0; i < n; i++) start[tgt[i]! + 1]!++;
    for (let x = 0; x < cap; x++) start[x + 1]! += start[x]!;
    const fill = start.slice(0, cap);
    const sources = new Int32Array(n);
    for (let i = 0; i < n; i++) sources[fill[tgt[i]!]!++] = src[i]!;
    this.start = start;
    this.sources = sources;
    this.indexed = indexed;
    this.stamp = heap.generation.slice(0, cap);
    this.builtCap = cap;
    this.built = true;
    this.walkedEpoch = -1;
  }
}
