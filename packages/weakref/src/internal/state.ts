/**
 * Per-heap state of the weakref module: the classes it created on that heap (created once,
 * like a module's classes in one interpreter) and the finalize registry.
 */
import type { Heap, Ref } from '@heaplab/heap';

export interface WeakrefState {
  /** Behaviour installed on heap.t.weakref / weakproxy / weakcallableproxy. */
  refTypesInstalled: boolean;
  /** `_weakref._remove_dead_weakref` builtin (owned). */
  removeDeadWeakref: Ref;
  /** The native `generator` type the containers' iterating methods return. */
  generatorType: Ref;
  keyedRef: Ref;
  iterationGuard: Ref;
  weakSet: Ref;
  weakValueDictionary: Ref;
  weakKeyDictionary: Ref;
  weakMethod: Ref;
  finalize: Ref;
  finalizeInfo: Ref;
  /** `finalize._index_iter`: the next index handed to a finalizer. */
  finalizeIndex: number;
  /** How to schedule a function for interpreter exit (set by the runtime), if it can. */
  registerAtExit: ((fn: (() => void) & { describe?: () => Ref }) => void) | null;
  /** Module objects (owned), created on first request. */
  modules: Map<string, Ref>;
}

const states = new WeakMap<Heap, WeakrefState>();

/** The weakref state of `heap`, created empty on first use. */
export function stateOf(heap: Heap): WeakrefState {
  let s = states.get(heap);
  if (s === undefined) {
    s = {
      refTypesInstalled: false,
      removeDeadWeakref: 0,
      generatorType: 0,
      keyedRef: 0,
      iterationGuard: 0,
      weakSet: 0,
      weakValueDictionary: 0,
      weakKeyDictionary: 0,
      weakMethod: 0,
      finalize: 0,
      finalizeInfo: 0,
      finalizeIndex: 0,
      registerAtExit: null,
      modules: new Map(),
    };
    states.set(heap, s);
  }
  return s;
}
