/**
 * Reverse edges for backreference queries, built in one linear pass.
 *
 * objgraph on CPython calls `gc.get_referrers(target)` for every node it expands, and each call
 * traverses every tracked object: O(N) per visited node. Here one pass over the generation lists
 * (`gc.get_objects()` order: gen0, gen1, gen2) records every (referent, referrer) pair, and a
 * stable counting sort groups them by referent into CSR arrays. `referrers(x)` is then a slice,
 * already in the order `gc.get_referrers(x)` reports: each tracked referrer once, in collector
 * order.
 */
import { type DictData, Flag, type Heap, Kind, ListHead, type Ref, referents, TypeFlag, type TypeData } from '@heaplab/heap';

const GEN_HEADS = [ListHead.GEN0, ListHead.GEN1, ListHead.GEN2] as const;

/**
 * Referrers of every object, as `gc.get_referrers` would list them at build time.
 *
 * @example
 * ```ts
 * import { Heap, newList } from '@heaplab/heap';
 * import { ReverseIndex } from '@heaplab/objgraph';
 * const heap = new Heap();
 * const x = newList(heap, []);
 * const holder = newList(heap, [x]);
 * [...new ReverseIndex(heap).referrers(x)]; // [holder]
 * ```
 */
export class ReverseIndex {
  /** `start[x]..start[x+1]` indexes `sources` for referent `x`. */
  private start: Int32Array;
  private sources: Int32Array;
  /** Number of tracked objects scanned. */
  readonly scanned: number;
  /** Number of (referent, referrer) pairs. */
  readonly edges: number;

  /**
   * `targets: 'tracked'` records referrers of tracked objects (plus `also`) only: a
   * backreference search expands nothing else (every referrer is tracked), and most edges of a
   * heap lead to strings, ints and other untracked objects.
   */
  constructor(heap: Heap, options: { targets?: 'all' | 'tracked'; also?: Iterable<Ref> } = {}) {
    const cap = heap.capacity;
    const seen = new Int32Array(cap);
    const keep = options.targets === 'tracked' ? new Uint8Array(cap) : null;
    if (keep !== null) {
      const fl = heap.flags;
      for (let x = 0; x < cap; x++) keep[x] = (fl[x]! & Flag.TRACKED) !== 0 ? 1 : 0;
      for (const x of options.also ?? []) keep[x] = 1;
    }
    let tgt = new Int32Array(1 << 16);
    let src = new Int32Array(1 << 16);
    let n = 0;
    let scanned = 0;
    const buf: Ref[] = [];
    const { gcNext: next, kind, flags, payload, typ } = heap;
    const valuesOnlyDicts = heap.profile.dictOrder === 'insertion';
    const add = (x: Ref, r: Ref) => {
      if (n === tgt.length) {
        const t2 = new Int32Array(n * 2);
        t2.set(tgt);
        tgt = t2;
        const s2 = new Int32Array(n * 2);
        s2.set(src);
        src = s2;
      }
      tgt[n] = x;
      src[n] = r;
      n++;
    };
    for (const head of GEN_HEADS) {
      for (let r = next[head]!; r !== head; r = next[r]!) {
        scanned++;
        // Fast paths for the common layouts: the *set* of referents is what matters here (a
        // referrer is listed once per target), so the visiting order need not be tp_traverse's.
        const k = kind[r]!;
        if ((flags[r]! & Flag.SIDE_DICT) === 0) {
          if (k === Kind.LIST || k === Kind.TUPLE) {
            const items = payload[r] as Ref[];
            for (let i = 0; i < items.length; i++) {
              const x = items[i]!;
              if (x !== 0 && seen[x] !== r && (keep === null || keep[x] === 1)) {
                seen[x] = r;
                add(x, r);
              }
            }
            continue;
          }
          if (k === Kind.INSTANCE) {
            const t = typ[r]!;
            const td = payload[t] as TypeData;
            if (td.slotNames.length === 0) {
              const p = payload[r] as Ref[];
              const d = p[0]!;
              if (d !== 0) {
                seen[d] = r;
                if (keep === null || keep[d] === 1) add(d, r);
              } else {
                for (let i = 1; i < p.length; i++) {
                  const x = p[i]!;
                  if (x !== 0 && seen[x] !== r && (keep === null || keep[x] === 1)) {
                    seen[x] = r;
                    add(x, r);
                  }
                }
              }
              if ((td.tflags & TypeFlag.HEAPTYPE) !== 0 && seen[t] !== r && (keep === null || keep[t] === 1)) {
                seen[t] = r;
                add(t, r);
              }
              continue;
            }
          }
          if (k === Kind.DICT) {
            const data = payload[r] as DictData;
            const store = data.store;
            const valuesOnly = valuesOnlyDicts && data.unicodeKeys;
            for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
              if (!valuesOnly) {
                const key = store.keyAt(p);
                if (seen[key] !== r && (keep === null || keep[key] === 1)) {
                  seen[key] = r;
                  add(key, r);
                }
              }
              const v = store.valueAt(p);
              if (seen[v] !== r && (keep === null || keep[v] === 1)) {
                seen[v] = r;
                add(v, r);
              }
            }
            continue;
          }
        }
        buf.length = 0;
        referents(heap, r, buf);
        for (let i = 0; i < buf.length; i++) {
          const x = buf[i]!;
          if (seen[x] === r) continue; // get_referrers lists a referrer once per target
          seen[x] = r;
          if (keep === null || keep[x] === 1) add(x, r);
        }
      }
    }
    // Stable counting sort by referent: referrers keep collector order.
    const start = new Int32Array(cap + 1);
    for (let i = 0; i < n; i++) start[tgt[i]! + 1]!++;
    for (let x = 0; x < cap; x++) start[x + 1]! += start[x]!;
    const fill = start.slice(0, cap);
    const sources = new Int32Array(n);
    for (let i = 0; i < n; i++) sources[fill[tgt[i]!]!++] = src[i]!;
    this.start = start;
    this.sources = sources;
    this.scanned = scanned;
    this.edges = n;
  }

  /** The referrers of `x` (a view; do not mutate). Empty for targets the index was told to skip. */
  referrers(x: Ref): Int32Array {
    if (x + 1 >= this.start.length) return new Int32Array(0);
    return this.sources.subarray(this.start[x]!, this.start[x + 1]!);
  }
}
