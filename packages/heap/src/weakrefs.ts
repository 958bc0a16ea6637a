/**
 * Weak-reference slots: each object's list of weak references, in CPython's list order, and
 * what happens to them when the object dies.
 *
 * List order (`Objects/weakrefobject.c`): the shared callback-less `ref` sits at the head, then
 * the shared callback-less proxy, then every other weakref with the *newest first* — new ones are
 * inserted right after the shared ones. When the referent dies (`PyObject_ClearWeakRefs`) every
 * weakref is cleared first, then the callbacks of those still alive run in list order: newest
 * callback first. A callback that raises is reported as unraisable and ignored.
 */
import type { Heap } from './heap.js';
import { Flag, Kind } from './kinds.js';
import type { WeakrefData } from './layouts.js';
import { call, isCallable } from './protocol.js';
import type { Ref } from './ref.js';
import { PyException } from './errors.js';
import { TypeFlag, type TypeData } from './typedata.js';

/** The weak references to `obj`, in list order (borrowed; empty array if none). */
export function weakrefsOf(heap: Heap, obj: Ref): readonly Ref[] {
  if ((heap.flags[obj]! & Flag.HAS_WEAKREFS) === 0) return [];
  return heap.weakrefLists.get(obj) ?? [];
}

/** `weakref.getweakrefcount(obj)`. */
export function weakrefCount(heap: Heap, obj: Ref): number {
  return weakrefsOf(heap, obj).length;
}

/** Can objects of this type be weakly referenced? */
export function isWeakrefable(heap: Heap, obj: Ref): boolean {
  if (heap.kind[obj] === Kind.TYPE) return true;
  return ((heap.payload[heap.typ[obj]!] as TypeData).tflags & TypeFlag.WEAKREFABLE) !== 0;
}

/** The shared callback-less ref and proxy at the head of the list, if present. */
function basicRefs(heap: Heap, list: Ref[]): { ref: Ref; proxy: Ref } {
  let ref = 0;
  let proxy = 0;
  let i = 0;
  const head = list[0];
  if (head !== undefined && (heap.payload[head] as WeakrefData).callback === 0) {
    if (heap.typ[head] === heap.t.weakref) {
      ref = head;
      i = 1;
    }
    const next = list[i];
    if (next !== undefined && (heap.payload[next] as WeakrefData).callback === 0 && isProxyType(heap, heap.typ[next]!)) proxy = next;
  }
  return { ref, proxy };
}

function isProxyType(heap: Heap, type: Ref): boolean {
  return type === heap.t.weakproxy || type === heap.t.weakcallableproxy;
}

function insertAfter(list: Ref[], wr: Ref, prev: Ref): void {
  if (prev === 0) list.unshift(wr);
  else list.splice(list.indexOf(prev) + 1, 0, wr);
}

/**
 * `weakref.ref(obj, callback)` (or a subclass of ref when `type` is given): a new reference.
 * Callback-less plain refs are shared: `ref(o) is ref(o)`.
 *
 * @example
 * ```ts
 * import { Heap, newWeakref, newSet, weakrefReferent } from '@heaplab/heap';
 * const heap = new Heap();
 * const s = newSet(heap);
 * const w = newWeakref(heap, s, 0);
 * weakrefReferent(heap, w) === s; // true
 * ```
 */
export function newWeakref(heap: Heap, obj: Ref, callback: Ref, type: Ref = heap.t.weakref): Ref {
  if (callback === heap.None) callback = 0;
  checkWeakrefable(heap, obj);
  let list = heap.weakrefLists.get(obj);
  const exact = type === heap.t.weakref;
  if (list !== undefined && callback === 0 && exact) {
    const { ref } = basicRefs(heap, list);
    if (ref !== 0) {
      heap.rc[ref]++;
      return ref;
    }
  }
  heap.xincref(callback);
  const data: WeakrefData = { referent: obj, callback, hashed: false, hashLo: 0, hashHi: 0 };
  const wr = heap.alloc(type, Kind.WEAKREF, data);
  // The allocation may have run a collection that changed the list: look again.
  list = heap.weakrefLists.get(obj);
  if (list === undefined) {
    list = [];
    heap.weakrefLists.set(obj, list);
    heap.flags[obj] |= Flag.HAS_WEAKREFS;
  }
  if (callback === 0 && exact) list.unshift(wr);
  else {
    const { ref, proxy } = basicRefs(heap, list);
    insertAfter(list, wr, proxy === 0 ? ref : proxy);
  }
  heap.track(wr);
  return wr;
}

/**
 * `weakref.proxy(obj, callback)`: a new reference to a proxy (the callable-proxy type when `obj`
 * is callable). Callback-less proxies are shared.
 */
export function newWeakproxy(heap: Heap, obj: Ref, callback: Ref): Ref {
  if (callback === heap.None) callback = 0;
  checkWeakrefable(heap, obj);
  let list = heap.weakrefLists.get(obj);
  if (list !== undefined && callback === 0) {
    const { proxy } = basicRefs(heap, list);
    if (proxy !== 0) {
      heap.rc[proxy]++;
      return proxy;
    }
  }
  heap.xincref(callback);
  const type = isCallable(heap, obj) ? heap.t.weakcallableproxy : heap.t.weakproxy;
  const data: WeakrefData = { referent: obj, callback, hashed: false, hashLo: 0, hashHi: 0 };
  let wr = heap.alloc(type, Kind.WEAKREF, data);
  list = heap.weakrefLists.get(obj);
  if (list === undefined) {
    list = [];
    heap.weakrefLists.set(obj, list);
    heap.flags[obj] |= Flag.HAS_WEAKREFS;
  }
  const { ref, proxy } = basicRefs(heap, list);
  if (callback === 0) {
    if (proxy !== 0) {
      // Someone added a shared proxy meanwhile (a collection during our allocation).
      heap.decref(wr);
      heap.rc[proxy]++;
      wr = proxy;
      return wr;
    }
    insertAfter(list, wr, ref);
  } else insertAfter(list, wr, proxy === 0 ? ref : proxy);
  heap.track(wr);
  return wr;
}

function checkWeakrefable(heap: Heap, obj: Ref): void {
  if (!isWeakrefable(heap, obj)) {
    throw heap.newException(heap.t.TypeError, heap.profile.messages.cannotWeakref(heap.typeName(obj)));
  }
}

/** The referent of a weakref (borrowed), or 0 once it is dead. */
export function weakrefReferent(heap: Heap, wr: Ref): Ref {
  return (heap.payload[wr] as WeakrefData).referent;
}

/** Unlink a weakref from its referent's list and mark it dead (`clear_weakref`, without the callback). */
export function detachWeakref(heap: Heap, wr: Ref): void {
  const data = heap.payload[wr] as WeakrefData;
  const obj = data.referent;
  if (obj === 0) return;
  data.referent = 0;
  const list = heap.weakrefLists.get(obj);
  if (list === undefined) return;
  const i = list.indexOf(wr);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) {
    heap.weakrefLists.delete(obj);
    heap.flags[obj] &= ~Flag.HAS_WEAKREFS;
  }
}

/**
 * `_PyWeakref_ClearRef`: the collector's clearing of a weakref to garbage — dead, unlinked, and
 * its callback left in place (the collector decides whether to call it).
 */
export function clearWeakrefKeepCallback(heap: Heap, wr: Ref): void {
  detachWeakref(heap, wr);
}

/**
 * Call a weakref callback with the (dead) weakref, reporting an exception as unraisable
 * (`handle_callback`).
 */
export function runWeakrefCallback(heap: Heap, wr: Ref, callback: Ref): void {
  try {
    const res = call(heap, callback, [wr], null);
    heap.decref(res);
  } catch (e) {
    if (e instanceof PyException) {
      heap.hooks.writeUnraisable(e.exc, callback);
      e.release(heap);
    } else throw e;
  }
}

/**
 * `PyObject_ClearWeakRefs(obj)`: called when `obj` dies. All weakrefs to it are cleared, then
 * the callbacks of those that are still alive run, newest first.
 */
export function clearWeakrefsAndCallbacks(heap: Heap, obj: Ref): void {
  const list = heap.weakrefLists.get(obj);
  if (list === undefined) {
    heap.flags[obj] &= ~Flag.HAS_WEAKREFS;
    return;
  }
  heap.weakrefLists.delete(obj);
  heap.flags[obj] &= ~Flag.HAS_WEAKREFS;
  const pending: Ref[] = [];
  for (const wr of list) {
    const data = heap.payload[wr] as WeakrefData;
    data.referent = 0;
    const cb = data.callback;
    data.callback = 0;
    if (cb === 0) continue;
    if (heap.rc[wr]! > 0) {
      heap.rc[wr]++; // the weakref stays alive while its callback runs
      pending.push(wr, cb);
    } else heap.decref(cb);
  }
  for (let i = 0; i < pending.length; i += 2) {
    const wr = pending[i]!;
    const cb = pending[i + 1]!;
    runWeakrefCallback(heap, wr, cb);
    heap.decref(cb);
  }
  for (let i = 0; i < pending.length; i += 2) heap.decref(pending[i]!);
}
