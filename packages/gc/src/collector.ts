/**
 * The generational cycle collector, step for step as CPython's `Modules/gcmodule.c`.
 *
 * Reference counting frees everything except cycles. To find cycles among the objects of one
 * generation ("young"), the collector works only with reference counts and each container's
 * traversal (`tp_traverse`):
 *
 *   update_refs       gc_refs := refcount, for every object in young.
 *   subtract_refs     for every object in young, for every referent also in young: gc_refs -= 1.
 *                     What remains in gc_refs counts references from *outside* young.
 *   move_unreachable  scan young head to tail; an object with gc_refs > 0 is reachable from
 *                     outside, and so is everything it references (those are marked, or rescued
 *                     from the tentative unreachable list and re-appended to young's tail); an
 *                     object with gc_refs == 0 is moved to `unreachable` — tentatively, since an
 *                     object scanned later may still reach it.
 *
 * What ends in `unreachable` is cyclic garbage. Before freeing it the collector must respect
 * finalizers and weak references:
 *
 *   legacy finalizers  objects with a 2.7-style `__del__` (tp_del), and everything reachable from
 *                      them, are uncollectable: they go to `gc.garbage` instead.
 *   weakrefs           weakrefs to garbage are cleared first; callbacks of weakrefs that are not
 *                      themselves garbage are called (the garbage cannot be resurrected through a
 *                      cleared weakref).
 *   PEP 442 (3.12)     each garbage object's `__del__` runs once; then the reachability analysis
 *                      is redone on what is left, and anything a finalizer resurrected survives.
 *   delete_garbage     tp_clear on what is really garbage breaks the cycles; refcounting frees it.
 *
 * Survivors are promoted to the next generation. A full collection only runs when the objects
 * promoted into the oldest generation since the last one exceed a quarter of its size.
 */
import {
  clearObject,
  detachWeakref,
  Flag,
  type GcState,
  type Heap,
  Kind,
  ListHead,
  listAppend,
  mayBeTracked,
  PyException,
  referents,
  runWeakrefCallback,
  type Ref,
  type WeakrefData,
  type DictData,
  isSubtype,
  newList,
  newDict,
  dictSetStr,
  newInt,
  call,
  intern,
  TypeFlag,
  type TypeData,
} from '@heaplab/heap';
import { debugCycle, debugStatsDone, debugStatsHeader } from './debug.js';
import { isHeapType } from './heaptype.js';

const GEN_HEADS = [ListHead.GEN0, ListHead.GEN1, ListHead.GEN2] as const;
/** Scratch list heads used by one collection. */
const UNREACHABLE = ListHead.SCRATCH0;
const FINALIZERS = ListHead.SCRATCH1;
const WRCB_TO_CALL = ListHead.SCRATCH2;
const SEEN = ListHead.SCRATCH3;
const STILL_UNREACHABLE = ListHead.SCRATCH4;
/** Nested collections (from finalizers, callbacks) are refused by the re-entrancy guard, but a
 * resurrection pass needs a second pair of heads. */

const COLLECTING = Flag.COLLECTING;
const UNREACHABLE_FLAG = Flag.UNREACHABLE;

/** The result of one collection. */
export interface CollectionResult {
  generation: number;
  /** Objects freed (m in gcmodule.c). */
  collected: number;
  /** Objects found uncollectable (n). */
  uncollectable: number;
}

/**
 * Runs collections on a heap. One collector per heap; create it with `attachCollector(heap)`.
 *
 * @example
 * ```ts
 * import { Heap, newList, listAppend } from '@heaplab/heap';
 * import { Collector } from '@heaplab/gc';
 * const heap = new Heap();
 * const gc = new Collector(heap);
 * const l = newList(heap, []);
 * listAppend(heap, l, l);
 * heap.decref(l);
 * gc.collect(2).collected; // 1
 * ```
 */
export class Collector {
  readonly heap: Heap;
  readonly state: GcState;
  /** Reused traversal buffer. */
  private readonly buf: Ref[] = [];
  /** Weakrefs with callbacks that were not in any generation list (rare). */
  private readonly untrackedCallbacks: Ref[] = [];
  /** Where debug output goes (defaults to the heap's stderr hook). */
  write: (text: string) => void;
  /** The permanent generation's "virtual" immortal objects (3.12 start-up tuples): where they are. */
  virtualImmortalsInGen2 = 0;
  /** Observers notified after every collection (the playground's log). */
  readonly listeners: ((r: CollectionResult & { elapsed: number }) => void)[] = [];
  /**
   * The heap's change counters when the last full collection ended, if that collection changed
   * nothing in the generation lists (see `isSettled`); null otherwise.
   */
  private settledAt: { epoch: number; removals: number; releases: number; holds: [Ref, number, number][] } | null = null;
  /** Objects the current scan moved back from tentatively unreachable to young's tail. */
  private rescued = 0;
  /** Full collections whose reachability passes were skipped as provably idle (for tests). */
  quietCollections = 0;
  /**
   * Testing aid: run the passes of a provably idle full collection anyway and throw if they
   * find anything to do (the property tests turn it on).
   */
  checkQuietCollections = false;

  constructor(heap: Heap) {
    this.heap = heap;
    this.state = heap.gc;
    this.write = (t) => heap.hooks.writeStderr(t);
    heap.collector = this;
  }

  /** `gc.garbage` list (created on first use). */
  garbageList(): Ref {
    if (this.state.garbage === 0) {
      this.state.garbage = newList(this.heap, []);
      this.heap.makeImmortal(this.state.garbage);
    }
    return this.state.garbage;
  }

  /** `gc.callbacks` list (3.12), created on first use. */
  callbacksList(): Ref {
    if (this.state.callbacks === 0) {
      this.state.callbacks = newList(this.heap, []);
      this.heap.makeImmortal(this.state.callbacks);
    }
    return this.state.callbacks;
  }

  // ==========================================================================================
  // Entry points
  // ==========================================================================================

  /**
   * `gc.collect(generation)`: returns the number of unreachable objects found (collected +
   * uncollectable), or 0 without doing anything if a collection is already running.
   */
  collect(generation: number): CollectionResult {
    const st = this.state;
    if (st.collecting) return { generation, collected: 0, uncollectable: 0 };
    st.collecting = true;
    try {
      return this.collectWithCallbacks(generation);
    } finally {
      st.collecting = false;
    }
  }

  /**
   * The automatic collection (`collect_generations`): the oldest generation whose count exceeds
   * its threshold — but the oldest only if enough objects were promoted into it since the last
   * full collection (`long_lived_pending >= long_lived_total / 4`).
   */
  collectGenerations(): void {
    const st = this.state;
    if (st.collecting) return;
    st.collecting = true;
    try {
      for (let i = 2; i >= 0; i--) {
        if (st.counts[i]! > st.thresholds[i]!) {
          if (i === 2 && st.longLivedPending < Math.floor(st.longLivedTotal / 4)) continue;
          this.collectWithCallbacks(i);
          break;
        }
      }
    } finally {
      st.collecting = false;
    }
  }

  private collectWithCallbacks(generation: number): CollectionResult {
    this.invokeCallbacks('start', generation, 0, 0);
    const t0 = performance.now();
    const result = this.collectMain(generation);
    const elapsed = (performance.now() - t0) / 1000;
    const st = this.state.stats[generation]!;
    st.collections++;
    st.collected += result.collected;
    st.uncollectable += result.uncollectable;
    this.invokeCallbacks('stop', generation, result.collected, result.uncollectable);
    for (const l of this.listeners) l({ ...result, elapsed });
    return result;
  }

  /** 3.12 `gc.callbacks`: each callback gets (phase, info) with one info dict per phase. */
  private invokeCallbacks(phase: 'start' | 'stop', generation: number, collected: number, uncollectable: number): void {
    const heap = this.heap;
    if (!heap.profile.gcApi.callbacks || this.state.callbacks === 0) return;
    const list = this.state.callbacks;
    if ((heap.payload[list] as Ref[]).length === 0) return;
    const info = newDict(heap);
    for (const [k, v] of [
      ['generation', generation],
      ['collected', collected],
      ['uncollectable', uncollectable],
    ] as const) {
      const n = newInt(heap, v);
      dictSetStr(heap, info, k, n);
      heap.decref(n);
    }
    const phaseObj = intern(heap, phase);
    try {
      // Iterate the live list by index: a callback that removes itself skips the next one.
      for (let i = 0; i < (heap.payload[list] as Ref[]).length; i++) {
        const cb = (heap.payload[list] as Ref[])[i]!;
        heap.incref(cb);
        try {
          const r = call(heap, cb, [phaseObj, info]);
          heap.decref(r);
        } catch (e) {
          if (!(e instanceof PyException)) throw e;
          heap.hooks.writeUnraisable(e.exc, cb);
          e.release(heap);
        } finally {
          heap.decref(cb);
        }
      }
    } finally {
      heap.decref(phaseObj);
      heap.decref(info);
    }
  }

  // ==========================================================================================
  // One collection
  // ==========================================================================================

  private collectMain(generation: number): CollectionResult {
    const heap = this.heap;
    const st = this.state;
    const legacy = heap.profile.finalization === 'legacy';
    const flags = heap.profile.debugFlags;
    const debug = st.debug;
    const t1 = performance.now();
    if ((debug & flags.DEBUG_STATS) !== 0) this.write(debugStatsHeader(this, generation));

    // Update collection and allocation counters.
    if (generation + 1 < 3) st.counts[generation + 1]++;
    for (let i = 0; i <= generation; i++) st.counts[i] = 0;

    // A full collection of a heap exactly as an idle full collection left it would be idle
    // too: skip its passes (everything else below runs as usual, over empty lists).
    const quiet = generation === 2 && this.isSettled();
    if (generation === 2) this.settledAt = null;
    const skipPasses = quiet && !this.checkQuietCollections;
    if (quiet) this.quietCollections++;
    this.rescued = 0;
    const removalsBefore = heap.listRemovals;

    // Merge younger generations into the one being collected (full collections examine gen2,
    // then gen0, then gen1).
    for (let i = 0; i < generation; i++) heap.listMerge(GEN_HEADS[i]!, GEN_HEADS[generation]!);
    const young = GEN_HEADS[generation]!;
    const old = generation < 2 ? GEN_HEADS[generation + 1]! : young;
    if (generation === 2 && this.virtualImmortalsInGen2 > 0) this.virtualImmortalsInGen2 = 0;

    // Using refcounts and traversal, find what in young is reachable only from young.
    heap.listInit(UNREACHABLE);
    if (!skipPasses) this.deduceUnreachable(young, UNREACHABLE);

    if (!skipPasses) this.untrackTuples(young);
    // Move reachable objects to the next generation.
    if (young !== old) {
      if (generation === 1) st.longLivedPending += heap.listSize(young);
      heap.listMerge(young, old);
    } else {
      // Dicts are only untracked in full collections, to avoid quadratic dict build-up.
      if (!skipPasses) this.untrackDicts(young);
      st.longLivedPending = 0;
      // (An idle collection finds the list as the collection that last counted it.)
      if (!skipPasses) st.longLivedTotal = heap.listSize(young);
    }
    // Did this full collection move, untrack or find anything?
    const idle = generation === 2 && this.rescued === 0 && heap.listRemovals === removalsBefore && heap.listIsEmpty(UNREACHABLE);
    if (quiet && !skipPasses && !idle) throw new Error('gc: a full collection proved idle found work to do');

    // Objects with legacy finalizers, and what they reach, cannot be collected.
    heap.listInit(FINALIZERS);
    this.moveLegacyFinalizers(UNREACHABLE, FINALIZERS);
    this.moveLegacyFinalizerReachable(FINALIZERS);

    let m = 0;
    let n = 0;
    if (legacy) {
      // 2.7 counts (and prints) the collectable objects before handling weakrefs.
      for (let r = heap.gcNext[UNREACHABLE]!; r !== UNREACHABLE; r = heap.gcNext[r]!) {
        m++;
        if ((debug & flags.DEBUG_COLLECTABLE) !== 0) this.debugCycle('collectable', r);
      }
      m += this.handleWeakrefs(UNREACHABLE, old);
      this.deleteGarbage(UNREACHABLE, old);
    } else {
      if ((debug & flags.DEBUG_COLLECTABLE) !== 0) {
        for (let r = heap.gcNext[UNREACHABLE]!; r !== UNREACHABLE; r = heap.gcNext[r]!) this.debugCycle('collectable', r);
      }
      // Clear weakrefs and invoke callbacks as necessary.
      m += this.handleWeakrefs(UNREACHABLE, old);
      // Call tp_finalize (PEP 442 __del__) on objects which have one.
      this.finalizeGarbage(UNREACHABLE);
      // Objects a finalizer resurrected survive; the rest is final garbage.
      heap.listInit(STILL_UNREACHABLE);
      this.handleResurrectedObjects(UNREACHABLE, STILL_UNREACHABLE, old);
      m += heap.listSize(STILL_UNREACHABLE);
      this.deleteGarbage(STILL_UNREACHABLE, old);
    }

    // Uncollectable objects.
    for (let r = heap.gcNext[FINALIZERS]!; r !== FINALIZERS; r = heap.gcNext[r]!) {
      n++;
      if ((debug & flags.DEBUG_UNCOLLECTABLE) !== 0) this.debugCycle('uncollectable', r);
    }
    if ((debug & flags.DEBUG_STATS) !== 0) this.write(debugStatsDone(this, n + m, n, (performance.now() - t1) / 1000));

    // Append uncollectable instances to gc.garbage (all of them under DEBUG_SAVEALL).
    this.handleLegacyFinalizers(FINALIZERS, old);

    // Clear free lists only during the collection of the highest generation.
    if (generation === 2) heap.clearFreeLists();
    if (idle) {
      const holds: [Ref, number, number][] = [];
      for (const [r, n] of heap.temporaryHolds) holds.push([r, n, heap.generation[r]!]);
      this.settledAt = { epoch: heap.listEpoch, removals: heap.listRemovals, releases: heap.releases, holds };
    }
    return { generation, collected: m, uncollectable: n };
  }

  /**
   * Is the heap exactly as the last full collection left it, and did that collection find
   * nothing to do? Then this one would find nothing either, and its passes can be skipped.
   *
   * The argument. The collection is deterministic: its outcome depends only on the objects in
   * the generation lists and their order, on what each refers to, and on refcounts. The last
   * full collection ended *idle*: it found nothing unreachable, moved no object back to the
   * list's tail (every object was either referenced from outside or reached by an object before
   * it), and untracked nothing. Since then:
   *  - no object entered or moved between the lists (`listEpoch`: appends, merges) and none left
   *    them (`listRemovals`: untracking, freeing);
   *  - no reference went away anywhere (`releases`: every `decref` of anything but a leaf such
   *    as an int or a str), except temporary holds (`heap.temporaryHolds`, a query's own
   *    references from outside the graph), and every temporary hold there was then is back
   *    (same object, at least as many holds). So references were at most added. An added
   *    reference between two tracked objects raises the target's refcount and its count of
   *    internal references alike — its `gc_refs` is unchanged; any other added reference raises
   *    `gc_refs`. With `gc_refs` never lower and edges only added, every object the last
   *    scan found reachable in place is again reachable in place (by induction along the list),
   *    nothing is unreachable, and the tuples and dicts kept tracked still hold what kept them
   *    (removing it would have been a `decref`).
   */
  private isSettled(): boolean {
    const at = this.settledAt;
    const heap = this.heap;
    if (at === null || at.epoch !== heap.listEpoch || at.removals !== heap.listRemovals || at.releases !== heap.releases) return false;
    for (const [r, n, gen] of at.holds) if (heap.generation[r] !== gen || (heap.temporaryHolds.get(r) ?? 0) < n) return false;
    return true;
  }

  // ---- the reachability analysis --------------------------------------------------------------

  private deduceUnreachable(base: number, unreachable: number): void {
    this.updateRefs(base);
    this.subtractRefs(base);
    this.moveUnreachable(base, unreachable);
  }

  /** gc_refs := refcount; mark as "being collected". 3.12 moves immortal objects to the permanent generation. */
  private updateRefs(containers: number): void {
    const heap = this.heap;
    const { gcNext, gcRefs, rc, flags } = heap;
    const immortalToPermanent = heap.profile.immortalObjects;
    let r = gcNext[containers]!;
    while (r !== containers) {
      const next = gcNext[r]!;
      if (immortalToPermanent && (flags[r]! & Flag.IMMORTAL) !== 0) {
        heap.listMove(r, ListHead.PERMANENT);
        r = next;
        continue;
      }
      gcRefs[r] = rc[r]!;
      flags[r] |= COLLECTING;
      r = next;
    }
  }

  /**
   * For each reference between two objects of the set, subtract one from the target's gc_refs.
   * Instances without slots, lists and tuples are traversed inline (the same order as
   * `referents`); other kinds go through the generic traversal.
   */
  private subtractRefs(containers: number): void {
    const heap = this.heap;
    const { gcNext, gcRefs, flags, kind, payload, typ } = heap;
    const buf = this.buf;
    for (let r = gcNext[containers]!; r !== containers; r = gcNext[r]!) {
      const k = kind[r]!;
      if (k === Kind.INSTANCE) {
        const t = typ[r]!;
        const td = payload[t] as TypeData;
        if (td.slotNames.length === 0 && (flags[r]! & Flag.SIDE_DICT) === 0) {
          const p = payload[r] as Ref[];
          const d = p[0]!;
          if (d !== 0) {
            if ((flags[d]! & COLLECTING) !== 0) gcRefs[d]--;
          } else {
            for (let i = 1; i < p.length; i++) {
              const x = p[i]!;
              if ((flags[x]! & COLLECTING) !== 0) gcRefs[x]--;
            }
          }
          if ((td.tflags & TypeFlag.HEAPTYPE) !== 0 && (flags[t]! & COLLECTING) !== 0) gcRefs[t]--;
          continue;
        }
      } else if ((k === Kind.LIST || k === Kind.TUPLE) && (flags[r]! & Flag.SIDE_DICT) === 0 && !isHeapType(payload[typ[r]!])) {
        // Exact lists and tuples: list_traverse / tupletraverse, last item first. (Instances of
        // a subclass also visit their class first — subtype_traverse — so they take the
        // generic path below.)
        const items = payload[r] as Ref[];
        for (let i = items.length - 1; i >= 0; i--) {
          const x = items[i]!;
          if ((flags[x]! & COLLECTING) !== 0) gcRefs[x]--;
        }
        continue;
      }
      buf.length = 0;
      referents(heap, r, buf);
      for (let i = 0; i < buf.length; i++) {
        const x = buf[i]!;
        if ((flags[x]! & COLLECTING) !== 0) gcRefs[x]--;
      }
    }
  }

  /** visit_reachable: a referent of a reachable object is reachable too. */
  private reach(x: Ref, young: number): void {
    const heap = this.heap;
    const fx = heap.flags[x]!;
    if ((fx & COLLECTING) === 0) return; // other generation, already scanned, or not GC
    if ((fx & UNREACHABLE_FLAG) !== 0) {
      // It had gc_refs 0 when the scan got to it, but it is reachable after all: back to young.
      heap.flags[x] = fx & ~UNREACHABLE_FLAG;
      heap.listMove(x, young);
      heap.gcRefs[x] = 1;
      this.rescued++;
    } else if (heap.gcRefs[x] === 0) {
      heap.gcRefs[x] = 1;
    }
  }

  /**
   * Scan `young` from head to tail (it can grow while scanning). Reachable objects stay (losing
   * the COLLECTING mark); the others move, tentatively, to `unreachable`, from where a later
   * reachable object's traversal can bring them back to young's tail.
   */
  private moveUnreachable(young: number, unreachable: number): void {
    const heap = this.heap;
    const { gcNext, gcRefs, flags, kind, payload, typ } = heap;
    const buf = this.buf;
    let r = gcNext[young]!;
    while (r !== young) {
      if (gcRefs[r]! !== 0) {
        const k = kind[r]!;
        let done = false;
        if (k === Kind.INSTANCE) {
          const t = typ[r]!;
          const td = payload[t] as TypeData;
          if (td.slotNames.length === 0 && (flags[r]! & Flag.SIDE_DICT) === 0) {
            const p = payload[r] as Ref[];
            const d = p[0]!;
            if (d !== 0) this.reach(d, young);
            else for (let i = 1; i < p.length; i++) this.reach(p[i]!, young);
            if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) this.reach(t, young);
            done = true;
          }
        } else if ((k === Kind.LIST || k === Kind.TUPLE) && (flags[r]! & Flag.SIDE_DICT) === 0 && !isHeapType(payload[typ[r]!])) {
          const items = payload[r] as Ref[];
          for (let i = items.length - 1; i >= 0; i--) this.reach(items[i]!, young);
          done = true;
        }
        if (!done) {
          buf.length = 0;
          referents(heap, r, buf);
          for (let i = 0; i < buf.length; i++) this.reach(buf[i]!, young);
        }
        flags[r] &= ~COLLECTING;
        r = gcNext[r]!;
      } else {
        const next = gcNext[r]!;
        flags[r] |= UNREACHABLE_FLAG;
        heap.listMove(r, unreachable);
        r = next;
      }
    }
    // The unreachable mask is only needed during the scan.
    for (let u = gcNext[unreachable]!; u !== unreachable; u = gcNext[u]!) flags[u] &= ~UNREACHABLE_FLAG;
  }

  /** Untrack surviving tuples that hold nothing that may be tracked. */
  private untrackTuples(head: number): void {
    const heap = this.heap;
    const tupleType = heap.t.tuple;
    let r = heap.gcNext[head]!;
    while (r !== head) {
      const next = heap.gcNext[r]!;
      if (heap.kind[r] === Kind.TUPLE && heap.typ[r] === tupleType) {
        const items = heap.payload[r] as Ref[];
        let keep = false;
        for (let i = 0; i < items.length; i++) {
          if (mayBeTracked(heap, items[i]!)) {
            keep = true;
            break;
          }
        }
        if (!keep) heap.untrack(r);
      }
      r = next;
    }
  }

  /** Full collections untrack dicts holding nothing that may be tracked. */
  private untrackDicts(head: number): void {
    const heap = this.heap;
    const dictType = heap.t.dict;
    let r = heap.gcNext[head]!;
    while (r !== head) {
      const next = heap.gcNext[r]!;
      if (heap.kind[r] === Kind.DICT && heap.typ[r] === dictType) {
        const data = heap.payload[r] as DictData;
        const store = data.store;
        let keep = false;
        for (let p = store.next(0); p >= 0 && !keep; p = store.next(p + 1)) {
          if (mayBeTracked(heap, store.valueAt(p)) || mayBeTracked(heap, store.keyAt(p))) keep = true;
        }
        if (!keep) heap.untrack(r);
      }
      r = next;
    }
  }

  // ---- finalizers ---------------------------------------------------------------------------

  /** Does the object have a legacy (2.7-style) finalizer? */
  private hasLegacyFinalizer(r: Ref): boolean {
    const heap = this.heap;
    if (heap.profile.finalization !== 'legacy') return false;
    return heap.hasFinalizer(r);
  }

  private moveLegacyFinalizers(unreachable: number, finalizers: number): void {
    const heap = this.heap;
    if (heap.profile.finalization !== 'legacy') return;
    let r = heap.gcNext[unreachable]!;
    while (r !== unreachable) {
      const next = heap.gcNext[r]!;
      if (this.hasLegacyFinalizer(r)) {
        heap.listMove(r, finalizers);
        heap.flags[r] &= ~COLLECTING;
      }
      r = next;
    }
  }

  /** Everything reachable from an uncollectable object is uncollectable too. */
  private moveLegacyFinalizerReachable(finalizers: number): void {
    const heap = this.heap;
    const buf = this.buf;
    for (let r = heap.gcNext[finalizers]!; r !== finalizers; r = heap.gcNext[r]!) {
      buf.length = 0;
      referents(heap, r, buf);
      for (const x of buf) {
        if ((heap.flags[x]! & COLLECTING) !== 0) {
          heap.listMove(x, finalizers);
          heap.flags[x] &= ~COLLECTING;
        }
      }
    }
  }

  /**
   * Clear weakrefs to garbage; call the callbacks of weakrefs that are not garbage themselves.
   * Returns how many of those weakrefs died when the collector let go of them.
   */
  private handleWeakrefs(unreachable: number, old: number): number {
    const heap = this.heap;
    heap.listInit(WRCB_TO_CALL);
    let r = heap.gcNext[unreachable]!;
    while (r !== unreachable) {
      const next = heap.gcNext[r]!;
      // A weakref inside the garbage is cleared: its callback must never run.
      if (heap.kind[r] === Kind.WEAKREF && heap.profile.finalization !== 'legacy') detachWeakref(heap, r);
      if ((heap.flags[r]! & Flag.HAS_WEAKREFS) !== 0) {
        const list = heap.weakrefLists.get(r);
        if (list !== undefined) {
          for (const wr of list.slice()) {
            const data = heap.payload[wr] as WeakrefData;
            detachWeakref(heap, wr);
            if (data.callback === 0) continue;
            if ((heap.flags[wr]! & COLLECTING) !== 0) continue; // the weakref is garbage too
            // Hold it so it cannot go away before its callback runs.
            heap.incref(wr);
            if ((heap.flags[wr]! & Flag.TRACKED) !== 0) heap.listMove(wr, WRCB_TO_CALL);
            else this.untrackedCallbacks.push(wr);
          }
        }
      }
      r = next;
    }
    let freed = 0;
    while (!heap.listIsEmpty(WRCB_TO_CALL)) {
      const wr = heap.gcNext[WRCB_TO_CALL]!;
      const data = heap.payload[wr] as WeakrefData;
      runWeakrefCallback(heap, wr, data.callback);
      heap.decref(wr);
      // Still at the head: alive, so it joins the older generation; gone: it was freed.
      if (heap.gcNext[WRCB_TO_CALL] === wr) heap.listMove(wr, old);
      else freed++;
    }
    for (const wr of this.untrackedCallbacks.splice(0)) {
      const gen = heap.generation[wr];
      runWeakrefCallback(heap, wr, (heap.payload[wr] as WeakrefData).callback);
      heap.decref(wr);
      if (heap.generation[wr] !== gen) freed++;
    }
    return freed;
  }

  /** PEP 442: call each garbage object's `__del__` once (it may free or resurrect objects). */
  private finalizeGarbage(collectable: number): void {
    const heap = this.heap;
    heap.listInit(SEEN);
    while (!heap.listIsEmpty(collectable)) {
      const r = heap.gcNext[collectable]!;
      heap.listMove(r, SEEN);
      const td = heap.payload[heap.typ[r]!] as TypeData;
      if ((heap.flags[r]! & Flag.FINALIZED) === 0 && td.slots.finalize !== undefined && heap.hasFinalizer(r)) {
        heap.flags[r] |= Flag.FINALIZED;
        heap.incref(r);
        td.slots.finalize(heap, r);
        heap.decref(r);
      }
    }
    heap.listMerge(SEEN, collectable);
  }

  /** Redo the reachability analysis on what is left: resurrected objects go to `old`. */
  private handleResurrectedObjects(unreachable: number, stillUnreachable: number, old: number): void {
    const heap = this.heap;
    for (let r = heap.gcNext[unreachable]!; r !== unreachable; r = heap.gcNext[r]!) heap.flags[r] &= ~COLLECTING;
    this.deduceUnreachable(unreachable, stillUnreachable);
    heap.listMerge(unreachable, old);
  }

  /** tp_clear on each garbage object (or, with DEBUG_SAVEALL, keep it in gc.garbage). */
  private deleteGarbage(collectable: number, old: number): void {
    const heap = this.heap;
    const saveAll = (this.state.debug & heap.profile.debugFlags.DEBUG_SAVEALL) !== 0;
    while (!heap.listIsEmpty(collectable)) {
      const r = heap.gcNext[collectable]!;
      if (saveAll) listAppend(heap, this.garbageList(), r);
      else {
        heap.incref(r);
        clearObject(heap, r);
        heap.decref(r);
      }
      if (heap.gcNext[collectable] === r) {
        // Still alive: move it; it may die later.
        heap.flags[r] &= ~COLLECTING;
        heap.listMove(r, old);
      }
    }
  }

  private handleLegacyFinalizers(finalizers: number, old: number): void {
    const heap = this.heap;
    const saveAll = (this.state.debug & heap.profile.debugFlags.DEBUG_SAVEALL) !== 0;
    for (let r = heap.gcNext[finalizers]!; r !== finalizers; r = heap.gcNext[r]!) {
      if (saveAll || this.hasLegacyFinalizer(r)) listAppend(heap, this.garbageList(), r);
    }
    for (let r = heap.gcNext[finalizers]!; r !== finalizers; r = heap.gcNext[r]!) heap.flags[r] &= ~COLLECTING;
    heap.listMerge(finalizers, old);
  }

  private debugCycle(msg: string, r: Ref): void {
    const line = debugCycle(this, msg, r);
    if (line !== null) this.write(line);
  }

  // ==========================================================================================
  // Queries
  // ==========================================================================================

  /** Objects in a generation list, head to tail. */
  generationObjects(generation: number): Ref[] {
    return this.heap.listToArray(GEN_HEADS[generation]!);
  }

  /** Sizes of the three generations. */
  generationSizes(): [number, number, number] {
    const h = this.heap;
    return [h.listSize(ListHead.GEN0), h.listSize(ListHead.GEN1), h.listSize(ListHead.GEN2) + this.virtualImmortalsInGen2];
  }

  /** Size of the permanent generation, including the profile's start-up immortals. */
  permanentSize(): number {
    const virtual = this.virtualImmortalsInGen2 > 0 ? 0 : this.heap.profile.initialFreezeCount;
    return this.heap.listSize(ListHead.PERMANENT) + virtual;
  }

  /** Is the object a GC object whose type is a subtype of `type`? (helper for callers) */
  isInstanceOf(r: Ref, type: Ref): boolean {
    return isSubtype(this.heap, this.heap.typ[r]!, type);
  }

  /** Is `r` a GC object (a container the collector can track)? */
  isGcObject(r: Ref): boolean {
    return this.heap.isGc(r);
  }

  /** Whether a type is a GC type. */
  isGcType(type: Ref): boolean {
    return ((this.heap.payload[type] as TypeData).tflags & TypeFlag.GC) !== 0;
  }
}
