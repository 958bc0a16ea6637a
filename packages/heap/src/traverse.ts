/**
 * What each kind references, in CPython's orders:
 *
 * - `referents` is `tp_traverse`: the order `gc.get_referents` reports and the order in which the
 *   collector's reachability scan visits children (which decides where rescued objects land in
 *   the young list, and so the order garbage is finalized and cleared).
 * - `clearObject` is `tp_clear`: what the collector calls on each garbage object to break cycles.
 *   Kinds without `tp_clear` in CPython (tuples, functions in 2.7, ...) return false.
 * - `releasePayload` is the reference-dropping half of `tp_dealloc`: list items last to first,
 *   dict entries in iteration order, an instance's slots then its dict or inline values...
 *   That order is what decides which `__del__` prints first.
 */
import type { DictData, ModuleData } from './objects.js';
import type { Heap } from './heap.js';
import { Flag, Kind } from './kinds.js';
import type {
  BuiltinData,
  ClassicClassData,
  CodeData,
  DescriptorData,
  ExceptionData,
  FrameData,
  FunctionData,
  IteratorData,
  NativeData,
  TracebackData,
  WeakrefData,
} from './layouts.js';
import type { Ref } from './ref.js';
import type { SetStore } from './set.js';
import { TypeFlag, type TypeData } from './typedata.js';
import { detachWeakref } from './weakrefs.js';
import { countSubclassUnlink } from './subclasses.js';

function push(out: Ref[], r: Ref): void {
  if (r !== 0) out.push(r);
}

/**
 * References in a builtin-layout instance's side storage `[dict, ...slots]`, in CPython's
 * subtype order: the most derived class's slots first, then each base's, then the dict.
 */
function sideRefsInOrder(heap: Heap, r: Ref, side: Ref[]): Ref[] {
  const out: Ref[] = [];
  const type = heap.typ[r]!;
  pushSlotsDerivedFirst(heap, type, side, out);
  // Storage a package added past the declared slots (weakref subclasses keep theirs here).
  for (let i = 1 + (heap.payload[type] as TypeData).slotNames.length; i < side.length; i++) push(out, side[i]!);
  if (side[0] !== 0) out.push(side[0]!);
  return out;
}

/** Push the dict (or 3.12 inline values) and slots of an INSTANCE in traversal order. */
function instanceReferents(heap: Heap, r: Ref, out: Ref[]): void {
  const p = heap.payload[r] as Ref[];
  const td = heap.payload[heap.typ[r]!] as TypeData;
  const nslots = td.slotNames.length;
  // traverse_slots: the most derived class's own slots first, then each base's.
  if (nslots > 0) pushSlotsDerivedFirst(heap, heap.typ[r]!, p, out);
  if (p[0] !== 0) out.push(p[0]!);
  else for (let i = 1 + nslots; i < p.length; i++) push(out, p[i]!);
  if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) out.push(heap.typ[r]!);
}

/** Slots in CPython's order: own slots of the type, then of its base, and so on. */
function pushSlotsDerivedFirst(heap: Heap, type: Ref, p: Ref[], out: Ref[]): void {
  let t = type;
  let end = (heap.payload[t] as TypeData).slotNames.length;
  while (t !== 0 && end > 0) {
    const td = heap.payload[t] as TypeData;
    for (let i = td.ownSlotStart; i < end; i++) push(out, p[1 + i]!);
    end = td.ownSlotStart;
    t = td.base;
  }
}

/**
 * Append the objects `r` references to `out`, in `tp_traverse` order. Non-GC kinds (str, int,
 * code...) reference nothing as far as the collector is concerned.
 *
 * @example
 * ```ts
 * import { Heap, newList, newInt, referents } from '@heaplab/heap';
 * const heap = new Heap();
 * const l = newList(heap, [newInt(heap, 1), heap.None]);
 * const out: number[] = [];
 * referents(heap, l, out); // [None, 1]: lists are visited last item first
 * ```
 */
export function referents(heap: Heap, r: Ref, out: Ref[]): void {
  const k0 = heap.kind[r]!;
  if (k0 !== Kind.INSTANCE && k0 !== Kind.TYPE && ((heap.payload[heap.typ[r]!] as TypeData).tflags & TypeFlag.HEAPTYPE) !== 0) {
    // subtype_traverse: slots, dict, then the type, then the builtin base's own references.
    if ((heap.flags[r]! & Flag.SIDE_DICT) !== 0) for (const x of sideRefsInOrder(heap, r, heap.sideData.get(r)!)) out.push(x);
    out.push(heap.typ[r]!);
  }
  switch (k0) {
    case Kind.TUPLE:
    case Kind.LIST: {
      const items = heap.payload[r] as Ref[];
      for (let i = items.length - 1; i >= 0; i--) out.push(items[i]!);
      break;
    }
    case Kind.DICT: {
      const data = heap.payload[r] as DictData;
      const store = data.store;
      if (heap.profile.dictOrder === 'insertion') {
        // 3.12 dict_traverse: values only for str-keyed tables, else value then key.
        const valuesOnly = data.unicodeKeys;
        for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
          out.push(store.valueAt(p));
          if (!valuesOnly) out.push(store.keyAt(p));
        }
      } else {
        // 2.7: key then value, in table order.
        for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
          out.push(store.keyAt(p));
          out.push(store.valueAt(p));
        }
      }
      break;
    }
    case Kind.SET:
    case Kind.FROZENSET: {
      const store = heap.payload[r] as SetStore;
      for (let p = store.next(0); p >= 0; p = store.next(p + 1)) out.push(store.keyAt(p));
      break;
    }
    case Kind.INSTANCE:
      instanceReferents(heap, r, out);
      break;
    case Kind.TYPE: {
      const td = heap.payload[r] as TypeData;
      // A class whose metaclass is a heap type is traversed by subtype_traverse first: it visits
      // the metaclass (type's own dict slot is tp_dict, not a subtype dict), then type_traverse.
      if (((heap.payload[heap.typ[r]!] as TypeData).tflags & TypeFlag.HEAPTYPE) !== 0) out.push(heap.typ[r]!);
      if ((td.tflags & TypeFlag.HEAPTYPE) === 0) break;
      push(out, td.dict);
      push(out, td.mro);
      push(out, td.bases);
      push(out, td.base);
      break;
    }
    case Kind.FUNCTION: {
      const f = heap.payload[r] as FunctionData;
      for (const field of heap.profile.functionLayout.traverse) push(out, f[field]);
      break;
    }
    case Kind.METHOD: {
      const m = heap.payload[r] as Ref[];
      push(out, m[0]!);
      push(out, m[1]!);
      push(out, m[2] ?? 0);
      break;
    }
    case Kind.BUILTIN: {
      const b = heap.payload[r] as BuiltinData;
      push(out, b.self);
      push(out, b.module);
      break;
    }
    case Kind.CELL:
      push(out, (heap.payload[r] as Ref[])[0]!);
      break;
    case Kind.MODULE:
      push(out, (heap.payload[r] as ModuleData).dict);
      break;
    case Kind.FRAME: {
      const f = heap.payload[r] as FrameData;
      push(out, f.back);
      if (heap.profile.version === '2.7') {
        push(out, f.code);
        push(out, f.builtins);
        push(out, f.globals);
        push(out, f.locals);
      } else {
        push(out, f.locals);
        push(out, f.func);
        push(out, f.code);
      }
      if (f.ownsLocals !== false) {
        for (const x of f.fast) push(out, x);
        for (const x of f.stack) push(out, x);
      }
      break;
    }
    case Kind.WEAKREF:
      push(out, (heap.payload[r] as WeakrefData).callback);
      break;
    case Kind.EXCEPTION: {
      const e = heap.payload[r] as ExceptionData;
      push(out, e.dict);
      push(out, e.args);
      push(out, e.message);
      push(out, e.notes);
      push(out, e.traceback);
      push(out, e.cause);
      push(out, e.context);
      // AttributeError_traverse / NameError_traverse: obj, then name, after the base fields.
      push(out, e.errObj);
      push(out, e.errName);
      break;
    }
    case Kind.TRACEBACK: {
      const tb = heap.payload[r] as TracebackData;
      push(out, tb.next);
      push(out, tb.frame);
      break;
    }
    case Kind.DESCRIPTOR:
      push(out, (heap.payload[r] as DescriptorData).type);
      break;
    case Kind.PROPERTY:
    case Kind.STATICMETHOD:
    case Kind.CLASSMETHOD:
    case Kind.SLICE:
    case Kind.DICTVIEW:
    case Kind.SUPER:
    case Kind.MAPPINGPROXY:
    case Kind.CLASSIC_INSTANCE:
      for (const x of heap.payload[r] as Ref[]) push(out, x);
      break;
    case Kind.ITERATOR: {
      const d = heap.payload[r] as IteratorData;
      push(out, d.seq);
      push(out, d.result ?? 0);
      break;
    }
    case Kind.CLASSIC_CLASS: {
      const c = heap.payload[r] as ClassicClassData;
      push(out, c.bases);
      push(out, c.dict);
      push(out, c.name);
      push(out, c.getattr);
      push(out, c.setattr);
      push(out, c.delattr);
      break;
    }
    case Kind.NATIVE: {
      const td = heap.payload[heap.typ[r]!] as TypeData;
      if (td.slots.traverse !== undefined) td.slots.traverse(heap, r, out);
      else for (const x of (heap.payload[r] as NativeData).refs) push(out, x);
      break;
    }
  }
}

/** Swap a field to 0 and release the old value (Py_CLEAR). */
/**
 * The references an exception owns, in the order its tp_clear drops them (AttributeError /
 * NameError's own fields first, then BaseException's) — for both tp_clear and deallocation.
 */
const EXCEPTION_OWNED_FIELDS = ['errObj', 'errName', 'dict', 'args', 'message', 'notes', 'traceback', 'cause', 'context'] as const;

function clearField<T extends object>(heap: Heap, obj: T, field: keyof T): void {
  const old = obj[field] as unknown as Ref;
  if (old !== 0) {
    (obj as Record<keyof T, unknown>)[field] = 0;
    heap.decref(old);
  }
}

/** Release an array's refs after emptying it (safe against re-entrant mutation). */
function releaseArray(heap: Heap, items: Ref[], lastFirst: boolean): void {
  const copy = items.splice(0, items.length);
  if (lastFirst) for (let i = copy.length - 1; i >= 0; i--) heap.xdecref(copy[i]!);
  else for (let i = 0; i < copy.length; i++) heap.xdecref(copy[i]!);
}

/** Clear an instance's slots (derived class first) and then its dict or inline values. */
function clearInstance(heap: Heap, r: Ref): void {
  const p = heap.payload[r] as Ref[];
  const td = heap.payload[heap.typ[r]!] as TypeData;
  const nslots = td.slotNames.length;
  if (nslots > 0) {
    const order: number[] = [];
    let t = heap.typ[r]!;
    let end = nslots;
    while (t !== 0 && end > 0) {
      const ttd = heap.payload[t] as TypeData;
      for (let i = ttd.ownSlotStart; i < end; i++) order.push(1 + i);
      end = ttd.ownSlotStart;
      t = ttd.base;
    }
    for (const i of order) {
      const old = p[i]!;
      if (old !== 0) {
        p[i] = 0;
        heap.decref(old);
      }
    }
  }
  if (p[0] !== 0) {
    const d = p[0]!;
    p[0] = 0;
    heap.decref(d);
  } else if (p.length > 1 + nslots) {
    // Inline values, released in key-index order (each slot emptied before its release, so a
    // finalizer that looks at the instance sees a consistent state).
    if (heap.inlineOrder.size > 0) heap.inlineOrder.delete(r);
    for (let i = 1 + nslots; i < p.length; i++) {
      const v = p[i]!;
      if (v !== 0) {
        p[i] = 0;
        heap.decref(v);
      }
    }
  }
}

/**
 * `tp_clear`: drop the references that can be part of a cycle. Returns false for kinds that
 * have no `tp_clear` in the profile's CPython (the collector then leaves them to be freed by
 * refcounting once their cycle partners are cleared).
 */
export function clearObject(heap: Heap, r: Ref): boolean {
  let cleared = false;
  if ((heap.flags[r]! & Flag.SIDE_DICT) !== 0) {
    releaseSide(heap, r);
    cleared = true;
  }
  switch (heap.kind[r]) {
    case Kind.LIST:
      releaseArray(heap, heap.payload[r] as Ref[], true);
      return true;
    case Kind.DICT: {
      const data = heap.payload[r] as DictData;
      const taken = data.store.takeAll();
      data.unicodeKeys = true;
      for (let i = 0; i < taken.length; i++) heap.decref(taken[i]!);
      return true;
    }
    case Kind.SET:
    case Kind.FROZENSET: {
      const taken = (heap.payload[r] as SetStore).takeAll();
      for (const k of taken) heap.decref(k);
      return true;
    }
    case Kind.INSTANCE:
      clearInstance(heap, r);
      return true;
    case Kind.TYPE: {
      const td = heap.payload[r] as TypeData;
      if ((td.tflags & TypeFlag.HEAPTYPE) === 0) return false;
      heap.typeEpoch++;
      if (td.dict !== 0) {
        const data = heap.payload[td.dict] as DictData;
        const taken = data.store.takeAll();
        for (let i = 0; i < taken.length; i++) heap.decref(taken[i]!);
      }
      clearField(heap, td, 'mro');
      return true;
    }
    case Kind.FUNCTION: {
      const f = heap.payload[r] as FunctionData;
      const fields = heap.profile.functionLayout.clear;
      for (const field of fields) clearField(heap, f, field);
      return fields.length > 0 || cleared;
    }
    case Kind.CELL: {
      const box = heap.payload[r] as Ref[];
      const old = box[0]!;
      box[0] = 0;
      heap.xdecref(old);
      return true;
    }
    case Kind.MODULE:
      clearField(heap, heap.payload[r] as ModuleData, 'dict');
      return true;
    case Kind.FRAME: {
      const f = heap.payload[r] as FrameData;
      if (f.ownsLocals !== false) {
        releaseArray(heap, f.fast, false);
        releaseArray(heap, f.stack, false);
      }
      clearField(heap, f, 'locals');
      return true;
    }
    case Kind.WEAKREF:
      detachWeakref(heap, r);
      clearField(heap, heap.payload[r] as WeakrefData, 'callback');
      return true;
    case Kind.EXCEPTION: {
      const e = heap.payload[r] as ExceptionData;
      for (const field of EXCEPTION_OWNED_FIELDS) clearField(heap, e, field);
      return true;
    }
    case Kind.TRACEBACK: {
      const tb = heap.payload[r] as TracebackData;
      clearField(heap, tb, 'next');
      clearField(heap, tb, 'frame');
      return true;
    }
    case Kind.STATICMETHOD:
    case Kind.CLASSMETHOD:
      releaseArray(heap, heap.payload[r] as Ref[], false);
      return true;
    case Kind.NATIVE: {
      const td = heap.payload[heap.typ[r]!] as TypeData;
      if (td.slots.clear !== undefined) return td.slots.clear(heap, r) !== false || cleared;
      releaseArray(heap, (heap.payload[r] as NativeData).refs, false);
      return true;
    }
    default:
      return cleared;
  }
}

/**
 * Release everything the object holds, in its `tp_dealloc` order. Called once the object is
 * dead (finalizer done, weakrefs cleared); the slot is freed afterwards.
 */
/** Release a builtin-layout instance's slots (derived class first) and then its dict. */
function releaseSide(heap: Heap, r: Ref): void {
  const side = heap.sideData.get(r)!;
  const order = sideRefsInOrder(heap, r, side);
  heap.sideData.delete(r);
  heap.flags[r] &= ~Flag.SIDE_DICT;
  for (const x of order) heap.decref(x);
}

export function releasePayload(heap: Heap, r: Ref): void {
  // subtype_dealloc releases a builtin-layout subclass's slots and dict before the base dealloc runs.
  if ((heap.flags[r]! & Flag.SIDE_DICT) !== 0) releaseSide(heap, r);
  switch (heap.kind[r]) {
    case Kind.TUPLE:
    case Kind.LIST: {
      const items = heap.payload[r] as Ref[];
      heap.payload[r] = [];
      for (let i = items.length - 1; i >= 0; i--) heap.xdecref(items[i]!);
      return;
    }
    case Kind.DICT: {
      const taken = (heap.payload[r] as DictData).store.takeAll(false);
      for (let i = 0; i < taken.length; i++) heap.decref(taken[i]!);
      return;
    }
    case Kind.SET:
    case Kind.FROZENSET: {
      const taken = (heap.payload[r] as SetStore).takeAll();
      for (const k of taken) heap.decref(k);
      return;
    }
    case Kind.INSTANCE:
      clearInstance(heap, r);
      return;
    case Kind.CLASSIC_INSTANCE:
      releaseArray(heap, heap.payload[r] as Ref[], false);
      return;
    case Kind.TYPE: {
      const td = heap.payload[r] as TypeData;
      heap.typeEpoch++;
      // 3.12's type_dealloc leaves its bases' subclass dicts before anything else.
      countSubclassUnlink(heap, r);
      for (const field of ['base', 'dict', 'bases', 'mro'] as const) clearField(heap, td, field);
      // ...and releases its `__slots__` names tuple last.
      if (td.htSlots !== undefined) heap.countHiddenFree(Kind.TUPLE, heap.t.tuple, td.htSlots);
      if (heap.profile.subclassWeakrefList && td.subclasses.length > 0) {
        // 2.7: the `tp_subclasses` list and its weak references (see classes.ts addSubclass).
        for (let i = 0; i < td.subclasses.length; i++) heap.countHiddenFree(Kind.WEAKREF, heap.t.weakref);
        heap.countHiddenFree(Kind.LIST, heap.t.list);
      }
      return;
    }
    case Kind.FUNCTION: {
      const f = heap.payload[r] as FunctionData;
      for (const field of heap.profile.functionLayout.release) clearField(heap, f, field);
      return;
    }
    case Kind.METHOD:
    case Kind.CELL:
    case Kind.PROPERTY:
    case Kind.STATICMETHOD:
    case Kind.CLASSMETHOD:
    case Kind.SLICE:
    case Kind.DICTVIEW:
    case Kind.SUPER:
    case Kind.MAPPINGPROXY:
      releaseArray(heap, heap.payload[r] as Ref[], false);
      return;
    case Kind.BUILTIN: {
      const b = heap.payload[r] as BuiltinData;
      clearField(heap, b, 'self');
      clearField(heap, b, 'module');
      return;
    }
    case Kind.MODULE:
      clearField(heap, heap.payload[r] as ModuleData, 'dict');
      return;
    case Kind.FRAME: {
      const f = heap.payload[r] as FrameData;
      if (f.ownsLocals !== false) {
        releaseArray(heap, f.fast, false);
        releaseArray(heap, f.stack, false);
      }
      for (const field of ['back', 'builtins', 'globals', 'locals', 'func', 'code'] as const) clearField(heap, f, field);
      return;
    }
    case Kind.CODE:
      releaseArray(heap, (heap.payload[r] as CodeData).consts, false);
      return;
    case Kind.WEAKREF:
      detachWeakref(heap, r);
      clearField(heap, heap.payload[r] as WeakrefData, 'callback');
      return;
    case Kind.EXCEPTION: {
      if (heap.lazyExceptions.size > 0) heap.lazyExceptions.delete(r);
      const e = heap.payload[r] as ExceptionData;
      for (const field of EXCEPTION_OWNED_FIELDS) clearField(heap, e, field);
      return;
    }
    case Kind.TRACEBACK: {
      const tb = heap.payload[r] as TracebackData;
      clearField(heap, tb, 'next');
      clearField(heap, tb, 'frame');
      return;
    }
    case Kind.DESCRIPTOR:
      clearField(heap, heap.payload[r] as DescriptorData, 'type');
      return;
    case Kind.ITERATOR: {
      const d = heap.payload[r] as IteratorData;
      clearField(heap, d, 'seq');
      if (d.result !== undefined) clearField(heap, d, 'result');
      return;
    }
    case Kind.CLASSIC_CLASS: {
      const c = heap.payload[r] as ClassicClassData;
      for (const field of ['bases', 'dict', 'name', 'getattr', 'setattr', 'delattr'] as const) clearField(heap, c, field);
      return;
    }
    case Kind.NATIVE: {
      const td = heap.payload[heap.typ[r]!] as TypeData;
      if (td.slots.clear !== undefined) td.slots.clear(heap, r);
      const nd = heap.payload[r] as NativeData | undefined;
      if (nd?.refs) releaseArray(heap, nd.refs, false);
      return;
    }
  }
}
