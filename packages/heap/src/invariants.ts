/**
 * A consistency check of the whole heap, cheap enough for tests (one linear pass over objects
 * and references):
 *
 * - every reference held by a live object names a live object (no dangling references);
 * - every mortal object's refcount equals the references the heap can account for (references
 *   from other objects, plus the external holders the caller declares: handles, an interpreter's
 *   frames...) — exactly when `external` is given, at least otherwise;
 * - the generation lists are well-formed doubly-linked lists, every object in them is tracked
 *   and a GC object, and every tracked object is in exactly one list;
 * - CPython's tracking rules: a live list, set or instance that is a GC object is always tracked
 *   (they are tracked on creation and never untracked); an untracked tuple or dict refers only to
 *   objects that cannot be tracked — non-GC objects and untracked exact tuples (CPython untracks
 *   a tuple or dict only when none of its items satisfies `_PyObject_GC_MAY_BE_TRACKED`, and an
 *   untracked dict becomes tracked as soon as such an object is stored in it).
 */
import type { Heap } from './heap.js';
import { Flag, Kind } from './kinds.js';
import type { CodeData, FrameData } from './layouts.js';
import type { Ref } from './ref.js';
import { LIST_HEAD_COUNT, ListHead } from './store.js';
import { referents } from './traverse.js';
import { TypeFlag, type TypeData } from './typedata.js';

/** One problem found by `checkInvariants`. */
export interface InvariantViolation {
  kind: 'dangling' | 'refcount' | 'list' | 'tracking';
  ref: Ref;
  message: string;
}

/** Every reference `r` owns, including those the collector does not traverse (code constants...). */
export function ownedReferences(heap: Heap, r: Ref, out: Ref[]): void {
  const kind = heap.kind[r]!;
  if (kind === Kind.TYPE) {
    const td = heap.payload[r] as TypeData;
    if ((td.tflags & TypeFlag.HEAPTYPE) === 0) {
      // Static types own their namespace, bases and MRO too; the collector just does not look.
      if (td.dict !== 0) out.push(td.dict);
      if (td.mro !== 0) out.push(td.mro);
      if (td.bases !== 0) out.push(td.bases);
      return;
    }
  }
  if (kind === Kind.CODE) {
    for (const c of (heap.payload[r] as CodeData).consts) out.push(c);
    return;
  }
  if (kind === Kind.FRAME) {
    const f = heap.payload[r] as FrameData;
    if (f.back !== 0) out.push(f.back);
    if (f.code !== 0) out.push(f.code);
    if (f.globals !== 0) out.push(f.globals);
    if (f.builtins !== 0) out.push(f.builtins);
    if (f.locals !== 0) out.push(f.locals);
    if (f.func !== 0) out.push(f.func);
    if (f.ownsLocals !== false) {
      for (const x of f.fast) if (x !== 0) out.push(x);
      for (const x of f.stack) if (x !== 0) out.push(x);
    }
    return;
  }
  // Heap-type instances own a reference to their type; `referents` reports it (subtype_traverse
  // visits the type for instances and for builtin-layout subclasses alike).
  referents(heap, r, out);
}

/** Lists, sets and instances are tracked from creation until they are freed (when they are GC objects). */
function alwaysTracked(heap: Heap, r: Ref): boolean {
  const k = heap.kind[r];
  if (k !== Kind.LIST && k !== Kind.SET && k !== Kind.INSTANCE && k !== Kind.CLASSIC_INSTANCE) return false;
  return (heap.flags[r]! & Flag.FREE) === 0 && heap.isGc(r);
}

/** `_PyObject_GC_MAY_BE_TRACKED`: a GC object that is not an untracked exact tuple. */
function mayBeTracked(heap: Heap, r: Ref): boolean {
  if ((heap.flags[r]! & Flag.FREE) !== 0 || !heap.isGc(r)) return false;
  return heap.typ[r] !== heap.t.tuple || (heap.flags[r]! & Flag.TRACKED) !== 0;
}

/**
 * Check the heap's invariants. `external` maps objects to references held outside the heap
 * (handles, interpreter temporaries); when given, refcounts must match exactly for every mortal
 * object, otherwise they must only be at least the accounted references.
 *
 * @example
 * ```ts
 * import { Heap, newList, checkInvariants } from '@heaplab/heap';
 * const heap = new Heap();
 * const l = newList(heap, []);
 * checkInvariants(heap, new Map([[l, 1]])).length; // 0
 * ```
 */
export function checkInvariants(heap: Heap, external?: ReadonlyMap<Ref, number>): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const counted = new Int32Array(heap.top);
  const buf: Ref[] = [];
  for (let r = LIST_HEAD_COUNT + 1; r < heap.top; r++) {
    if ((heap.flags[r]! & Flag.FREE) !== 0 || heap.kind[r] === 0) continue;
    buf.length = 0;
    ownedReferences(heap, r, buf);
    for (const x of buf) {
      if (x <= LIST_HEAD_COUNT || x >= heap.top || (heap.flags[x]! & Flag.FREE) !== 0 || heap.kind[x] === 0) {
        out.push({ kind: 'dangling', ref: r, message: `object ${r} (${heap.typeName(r)}) references freed slot ${x}` });
        continue;
      }
      counted[x]++;
    }
  }
  // Weak references do not own their referent, but the referent must be alive.
  for (const [obj, list] of heap.weakrefLists) {
    if (!heap.isLive(obj)) out.push({ kind: 'dangling', ref: obj, message: `weakref list of freed object ${obj}` });
    for (const wr of list) if (!heap.isLive(wr)) out.push({ kind: 'dangling', ref: wr, message: `freed weakref ${wr} in a weakref list` });
  }
  for (let r = LIST_HEAD_COUNT + 1; r < heap.top; r++) {
    if ((heap.flags[r]! & (Flag.FREE | Flag.IMMORTAL)) !== 0 || heap.kind[r] === 0) continue;
    const expected = counted[r]! + (external?.get(r) ?? 0);
    const rc = heap.rc[r]!;
    if (rc <= 0 || (external !== undefined ? rc !== expected : rc < counted[r]!)) {
      out.push({ kind: 'refcount', ref: r, message: `object ${r} (${heap.typeName(r)}) has refcount ${rc}, accounted references ${expected}` });
    }
  }
  // Generation lists.
  const seen = new Uint8Array(heap.top);
  for (const head of [ListHead.GEN0, ListHead.GEN1, ListHead.GEN2, ListHead.PERMANENT] as number[]) {
    let prev = head;
    let steps = 0;
    for (let r = heap.gcNext[head]!; r !== head; r = heap.gcNext[r]!) {
      if (++steps > heap.top) {
        out.push({ kind: 'list', ref: head, message: `generation list ${head} does not terminate` });
        break;
      }
      if (heap.gcPrev[r] !== prev) out.push({ kind: 'list', ref: r, message: `broken back link at ${r}` });
      if ((heap.flags[r]! & Flag.TRACKED) === 0) out.push({ kind: 'tracking', ref: r, message: `untracked object ${r} in generation list ${head}` });
      if (!heap.isGc(r)) out.push({ kind: 'tracking', ref: r, message: `non-GC object ${r} (${heap.typeName(r)}) is tracked` });
      if (seen[r]) out.push({ kind: 'list', ref: r, message: `object ${r} appears in two lists` });
      seen[r] = 1;
      prev = r;
    }
  }
  for (let r = LIST_HEAD_COUNT + 1; r < heap.top; r++) {
    const fl = heap.flags[r]!;
    if ((fl & Flag.TRACKED) !== 0) {
      if (!seen[r]) out.push({ kind: 'tracking', ref: r, message: `tracked object ${r} is in no generation list` });
      continue;
    }
    if ((fl & Flag.FREE) !== 0 || heap.kind[r] === 0) continue;
    if (alwaysTracked(heap, r)) {
      out.push({ kind: 'tracking', ref: r, message: `live ${heap.typeName(r)} ${r} is not tracked` });
    } else if (((heap.kind[r] === Kind.TUPLE && heap.typ[r] === heap.t.tuple) || heap.kind[r] === Kind.DICT) && heap.isGc(r)) {
      // (Only exact tuples are untracked by the collector; a structseq such as 3.12's
      // UnraisableHookArgs is created untracked whatever it holds, as PyStructSequence_New does.)
      buf.length = 0;
      referents(heap, r, buf);
      for (const x of buf) {
        if (x > LIST_HEAD_COUNT && x < heap.top && mayBeTracked(heap, x)) {
          out.push({ kind: 'tracking', ref: r, message: `untracked ${heap.typeName(r)} ${r} refers to ${heap.typeName(x)} ${x}, which may be tracked` });
          break;
        }
      }
    }
  }
  return out;
}
