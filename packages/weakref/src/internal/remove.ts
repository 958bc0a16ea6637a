/**
 * The `remove` callbacks the containers hand to the weakrefs they create.
 *
 * In CPython each is a closure defined in `__init__`:
 * `def _remove(item, selfref=ref(self)): ...` — a function object whose defaults tuple holds a
 * weakref to the container (and, for WeakValueDictionary, `_remove_dead_weakref`). Here it is a
 * builtin function bound to that same defaults tuple, so the container still owns exactly one
 * callable + one tuple + one weakref (the objects `gc` and objgraph count), and the callable
 * still only reaches the container weakly.
 */
import {
  Kind,
  PyException,
  call,
  getAttr,
  isTrue,
  listAppend,
  newBuiltinFunction,
  newTuple,
  tupleItems,
  weakrefReferent,
  type Heap,
  type Ref,
} from '@heaplab/heap';
import { bindArgs, type Signature } from './args.js';
import { instAttr, none } from './util.js';
import { newRef } from '../reftypes.js';

/** What the callback does once it has found its (still alive) container. */
export type RemoveAction = (heap: Heap, container: Ref, arg: Ref, defaults: readonly Ref[]) => void;

/**
 * Create the container's remove callback (new reference): a builtin `name` bound to the
 * defaults tuple `(ref(container), ...extraDefaults)`.
 */
export function newRemoveCallback(
  heap: Heap,
  container: Ref,
  sig: { name: string; qualname: string; argName: string; extraDefaults: readonly [string, Ref][] },
  action: RemoveAction,
): Ref {
  const selfref = newRef(heap, container);
  const items = [selfref, ...sig.extraDefaults.map(([, v]) => v)];
  const defaults = newTuple(heap, items);
  heap.decref(selfref);
  const signature: Signature = {
    name: sig.name,
    qualname: sig.qualname,
    params: [sig.argName, 'selfref', ...sig.extraDefaults.map(([n]) => n)],
    defaults: 1 + sig.extraDefaults.length,
  };
  try {
    return newBuiltinFunction(heap, sig.name, (h, self, args, kwnames) => {
      const bound = bindArgs(h, signature, args, kwnames);
      const dflt = tupleItems(h, self);
      const values = bound.values.map((v, i) => (v !== 0 ? v : dflt[i - 1]!));
      const ref = values[1]!;
      const target = h.kind[ref] === Kind.WEAKREF ? weakrefReferent(h, ref) : callTarget(h, ref);
      if (target === 0 || target === h.None) return none(h);
      h.incref(target);
      try {
        action(h, target, values[0]!, values.slice(2));
      } finally {
        h.decref(target);
      }
      return none(h);
    }, defaults);
  } finally {
    heap.decref(defaults);
  }
}

function callTarget(heap: Heap, selfref: Ref): Ref {
  const r = call(heap, selfref, []);
  heap.decref(r);
  return r;
}

/** `if self._iterating:` */
export function isIterating(heap: Heap, container: Ref): boolean {
  return isTrue(heap, instAttr(heap, container, '_iterating'));
}

/** `self._pending_removals.append(x)` */
export function addPending(heap: Heap, container: Ref, x: Ref): void {
  const l = instAttr(heap, container, '_pending_removals');
  if (heap.kind[l] !== Kind.LIST) throw heap.newException(heap.t.AttributeError, `'${heap.typeName(l)}' object has no attribute 'append'`);
  listAppend(heap, l, x);
}

/** `wr.key` of a KeyedRef (new reference). */
export function keyOf(heap: Heap, wr: Ref): Ref {
  return getAttr(heap, wr, 'key');
}

/** Swallow a KeyError (`try: ... except KeyError: pass`). */
export function ignoreKeyError(heap: Heap, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyException && heap.isExceptionOf(e, heap.t.KeyError)) {
      heap.decref(e.exc);
      return;
    }
    throw e;
  }
}
