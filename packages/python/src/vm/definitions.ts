/**
 * What `def` and `class` statements build at run time: function objects (MAKE_FUNCTION) and
 * classes — running the class body with its own namespace, choosing the metaclass, and filling
 * 3.12's `__class__` cell for zero-argument `super()`.
 */
import {
  call,
  dictDelStr,
  dictGetStr,
  dictSetStr,
  type ExceptionData,
  type FunctionData,
  Kind,
  newClass,
  newDict,
  newTuple,
  PyException,
  type Ref,
  type TypeData,
  TypeFlag,
  isSubtype,
} from '@heaplab/heap';
import type { CodeUnit } from '../compiler/code.js';
import { Completion, Frame } from './frame.js';
import type { Interpreter } from './interp.js';
import { newClassicClass } from './classic.js';
import { typeNew } from '../lib/types/object.js';

/**
 * A new function object (new reference). `defaults`, `kwdefaults` and `closure` are stolen;
 * `name`/`qualname`/`doc` are borrowed constants (0 = none).
 */
export function newFunction(
  it: Interpreter,
  unit: CodeUnit,
  globals: Ref,
  name: Ref,
  qualname: Ref,
  defaults: Ref,
  kwdefaults: Ref,
  closure: Ref,
  doc: Ref,
): Ref {
  const heap = it.heap;
  heap.rc[unit.codeRef]++;
  heap.rc[globals]++;
  heap.rc[name]++;
  if (qualname !== 0) heap.rc[qualname]++;
  const builtins = heap.profile.version === '2.7' ? 0 : it.builtinsDict;
  if (builtins !== 0) heap.rc[builtins]++;
  const docRef = doc !== 0 ? doc : heap.None;
  heap.rc[docRef]++;
  const modName = dictGetStr(heap, globals, '__name__');
  if (modName !== 0) heap.rc[modName]++;
  const data: FunctionData = {
    code: unit.codeRef,
    globals,
    builtins,
    name,
    qualname,
    defaults,
    kwdefaults,
    closure,
    doc: docRef,
    module: modName,
    dict: 0,
    annotations: 0,
    ext: unit,
  };
  const r = heap.alloc(heap.t.function, Kind.FUNCTION, data);
  heap.track(r);
  return r;
}

/** The most derived metaclass among `meta` and the bases' types. */
function calculateMetaclass(it: Interpreter, meta: Ref, bases: readonly Ref[]): Ref {
  const heap = it.heap;
  let winner = meta;
  for (const b of bases) {
    const bt = heap.typ[b]!;
    if (isSubtype(heap, winner, bt)) continue;
    if (isSubtype(heap, bt, winner)) {
      winner = bt;
      continue;
    }
    throw heap.newException(
      heap.t.TypeError,
      'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases',
    );
  }
  return winner;
}

/**
 * Run a class statement: evaluate the body in a fresh namespace and call the metaclass.
 * `bases` and `meta` are borrowed; `cells` (closure tuple or 0) is stolen. Returns the class
 * (new reference).
 */
export function buildClass(
  it: Interpreter,
  unit: CodeUnit,
  f: Frame,
  name: Ref,
  qualname: Ref,
  bases: Ref[],
  meta: Ref,
  cells: Ref,
  kwnames: readonly string[] = [],
  kwvalues: readonly Ref[] = [],
): Ref {
  const heap = it.heap;
  const is27 = heap.profile.version === '2.7';
  // The class body runs as a function (MAKE_FUNCTION + call), with the namespace as locals.
  const bodyFn = newFunction(it, unit, f.globals, name, is27 ? 0 : qualname, 0, 0, cells, 0);
  let ns = 0;
  // The bases tuple exists before the body runs (2.7's BUILD_TUPLE, 3.12's __build_class__).
  let basesTuple = 0;
  const kwDict = it.profile.buildClassAllocations && (meta !== 0 || kwnames.length > 0);
  try {
    basesTuple = newTuple(heap, bases);
    // 3.12: the keywords' dict, then `type.__prepare__` bound (a builtin method) to make the
    // namespace and dropped.
    if (kwDict) heap.countHiddenAlloc(Kind.DICT, heap.t.dict);
    if (it.profile.buildClassAllocations) heap.countHiddenAlloc(Kind.BUILTIN, heap.t.builtin_function_or_method);
    ns = newDict(heap);
    if (it.profile.buildClassAllocations) heap.countHiddenFree(Kind.BUILTIN, heap.t.builtin_function_or_method);
    // `__module__` (and 3.12 `__qualname__`) are the body's first stores.
    const mod = dictGetStr(heap, f.globals, '__name__');
    if (mod !== 0) dictSetStr(heap, ns, '__module__', mod);
    if (!is27) dictSetStr(heap, ns, '__qualname__', qualname);
    const classCell = runClassBody(it, unit, bodyFn, f, ns);
    let metatype = meta;
    if (metatype === 0 && is27) metatype = dictGetStr(heap, ns, '__metaclass__');
    if (metatype === 0) {
      if (bases.length > 0) metatype = heap.typ[bases[0]!]!;
      else if (is27) {
        const g = dictGetStr(heap, f.globals, '__metaclass__');
        if (g !== 0) metatype = g;
      }
    }
    if (metatype === 0 && is27 && heap.profile.classicClasses) {
      // Python 2: no new-style base and no metaclass — a classic class.
      return newClassicClass(it, name, bases, ns);
    }
    if (metatype === 0) metatype = heap.t.type;
    if (is27 && bases.length > 0 && bases.every((b) => heap.kind[b] === Kind.CLASSIC_CLASS) && meta === 0 && dictGetStr(heap, ns, '__metaclass__') === 0) {
      return newClassicClass(it, name, bases, ns);
    }
    let cls: Ref;
    // 2.7's build_class calls the metaclass with PyObject_CallFunctionObjArgs: a new
    // `(name, bases, namespace)` tuple, alive during the call.
    // 3.12 makes the same tuple when the metaclass is a type (type_vectorcall falls back to tp_call).
    let metaArgs = heap.profile.evalCallsBuildArgsTuple ? newTuple(heap, [name, basesTuple, ns]) : 0;
    try {
      if (heap.kind[metatype] === Kind.TYPE) metatype = calculateMetaclass(it, metatype, bases.filter((b) => heap.kind[b] === Kind.TYPE));
      if (metaArgs === 0 && it.profile.buildClassAllocations && heap.kind[metatype] === Kind.TYPE) metaArgs = newTuple(heap, [name, basesTuple, ns]);
      const td = heap.payload[metatype] as TypeData | undefined;
      if (metatype === heap.t.type || (heap.kind[metatype] === Kind.TYPE && (td!.tflags & TypeFlag.HEAPTYPE) === 0 && isSubtype(heap, metatype, heap.t.type))) {
        // type_new: the class, then (3.12) __set_name__ and the parent's __init_subclass__(**kw).
        // 3.12's tp_call fallback also turns the keywords back into a dict for the call.
        const callKwDict = it.profile.buildClassAllocations && kwnames.length > 0;
        if (callKwDict) heap.countHiddenAlloc(Kind.DICT, heap.t.dict);
        try {
          cls = typeNew(heap, metatype, heap.payload[name] as string, basesTuple, ns, kwnames, kwvalues);
        } finally {
          if (callKwDict) heap.countHiddenFree(Kind.DICT, heap.t.dict);
        }
      } else {
        cls = call(heap, metatype, [name, basesTuple, ns, ...kwvalues], kwnames.length > 0 ? kwnames : null);
      }
    } catch (e) {
      if (is27) throw metaclassBasesError(it, e);
      throw e;
    } finally {
      if (metaArgs !== 0) heap.decref(metaArgs);
    }
    if (classCell !== 0) {
      const box = heap.payload[classCell] as Ref[];
      const old = box[0]!;
      heap.rc[cls]++;
      box[0] = cls;
      heap.xdecref(old);
      if (heap.kind[cls] === Kind.TYPE) dictDelStr(heap, (heap.payload[cls] as TypeData).dict, '__classcell__');
      heap.decref(classCell);
    }
    return cls;
  } finally {
    if (ns !== 0) heap.decref(ns);
    if (kwDict && basesTuple !== 0) heap.countHiddenFree(Kind.DICT, heap.t.dict);
    if (basesTuple !== 0) heap.decref(basesTuple);
    heap.decref(bodyFn);
  }
}

/**
 * 2.7's build_class: a TypeError that native code raised while calling the metaclass (its value
 * still the bare message, not yet normalized by a Python handler) gets its message prefixed with
 * "Error when calling the metaclass bases". Exceptions raised by Python code pass unchanged.
 */
function metaclassBasesError(it: Interpreter, e: unknown): unknown {
  const heap = it.heap;
  if (!(e instanceof PyException) || !heap.lazyExceptions.has(e.exc) || !isSubtype(heap, heap.typ[e.exc]!, heap.t.TypeError)) return e;
  const argsRef = heap.kind[e.exc] === Kind.EXCEPTION ? (heap.payload[e.exc] as ExceptionData).args : 0;
  const args = argsRef === 0 ? [] : (heap.payload[argsRef] as Ref[]);
  if (args.length !== 1 || heap.kind[args[0]!] !== Kind.STR) return e;
  const replaced = heap.newException(heap.typ[e.exc]!, `Error when calling the metaclass bases\n    ${heap.payload[args[0]!] as string}`);
  replaced.tb = e.tb;
  e.tb = 0;
  e.release(heap);
  return replaced;
}

/** Execute a class body with `ns` as its locals; returns the `__class__` cell (new ref) or 0. */
function runClassBody(it: Interpreter, unit: CodeUnit, bodyFn: Ref, caller: Frame, ns: Ref): Ref {
  const heap = it.heap;
  const fd = heap.payload[bodyFn] as FunctionData;
  const fast: Ref[] = new Array(unit.nfast).fill(0);
  const nv = unit.varnames.length;
  let classCell = 0;
  for (let i = 0; i < unit.cellvars.length; i++) {
    const c = heap.alloc(heap.t.cell, Kind.CELL, [0]);
    heap.track(c);
    fast[nv + i] = c;
    if (unit.cellvars[i] === '__class__') {
      classCell = c;
      heap.rc[c]++;
      dictSetStr(heap, ns, '__classcell__', c);
    }
  }
  if (unit.freevars.length > 0) {
    const closure = heap.payload[fd.closure] as Ref[];
    for (let i = 0; i < unit.freevars.length; i++) {
      heap.rc[closure[i]!]++;
      fast[nv + unit.cellvars.length + i] = closure[i]!;
    }
  }
  const fr = new Frame(unit, fast, caller.globals, caller.builtins, ns, caller, bodyFn);
  it.runFrame(fr, bodyFn);
  return classCell;
}

/** Run `f` (a module-level or class-body frame) to completion, with frame bookkeeping. */
export function runBodyFrame(it: Interpreter, fr: Frame): number {
  return fr.code.body(fr) === Completion.RETURN ? 1 : 0;
}
