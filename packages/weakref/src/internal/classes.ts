/**
 * Creating the module's classes as heap classes (`newClass`) with native methods — the way a
 * `class` statement in `weakref.py` would create them, but with the bodies written in
 * TypeScript.
 */
import {
  defineMethod,
  dictGetStr,
  dictSetStr,
  newClass,
  newDict,
  newStr,
  newTuple,
  refreshSlots,
  type Heap,
  type NativeFn,
  type Ref,
} from '@heaplab/heap';
import { bindArgs, type Bound, type Signature } from './args.js';

/** What `makeClass` needs. */
export interface ClassSpec {
  name: string;
  module: string;
  qualname?: string;
  bases?: readonly Ref[];
  /** Names in `__slots__` (omit for a class with a `__dict__`). */
  slots?: readonly string[];
  doc?: string;
}

/** A new heap class (new reference). */
export function makeClass(heap: Heap, spec: ClassSpec): Ref {
  const ns = newDict(heap);
  try {
    const mod = newStr(heap, spec.module);
    dictSetStr(heap, ns, '__module__', mod);
    heap.decref(mod);
    if (spec.qualname !== undefined) {
      const q = newStr(heap, spec.qualname);
      dictSetStr(heap, ns, '__qualname__', q);
      heap.decref(q);
    }
    if (spec.doc !== undefined) {
      const d = newStr(heap, spec.doc);
      dictSetStr(heap, ns, '__doc__', d);
      heap.decref(d);
    }
    if (spec.slots !== undefined) {
      const names = spec.slots.map((s) => newStr(heap, s));
      const tup = newTuple(heap, names);
      for (const n of names) heap.decref(n);
      dictSetStr(heap, ns, '__slots__', tup);
      heap.decref(tup);
    }
    return newClass(heap, { name: spec.name, bases: spec.bases ?? [], namespace: ns });
  } finally {
    heap.decref(ns);
  }
}

/** A method body: `self` plus the bound arguments (all borrowed); returns a new reference. */
export type MethodBody = (heap: Heap, self: Ref, a: Bound, args: readonly Ref[], kwnames: readonly string[] | null) => Ref;

/**
 * Define `name` on `type` as a native method taking the Python signature `params` (without
 * `self`); bad calls raise the TypeError CPython's Python function would raise.
 */
export function method(
  heap: Heap,
  type: Ref,
  name: string,
  params: readonly string[],
  body: MethodBody,
  opts: { defaults?: number; varargs?: boolean; varkw?: boolean; posOnly?: number; qualname?: string } = {},
): Ref {
  const className = heap.typeData(type).qualname;
  const sig: Signature = {
    name,
    qualname: opts.qualname ?? `${className}.${name}`,
    params: ['self', ...params],
    defaults: opts.defaults ?? 0,
    varargs: opts.varargs ?? false,
    varkw: opts.varkw ?? false,
    posOnly: opts.posOnly === undefined ? 0 : opts.posOnly + 1,
  };
  const fn: NativeFn = (h, self, args, kwnames) => {
    const all = [self, ...args];
    const bound = bindArgs(h, sig, all, kwnames);
    return body(h, self, bound, args, kwnames);
  };
  return defineMethod(heap, type, name, fn);
}

/** Store an existing attribute of the class under another name (`__sub__ = difference`). */
export function alias(heap: Heap, type: Ref, name: string, existing: string): void {
  const td = heap.typeData(type);
  const v = findOwn(heap, type, existing);
  dictSetStr(heap, td.dict, name, v);
  heap.typeEpoch++;
}

function findOwn(heap: Heap, type: Ref, name: string): Ref {
  const td = heap.typeData(type);
  const v = dictGetStr(heap, td.dict, name);
  if (v === 0) throw new Error(`${td.name}.${name} is not defined`);
  return v;
}

/** Set a plain class attribute (value stolen). */
export function classAttr(heap: Heap, type: Ref, name: string, value: Ref): void {
  dictSetStr(heap, heap.typeData(type).dict, name, value);
  heap.decref(value);
  heap.typeEpoch++;
}

/** Recompute the class's slot dispatchers after its dunders were defined. */
export function finishClass(heap: Heap, type: Ref): void {
  refreshSlots(heap, type);
}
