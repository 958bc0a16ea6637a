/**
 * `_weakrefset._IterationGuard` and the generator objects the containers' iterating methods
 * return.
 *
 * CPython's WeakSet/WeakKeyDictionary/WeakValueDictionary iterate inside
 * `with _IterationGuard(self):` — the guard registers itself in the container's `_iterating`
 * set, so a weakref callback that fires while a loop is running only *records* the dead entry in
 * `_pending_removals`; when the last guard exits, the container commits the removals. Here the
 * methods are native, but the objects are the same: an `_IterationGuard` instance holding a
 * weakref to the container, registered in `_iterating`, and a generator object that owns the
 * container, the guard and the underlying dict/set iterator.
 */
import {
  Kind,
  PyException,
  addressText,
  allocInstance,
  callMethod,
  iterNext,
  listItems,
  setAdd,
  setDiscard,
  setLen,
  weakrefReferent,
  type Heap,
  type NativeData,
  type Ref,
} from '@heaplab/heap';
import { finishClass, makeClass, method } from './internal/classes.js';
import { stateOf } from './internal/state.js';
import { newNativeType, none, ownAttr, pyErrObj, setInstAttrSteal } from './internal/util.js';
import { newRef } from './reftypes.js';

// ============================================================================================
// _IterationGuard
// ============================================================================================

/**
 * The heap's `_weakrefset._IterationGuard` class (borrowed), created on first use.
 *
 * @example
 * ```ts
 * import { Heap, reprOf } from '@heaplab/heap';
 * import { installWeakrefTypes, iterationGuardClass } from '@heaplab/weakref';
 * const heap = new Heap();
 * installWeakrefTypes(heap);
 * reprOf(heap, iterationGuardClass(heap)); // "<class '_weakrefset._IterationGuard'>"
 * ```
 */
export function iterationGuardClass(heap: Heap): Ref {
  const st = stateOf(heap);
  if (st.iterationGuard !== 0) return st.iterationGuard;
  const cls = makeClass(heap, { name: '_IterationGuard', module: '_weakrefset' });
  st.iterationGuard = cls;
  method(heap, cls, '__init__', ['weakcontainer'], (h, self, a) => {
    setInstAttrSteal(h, self, 'weakcontainer', newRef(h, a.values[1]!));
    return none(h);
  });
  method(heap, cls, '__enter__', [], (h, self) => {
    guardEnter(h, self);
    return h.newRef(self);
  });
  method(heap, cls, '__exit__', ['e', 't', 'b'], (h, self) => {
    guardExit(h, self);
    return none(h);
  });
  finishClass(heap, cls);
  return cls;
}

/** The container a guard watches (borrowed), or 0 if it is gone. */
function guardTarget(heap: Heap, guard: Ref): Ref {
  const wr = ownAttr(heap, guard, 'weakcontainer');
  if (wr === 0) throw heap.newException(heap.t.AttributeError, `'_IterationGuard' object has no attribute 'weakcontainer'`);
  return heap.kind[wr] === Kind.WEAKREF ? weakrefReferent(heap, wr) : 0;
}

function iteratingSet(heap: Heap, container: Ref): Ref {
  const s = ownAttr(heap, container, '_iterating');
  if (s === 0) throw heap.newException(heap.t.AttributeError, `'${heap.typeOf(container).name}' object has no attribute '_iterating'`);
  return s;
}

/** `__enter__`: register in the container's `_iterating` set. */
export function guardEnter(heap: Heap, guard: Ref): void {
  const w = guardTarget(heap, guard);
  if (w === 0) return;
  heap.incref(w);
  try {
    setAdd(heap, iteratingSet(heap, w), guard);
  } finally {
    heap.decref(w);
  }
}

/** `__exit__`: unregister; the last guard out commits the pending removals. */
export function guardExit(heap: Heap, guard: Ref): void {
  const w = guardTarget(heap, guard);
  if (w === 0) return;
  heap.incref(w);
  try {
    const s = iteratingSet(heap, w);
    if (!setDiscard(heap, s, guard)) throw pyErrObj(heap, heap.t.KeyError, guard);
    if (setLen(heap, s) === 0) heap.decref(callMethod(heap, w, '_commit_removals', []));
  } finally {
    heap.decref(w);
  }
}

/** A new guard for `container`, already entered (new reference). */
export function enterNewGuard(heap: Heap, container: Ref): Ref {
  const guard = allocInstance(heap, iterationGuardClass(heap));
  try {
    setInstAttrSteal(heap, guard, 'weakcontainer', newRef(heap, container));
    guardEnter(heap, guard);
  } catch (e) {
    heap.decref(guard);
    throw e;
  }
  return guard;
}

/** If the container has pending removals, call its `_commit_removals()`. */
export function commitIfPending(heap: Heap, container: Ref): void {
  const pending = ownAttr(heap, container, '_pending_removals');
  if (pending !== 0 && heap.kind[pending] === Kind.LIST && listItems(heap, pending).length > 0) {
    heap.decref(callMethod(heap, container, '_commit_removals', []));
  }
}

// ============================================================================================
// Generators
// ============================================================================================

/** How a container method's generator behaves. */
export interface GeneratorSpec {
  /** `co_name` (2.7 repr) and `__qualname__` (3.12 repr). */
  name: string;
  qualname: string;
  /** Run `_commit_removals()` first if removals are pending (WeakValueDictionary's methods). */
  commitFirst: boolean;
  /** Iterate inside `with _IterationGuard(self)`. */
  guard: boolean;
  /** The underlying iterator over the container's data (new reference). */
  source: (heap: Heap, container: Ref) => Ref;
  /** The value to yield for one underlying item (new reference), or 0 to skip it. */
  produce: (heap: Heap, container: Ref, item: Ref) => Ref;
}

interface GenExt {
  spec: GeneratorSpec;
  /** 0 created, 1 running (guard entered), 2 finished. */
  state: 0 | 1 | 2;
}

const CONTAINER = 0;
const GUARD = 1;
const SOURCE = 2;
const LAST = 3;

/** The native `generator` type (borrowed), created on first use. */
export function generatorType(heap: Heap): Ref {
  const st = stateOf(heap);
  if (st.generatorType !== 0) return st.generatorType;
  const type = newNativeType(heap, {
    name: 'generator',
    module: heap.profile.version === '2.7' ? '__builtin__' : 'builtins',
    layout: Kind.NATIVE,
    gc: true,
    slots: {
      iter: (h, g) => h.newRef(g),
      iternext: genNext,
      repr: (h, g) => {
        const ext = (h.payload[g] as NativeData).ext as GenExt;
        const n = h.profile.version === '2.7' ? ext.spec.name : ext.spec.qualname;
        return `<generator object ${n} at ${addressText(h, g)}>`;
      },
      clear: (h, g) => closeGenerator(h, g, true),
    },
  });
  st.generatorType = type;
  const nextName = heap.profile.version === '2.7' ? 'next' : '__next__';
  const defineSimple = (name: string, fn: (h: Heap, g: Ref) => Ref): void => {
    method(heap, type, name, [], (h, self) => fn(h, self), { qualname: `generator.${name}` });
  };
  defineSimple(nextName, (h, g) => {
    const r = genNext(h, g);
    if (r === 0) throw h.newException(h.t.StopIteration, null);
    return r;
  });
  defineSimple('__iter__', (h, g) => h.newRef(g));
  defineSimple('close', (h, g) => {
    closeGenerator(h, g, false);
    return none(h);
  });
  return type;
}

/**
 * A new generator for `container` (new reference). Nothing runs until the first `next()` — as
 * with a Python generator, the guard is entered at the first step.
 */
export function newGenerator(heap: Heap, container: Ref, spec: GeneratorSpec): Ref {
  const type = generatorType(heap);
  heap.incref(container);
  const data: NativeData = { refs: [container, 0, 0, 0], ext: { spec, state: 0 } satisfies GenExt };
  const g = heap.alloc(type, Kind.NATIVE, data);
  heap.track(g);
  return g;
}

/** One step of a generator: a new reference, or 0 when exhausted. */
function genNext(heap: Heap, g: Ref): Ref {
  const d = heap.payload[g] as NativeData;
  const ext = d.ext as GenExt;
  if (ext.state === 2) return 0;
  const refs = d.refs;
  try {
    if (ext.state === 0) {
      ext.state = 1;
      const c = refs[CONTAINER]!;
      if (ext.spec.commitFirst) commitIfPending(heap, c);
      if (ext.spec.guard) refs[GUARD] = enterNewGuard(heap, c);
      refs[SOURCE] = ext.spec.source(heap, c);
    }
    for (;;) {
      const x = iterNext(heap, refs[SOURCE]!);
      // The frame's previous item is released when the loop variable is rebound.
      const old = refs[LAST]!;
      refs[LAST] = 0;
      heap.xdecref(old);
      if (x === 0) {
        closeGenerator(heap, g, false);
        return 0;
      }
      let v: Ref;
      try {
        v = ext.spec.produce(heap, refs[CONTAINER]!, x);
      } finally {
        heap.decref(x);
      }
      if (v !== 0) {
        heap.incref(v);
        refs[LAST] = v;
        return v;
      }
    }
  } catch (e) {
    if ((ext.state as number) !== 2) closeGenerator(heap, g, false);
    throw e;
  }
}

/**
 * Finish a generator: leave the `with` block (unregister the guard, maybe committing removals)
 * and drop everything the frame held. From the deallocator an exception is reported as
 * unraisable, as CPython does for a generator's `close()` at finalization.
 */
function closeGenerator(heap: Heap, g: Ref, fromDealloc: boolean): void {
  const d = heap.payload[g] as NativeData;
  const ext = d.ext as GenExt;
  const refs = d.refs;
  const wasRunning = ext.state === 1;
  ext.state = 2;
  const guard = refs[GUARD]!;
  try {
    // The `with` block is left first; the frame's locals are released afterwards.
    if (wasRunning && guard !== 0) guardExit(heap, guard);
  } catch (e) {
    if (!fromDealloc || !(e instanceof PyException)) throw e;
    heap.hooks.writeUnraisable(e.exc, g);
    heap.decref(e.exc);
  } finally {
    const last = refs[LAST]!;
    const src = refs[SOURCE]!;
    const container = refs[CONTAINER]!;
    refs[LAST] = 0;
    refs[SOURCE] = 0;
    refs[GUARD] = 0;
    refs[CONTAINER] = 0;
    heap.xdecref(last);
    heap.xdecref(src);
    heap.xdecref(guard);
    heap.xdecref(container);
  }
}
