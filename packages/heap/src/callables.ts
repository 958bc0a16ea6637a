/**
 * Callable objects of the object layer: builtin functions (`builtin_function_or_method`), bound
 * methods, method descriptors of builtin types, getset/member descriptors, and function objects'
 * binding behaviour (`func.__get__`).
 *
 * A Python function's *call* is the runtime's business (`@heaplab/python` installs the
 * `function` type's call slot); binding it to an instance is the object layer's.
 */
import type { Heap } from './heap.js';
import { Flag, Kind } from './kinds.js';
import type { BuiltinData, DescriptorData, FunctionData } from './layouts.js';
import { dictSetStr, intern, newDict, newTuple } from './objects.js';
import { call, isSubtype } from './protocol.js';
import type { Ref } from './ref.js';
import type { TypeData } from './typedata.js';

/** A native function implementation: `self` is the bound object (0 for plain functions). */
export type NativeFn = (heap: Heap, self: Ref, args: readonly Ref[], kwnames: readonly string[] | null) => Ref;

/**
 * A `builtin_function_or_method` wrapping a JS function (new reference). `self` (increfed) is
 * the object it is bound to, or 0.
 *
 * @example
 * ```ts
 * import { Heap, newBuiltinFunction, call, newInt, intValue } from '@heaplab/heap';
 * const heap = new Heap();
 * const f = newBuiltinFunction(heap, 'answer', (h) => newInt(h, 42));
 * intValue(heap, call(heap, f, [])); // 42
 * ```
 */
export function newBuiltinFunction(heap: Heap, name: string, fn: NativeFn, self: Ref = 0, moduleName: string | null = null, isMethod = false): Ref {
  heap.xincref(self);
  const module = moduleName === null ? 0 : intern(heap, moduleName);
  const data: BuiltinData = { fn: fn as BuiltinData['fn'], name, self, module, isMethod };
  const r = heap.alloc(heap.t.builtin_function_or_method, Kind.BUILTIN, data);
  heap.track(r);
  return r;
}

/**
 * A bound method (new reference): `func` bound to `self`. In profiles that keep `im_class`
 * (2.7), `cls` is stored too; `self === 0` makes a 2.7 *unbound* method.
 */
export function newBoundMethod(heap: Heap, func: Ref, self: Ref, cls: Ref = 0): Ref {
  heap.rc[func]++;
  heap.xincref(self);
  const payload: Ref[] = [func, self];
  if (heap.profile.boundMethodHoldsClass) {
    heap.xincref(cls);
    payload.push(cls);
  }
  const r = heap.alloc(heap.t.method, Kind.METHOD, payload);
  heap.track(r);
  return r;
}

/** `func.__get__(obj, type)`: bind to an instance; on the class, 3.12 returns the function, 2.7 an unbound method. */
export function functionDescrGet(heap: Heap, func: Ref, obj: Ref, type: Ref): Ref {
  if (obj === 0 || obj === heap.None) {
    if (heap.profile.boundMethodHoldsClass && obj === 0) return newBoundMethod(heap, func, 0, type);
    if (obj === 0) {
      heap.rc[func]++;
      return func;
    }
  }
  return newBoundMethod(heap, func, obj, type);
}

/** Call a bound method: `self` is prepended (2.7 unbound methods check the first argument's type). */
export function methodCall(heap: Heap, m: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  const p = heap.payload[m] as Ref[];
  const func = p[0]!;
  const self = p[1]!;
  if (self === 0) {
    const cls = p[2] ?? 0;
    const first = args[0];
    if (cls !== 0 && (first === undefined || !isSubtype(heap, heap.typ[first]!, cls) || (kwnames !== null && args.length - kwnames.length < 1))) {
      const fname = functionName(heap, func);
      const clsName = (heap.payload[cls] as TypeData).name;
      const got = first === undefined || (kwnames !== null && args.length - kwnames.length < 1) ? 'nothing' : `${heap.typeOf(first).name} instance`;
      throw heap.newException(
        heap.t.TypeError,
        `unbound method ${fname}() must be called with ${clsName} instance as first argument (got ${got} instead)`,
      );
    }
    return call(heap, func, args, kwnames);
  }
  const all = new Array<Ref>(args.length + 1);
  all[0] = self;
  for (let i = 0; i < args.length; i++) all[i + 1] = args[i]!;
  if (!heap.profile.boundMethodCallCopiesArgs) return call(heap, func, all, kwnames);
  // 2.7's instancemethod_call: a new tuple, self then the positional arguments, alive while the
  // function runs (C code's calls only: CALL_FUNCTION unpacks bound methods itself).
  const argTuple = newTuple(heap, all.slice(0, all.length - (kwnames?.length ?? 0)));
  try {
    return call(heap, func, all, kwnames);
  } finally {
    heap.decref(argTuple);
  }
}

/** `__name__` of a function object (or builtin), as a JS string. */
export function functionName(heap: Heap, f: Ref): string {
  const k = heap.kind[f];
  if (k === Kind.FUNCTION) {
    const n = (heap.payload[f] as FunctionData).name;
    return n === 0 ? '?' : (heap.payload[n] as string);
  }
  if (k === Kind.BUILTIN) return (heap.payload[f] as BuiltinData).name;
  if (k === Kind.DESCRIPTOR) return (heap.payload[f] as DescriptorData).name;
  return heap.typeName(f);
}

/** Call a builtin function: its JS implementation with the bound `self`. */
export function builtinCall(heap: Heap, b: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  const data = heap.payload[b] as BuiltinData;
  if (data.argsTuple === true) return varargsCall(heap, data, args, kwnames);
  return (data.fn as NativeFn)(heap, data.self, args, kwnames);
}

/**
 * Mark a builtin function as `METH_VARARGS` (see `BuiltinData.argsTuple`): its calls allocate an
 * argument tuple (and a keyword dict) the way CPython's do. Returns `b`.
 */
export function setArgsTuple(heap: Heap, b: Ref, on = true): Ref {
  (heap.payload[b] as BuiltinData).argsTuple = on;
  return b;
}

/**
 * A `METH_VARARGS` call: the arguments are packed as `withArgsTuple` does, and the tuple is the
 * running varargs tuple while the function runs.
 */
function varargsCall(heap: Heap, data: BuiltinData, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  return withArgsTuple(heap, args, kwnames, (tuple) => {
    const outer = heap.varargsTuple;
    heap.varargsTuple = tuple;
    try {
      return (data.fn as NativeFn)(heap, data.self, args, kwnames);
    } finally {
      heap.varargsTuple = outer;
    }
  });
}

/** The keyword dict of the innermost call `withArgsTuple` is running (see `tpCallKeywords`). */
let runningKeywords: { heap: Heap; kwnames: readonly string[]; dict: Ref } | null = null;

/**
 * The keyword dict (borrowed) CPython would hand to the `tp_new` / `tp_call` now running, when that
 * call came through `withArgsTuple` with these very `kwnames` (the same array, passed down
 * unchanged), else 0. A `tp_new` may keep it instead of copying it when nobody else holds it, as
 * 3.12's `partial_new` does (`Py_REFCNT(kw) == 1`: `pto->kw = Py_NewRef(kw)`), which saves one
 * dict allocation the collector's count would otherwise see.
 *
 * @example
 * ```ts
 * import { Heap, withArgsTuple, tpCallKeywords, newInt, dictLen } from '@heaplab/heap';
 * const heap = new Heap();
 * const kw = ['b'];
 * withArgsTuple(heap, [newInt(heap, 2)], kw, () => {
 *   dictLen(heap, tpCallKeywords(heap, kw)); // 1: {'b': 2}
 *   return heap.newRef(heap.None);
 * });
 * ```
 */
export function tpCallKeywords(heap: Heap, kwnames: readonly string[] | null): Ref {
  const k = runningKeywords;
  if (k === null || kwnames === null || k.heap !== heap || k.kwnames !== kwnames) return 0;
  return k.dict;
}

/**
 * Run `body` inside a call made through a tuple-based calling convention (`METH_VARARGS`, or
 * `tp_call` reached through 3.12's `_PyObject_MakeTpCall` / 2.7's `do_call`): the positional
 * arguments go into a new tuple (none for zero arguments: CPython uses the empty-tuple
 * singleton) and keyword arguments into a new dict, in the order the profile's call path builds
 * them; both are released after the call, tuple first. `body` gets the tuple (0 when none).
 */
export function withArgsTuple(heap: Heap, args: readonly Ref[], kwnames: readonly string[] | null, body: (tuple: Ref) => Ref): Ref {
  const outerKw = runningKeywords;
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  let tuple: Ref = 0;
  let kwdict: Ref = 0;
  const makeTuple = () => {
    if (npos > 0) tuple = newTuple(heap, npos === args.length ? args : args.slice(0, npos));
  };
  const makeDict = () => {
    if (nkw === 0) return;
    kwdict = newDict(heap);
    for (let i = 0; i < nkw; i++) dictSetStr(heap, kwdict, kwnames![i]!, args[npos + i]!);
  };
  try {
    if (heap.profile.varargsKwDictFirst) {
      makeDict();
      makeTuple();
    } else {
      makeTuple();
      makeDict();
    }
    runningKeywords = kwdict === 0 ? null : { heap, kwnames: kwnames!, dict: kwdict };
    return body(tuple);
  } finally {
    runningKeywords = outerKw;
    if (tuple !== 0) heap.decref(tuple);
    if (kwdict !== 0) heap.decref(kwdict);
  }
}

// ---- descriptors on builtin types -----------------------------------------------------------

/** Options for `defineMethod`. */
export interface MethodOptions {
  /** `'method'` (default): bound to instances; `'class'`: bound to the type (classmethod_descriptor); `'static'`: a builtin stored as-is. */
  binding?: 'method' | 'class' | 'static';
  doc?: string;
}

/**
 * Install a native method on a type: `type.name` becomes a method descriptor whose call
 * receives `self` as the bound object.
 *
 * @example
 * ```ts
 * import { Heap, defineMethod, newInt, callMethod, newList, intValue } from '@heaplab/heap';
 * const heap = new Heap();
 * defineMethod(heap, heap.t.list, 'size', (h, self) => newInt(h, (h.payload[self] as number[]).length));
 * intValue(heap, callMethod(heap, newList(heap, [heap.None]), 'size', [])); // 1
 * ```
 */
export function defineMethod(heap: Heap, type: Ref, name: string, fn: NativeFn, options: MethodOptions = {}): Ref {
  const td = heap.payload[type] as TypeData;
  let obj: Ref;
  if (options.binding === 'static') {
    obj = newBuiltinFunction(heap, name, fn, type, null, true);
  } else {
    heap.rc[type]++;
    const data: DescriptorData = { type, name, call: fn as DescriptorData['call'] };
    if (options.doc !== undefined) data.doc = options.doc;
    obj = heap.alloc(options.binding === 'class' ? heap.t.classmethod_descriptor : heap.t.method_descriptor, Kind.DESCRIPTOR, data);
    heap.track(obj);
  }
  dictSetStr(heap, td.dict, name, obj);
  heap.decref(obj);
  heap.typeEpoch++;
  return obj;
}

/** Install a computed attribute (`getset_descriptor`) on a type. `set` receives 0 to delete. */
export function defineGetSet(
  heap: Heap,
  type: Ref,
  name: string,
  get: (heap: Heap, obj: Ref, type: Ref) => Ref,
  set?: (heap: Heap, obj: Ref, value: Ref) => void,
): Ref {
  const td = heap.payload[type] as TypeData;
  const d = newGetSetDescriptor(heap, type, name, get, set);
  dictSetStr(heap, td.dict, name, d);
  heap.decref(d);
  heap.typeEpoch++;
  return d;
}

/** A getset descriptor object (new reference). */
export function newGetSetDescriptor(
  heap: Heap,
  type: Ref,
  name: string,
  get: (heap: Heap, obj: Ref, type: Ref) => Ref,
  set?: (heap: Heap, obj: Ref, value: Ref) => void,
): Ref {
  heap.rc[type]++;
  const data: DescriptorData = { type, name, get: get as DescriptorData['get'] };
  if (set !== undefined) data.set = set as DescriptorData['set'];
  const d = heap.alloc(heap.t.getset_descriptor, Kind.DESCRIPTOR, data);
  heap.track(d);
  return d;
}

/** `descr.__get__(obj, type)` for method/getset/member descriptors. */
export function descriptorGet(heap: Heap, descr: Ref, obj: Ref, type: Ref): Ref {
  const d = heap.payload[descr] as DescriptorData;
  const dtype = heap.typ[descr]!;
  if (dtype === heap.t.classmethod_descriptor) {
    const target = type !== 0 ? type : heap.typ[obj]!;
    return newBuiltinFunction(heap, d.name, d.call as NativeFn, target, null, true);
  }
  if (obj === 0) {
    heap.rc[descr]++;
    return descr;
  }
  if (d.get !== undefined) return (d.get as (h: Heap, o: Ref, t: Ref) => Ref)(heap, obj, type);
  if (d.call !== undefined) {
    if (!isSubtype(heap, heap.typ[obj]!, d.type)) {
      throw heap.newException(
        heap.t.TypeError,
        `descriptor '${d.name}' for '${(heap.payload[d.type] as TypeData).name}' objects doesn't apply to a '${heap.typeName(obj)}' object`,
      );
    }
    return newBuiltinFunction(heap, d.name, d.call as NativeFn, obj, null, true);
  }
  heap.rc[descr]++;
  return descr;
}

/** `descr.__set__(obj, value)` for getset/member descriptors (`value === 0` deletes). */
export function descriptorSet(heap: Heap, descr: Ref, obj: Ref, value: Ref): void {
  const d = heap.payload[descr] as DescriptorData;
  if (d.set === undefined) {
    const what = heap.typ[descr] === heap.t.member_descriptor ? 'attribute' : 'attribute';
    throw heap.newException(heap.t.AttributeError, `${what} '${d.name}' of '${(heap.payload[d.type] as TypeData).name}' objects is not writable`);
  }
  (d.set as (h: Heap, o: Ref, v: Ref) => void)(heap, obj, value);
}

/** Calling a method descriptor directly: `list.append(l, x)`. */
export function descriptorCall(heap: Heap, descr: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  const d = heap.payload[descr] as DescriptorData;
  if (d.call === undefined) throw heap.newException(heap.t.TypeError, `'${heap.typeName(descr)}' object is not callable`);
  if (heap.typ[descr] === heap.t.classmethod_descriptor) return (d.call as NativeFn)(heap, args[0] ?? d.type, args.slice(1), kwnames);
  const self = args[0];
  if (self === undefined || (kwnames !== null && args.length - kwnames.length < 1)) {
    throw heap.newException(
      heap.t.TypeError,
      `unbound method ${(heap.payload[d.type] as TypeData).name}.${d.name}() needs an argument`,
    );
  }
  if (!isSubtype(heap, heap.typ[self]!, d.type)) {
    throw heap.newException(
      heap.t.TypeError,
      `descriptor '${d.name}' for '${(heap.payload[d.type] as TypeData).name}' objects doesn't apply to a '${heap.typeName(self)}' object`,
    );
  }
  return (d.call as NativeFn)(heap, self, args.slice(1), kwnames);
}

/**
 * Is `r` the object itself alive and callable as a plain function (not bound)? Used by slot
 * dispatch to call `func(self, ...)` without creating a bound method, as CPython does.
 */
export function isUnboundCallable(heap: Heap, r: Ref): boolean {
  const k = heap.kind[r];
  return k === Kind.FUNCTION || (k === Kind.DESCRIPTOR && heap.typ[r] === heap.t.method_descriptor);
}

/** True for an object that has been freed. */
export function isFreed(heap: Heap, r: Ref): boolean {
  return (heap.flags[r]! & Flag.FREE) !== 0;
}
