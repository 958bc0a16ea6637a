/**
 * 3.12's `tp_subclasses` bookkeeping as `gc.get_count()` sees it (`ClassCreationCosts.subclassDicts`).
 *
 * CPython 3.12 remembers a class in each of its bases through a dict owned by the base, keyed by
 * the class's address, whose value is a weak reference to the class. Those dicts and weakrefs are
 * GC objects that HeapLab does not materialize (`TypeData.subclasses` plays their part); these
 * functions only count them: allocations raise count0, a dict that is let go may park on the dict
 * free list instead of lowering it.
 */
import type { Heap } from './heap.js';
import { Kind } from './kinds.js';
import type { ClassCreationCosts } from './profile.js';
import type { Ref } from './ref.js';
import { TypeFlag, type TypeData } from './typedata.js';

/** A builtin type whose dict exists from start-up and never goes away (its subclasses are permanent). */
function hasPermanentDict(cc: ClassCreationCosts, btd: TypeData): boolean {
  return (btd.tflags & TypeFlag.HEAPTYPE) === 0 && cc.staticTypesWithSubclasses.includes(btd.name);
}

/**
 * A class has just been linked to its bases (`add_subclass`, once per base): one weak reference
 * to it (made while linking the first base; the later bases get the same object back, since a
 * callback-less reference is shared), then, for each base that has no subclass dict yet, a new
 * dict. Remembers the bases so `countSubclassUnlink` can undo it.
 */
export function countSubclassLink(heap: Heap, type: Ref, bases: readonly Ref[]): void {
  const cc = heap.profile.classCreation;
  if (cc === null || !cc.subclassDicts || bases.length === 0) return;
  heap.countHiddenAlloc(Kind.WEAKREF, heap.t.weakref);
  for (const b of bases) {
    const btd = heap.payload[b] as TypeData;
    if (hasPermanentDict(cc, btd)) continue;
    const n = btd.subclassEntries ?? 0;
    if (n === 0) heap.countHiddenAlloc(Kind.DICT, heap.t.dict);
    btd.subclassEntries = n + 1;
  }
  (heap.payload[type] as TypeData).linkedBases = bases.slice();
}

/**
 * A linked class is being deallocated (`type_dealloc` first takes it out of its bases' dicts,
 * in base order): the shared weak reference dies when the last base drops it, and a base's
 * dict is released as soon as it is empty. Call before the class lets go of its bases.
 */
export function countSubclassUnlink(heap: Heap, type: Ref): void {
  const cc = heap.profile.classCreation;
  const td = heap.payload[type] as TypeData;
  const bases = td.linkedBases;
  if (cc === null || bases === undefined) return;
  td.linkedBases = undefined;
  for (let i = 0; i < bases.length; i++) {
    if (i === bases.length - 1) heap.countHiddenFree(Kind.WEAKREF, heap.t.weakref);
    const btd = heap.payload[bases[i]!] as TypeData;
    if (hasPermanentDict(cc, btd)) continue;
    const n = (btd.subclassEntries ?? 1) - 1;
    btd.subclassEntries = n;
    if (n === 0) heap.countHiddenFree(Kind.DICT, heap.t.dict);
  }
}
