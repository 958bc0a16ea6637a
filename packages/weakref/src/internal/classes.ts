/**
 * Creating the module's classes as heap classes (`newClass`) with native methods — the way a
 * `class` statement in `weakref.py` would create them, but with the bodies written in
 * TypeScript.
 */
import {
  Kind,
  call,
  defineMethod,
  getAttrOrNull,
  dictGetStr,
  dictSetStr,
  isSubtype as isSubtypeOf,
  newClass,
  newDict,
  newStr,
  newTuple,
  refreshSlots,
  type ClassicClassData,
  type DescriptorData,
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
  opts: { defaults?: number; varargs?: boolean; varkw?: boolean; posOnly?: number; qualname?: string; selfInArgs?: boolean } = {},
): Ref {
  const className = classQualname(heap, type);
  const sig: Signature = {
    name,
    qualname: opts.qualname ?? `${className}.${name}`,
    params: ['self', ...params],
    defaults: opts.defaults ?? 0,
    varargs: opts.varargs ?? false,
    varkw: opts.varkw ?? false,
    posOnly: opts.posOnly === undefined ? 0 : opts.posOnly + 1,
    selfInArgs: opts.selfInArgs ?? false,
  };
  const fn: NativeFn = (h, self, args, kwnames) => {
    const all = [self, ...args];
    const bound = bindArgs(h, sig, all, kwnames);
    return body(h, self, bound, args, kwnames);
  };
  if (isClassic(heap, type)) return defineClassicMethod(heap, type, name, fn, false);
  return defineMethod(heap, type, name, fn);
}

/** Is `cls` a 2.7 classic class (`classobj`)? */
export function isClassic(heap: Heap, cls: Ref): boolean {
  return heap.kind[cls] === Kind.CLASSIC_CLASS;
}

/**
 * Can this heap make classic classes that behave? True in the 2.7 profile once the runtime has
 * given `classobj`/`instance` their behaviour (instance creation, attribute lookup that binds
 * descriptors, operator dispatch).
 */
export function classicClassesAvailable(heap: Heap): boolean {
  return heap.profile.classicClasses && heap.t.classobj !== 0 && heap.typeData(heap.t.classobj).slots.call !== undefined;
}

/** A 2.7 classic class (`class Name:`) in `module` (new reference). */
export function makeClassicClass(heap: Heap, spec: ClassSpec): Ref {
  const ns = newDict(heap);
  const mod = newStr(heap, spec.module);
  dictSetStr(heap, ns, '__module__', mod);
  heap.decref(mod);
  if (spec.doc !== undefined) {
    const d = newStr(heap, spec.doc);
    dictSetStr(heap, ns, '__doc__', d);
    heap.decref(d);
  } else dictSetStr(heap, ns, '__doc__', heap.None);
  const data: ClassicClassData = {
    name: newStr(heap, spec.name),
    bases: newTuple(heap, spec.bases ?? []),
    dict: ns,
    getattr: 0,
    setattr: 0,
    delattr: 0,
  };
  const r = heap.alloc(heap.t.classobj, Kind.CLASSIC_CLASS, data);
  heap.track(r);
  return r;
}

/**
 * A method of a classic class: a method descriptor for `instance` objects, which the runtime's
 * classic attribute lookup binds to the instance (`binding` 'class' makes a classmethod).
 */
export function defineClassicMethod(heap: Heap, cls: Ref, name: string, fn: NativeFn, asClassMethod: boolean): Ref {
  heap.incref(heap.t.instance);
  const data: DescriptorData = { type: heap.t.instance, name, call: fn as DescriptorData['call'] };
  const d = heap.alloc(asClassMethod ? heap.t.classmethod_descriptor : heap.t.method_descriptor, Kind.DESCRIPTOR, data);
  heap.track(d);
  dictSetStr(heap, classDict(heap, cls), name, d);
  heap.decref(d);
  heap.typeEpoch++;
  return d;
}

/** The namespace dict of a type or classic class (borrowed). */
export function classDict(heap: Heap, cls: Ref): Ref {
  if (isClassic(heap, cls)) return (heap.payload[cls] as ClassicClassData).dict;
  return heap.typeData(cls).dict;
}

/** `__qualname__` of a type, or the name of a classic class. */
export function classQualname(heap: Heap, cls: Ref): string {
  if (isClassic(heap, cls)) {
    const n = (heap.payload[cls] as ClassicClassData).name;
    return heap.payload[n] as string;
  }
  return heap.typeData(cls).qualname;
}

/** Is `obj` an instance of `cls` (a type or a classic class, walking classic bases)? */
export function isInstanceOfClass(heap: Heap, obj: Ref, cls: Ref): boolean {
  if (cls === 0) return false;
  if (!isClassic(heap, cls)) return isSubtypeOf(heap, heap.typ[obj]!, cls);
  if (heap.kind[obj] !== Kind.CLASSIC_INSTANCE) return false;
  const walk = (c: Ref): boolean => {
    if (c === cls) return true;
    for (const b of heap.payload[(heap.payload[c] as ClassicClassData).bases] as Ref[]) if (walk(b)) return true;
    return false;
  };
  return walk((heap.payload[obj] as Ref[])[0]!);
}

/** The class of an instance: its classic class, or its type. */
export function classOf(heap: Heap, obj: Ref): Ref {
  return heap.kind[obj] === Kind.CLASSIC_INSTANCE ? (heap.payload[obj] as Ref[])[0]! : heap.typ[obj]!;
}

/** Store an existing attribute of the class under another name (`__sub__ = difference`). */
export function alias(heap: Heap, type: Ref, name: string, existing: string): void {
  const dict = classDict(heap, type);
  const v = dictGetStr(heap, dict, existing);
  if (v === 0) throw new Error(`${classQualname(heap, type)}.${existing} is not defined`);
  dictSetStr(heap, dict, name, v);
  heap.typeEpoch++;
}

/** Set a plain class attribute (value stolen). */
export function classAttr(heap: Heap, type: Ref, name: string, value: Ref): void {
  dictSetStr(heap, classDict(heap, type), name, value);
  heap.decref(value);
  heap.typeEpoch++;
}

/**
 * Bind a descriptor in a class namespace as a class body would: store it (stolen), then, in 3.12,
 * call its `__set_name__(cls, name)` when it has one (type_new's set_names), so that a property
 * reports its name in "property 'alive' of 'finalize' object has no setter".
 */
export function classDescriptor(heap: Heap, type: Ref, name: string, descr: Ref): void {
  heap.incref(descr);
  try {
    classAttr(heap, type, name, descr);
    if (heap.profile.version === '2.7') return;
    const setName = getAttrOrNull(heap, descr, '__set_name__');
    if (setName === 0) return;
    const n = newStr(heap, name);
    try {
      heap.decref(call(heap, setName, [type, n]));
    } finally {
      heap.decref(n);
      heap.decref(setName);
    }
  } finally {
    heap.decref(descr);
  }
}

/** Recompute the class's slot dispatchers after its dunders were defined. */
export function finishClass(heap: Heap, type: Ref): void {
  if (!isClassic(heap, type)) refreshSlots(heap, type);
}
