/**
 * `functools.partial` as CPython's C type (Modules/_functoolsmodule.c), not a Python class.
 *
 * Layout. Each partial is a garbage-collected container holding four owned references:
 * the callable it wraps (`p.func`), the tuple of arguments to put first (`p.args`), the dict of
 * preset keywords (`p.keywords`), and its attribute dict (`p.__dict__`, created lazily). It can
 * also be the target of weak references. HeapLab stores it as a `Kind.NATIVE` object: the four
 * references are `NativeData.refs` in the order func, args, keywords, dict, and `dictSlot` is 3
 * (the attribute-dict position), so `p.x = 1` lands in that dict through the generic attribute
 * code while `func`, `args` and `keywords` are read-only member descriptors, never dict entries.
 *
 * What the collector sees follows from that layout:
 *
 * - `partial_traverse` visits fn, args, kw, dict. In 3.12 `_functools` builds its types from a
 *   spec, so partial is a *heap type*: instances own a reference to the type and visit it first
 *   (`gc.get_referents(p)` has 4 entries, 5 once `__dict__` exists). The 2.7 type is static: 3/4.
 * - 3.12's `partial_clear` drops fn, args, kw, dict, so the collector can break a cycle at the
 *   partial. 2.7's type has no `tp_clear`: a cycle through a 2.7 partial is broken at one of its
 *   partners (its args tuple cannot be cleared either, but its kw dict or `__dict__` can).
 * - Every partial owns a keywords dict, even an empty one (`PyDict_New()`); empty dicts and dicts
 *   of atomic values are untracked, so it is counted by `gc.get_count()` but not collected.
 *
 * Construction and calls allocate what CPython's do (the collector counts them):
 *
 *     partial(f, 1, b=2)   # 3.12: the call's args tuple (f, 1) and kwargs dict {'b': 2};
 *                          # partial_new allocates the partial, slices args[1:] into (1,),
 *                          # and keeps the kwargs dict itself (nobody else holds it).
 *                          # 2.7: same, but kw is always PyDict_Copy(kwargs) (or PyDict_New()).
 *     p(3)                 # 3.12 with empty keywords: vectorcall, no allocation; otherwise
 *                          # tp_call: args tuple, kwargs dict, copy of p.keywords merged with
 *                          # them, args concatenated. 2.7: always tp_call.
 *
 * 3.12 also *flattens*: `partial(partial(f, 1), b=3)` wraps `f` directly with args `(1,)`, unless
 * the inner partial has a `__dict__` (it could be a subclass with behaviour of its own).
 */
import {
  dictEntries,
  dictLen,
  dictSetItem,
  Flag,
  type Heap,
  isSubtype,
  Kind,
  type NativeData,
  newDict,
  newStr,
  newTuple,
  type PyException,
  type Ref,
  reprEnterState,
  intern,
  reprOf,
  strOf,
  tpCallKeywords,
  type DescriptorData,
  type TypeData,
  TypeFlag,
  withArgsTuple,
  call,
  dictSetStr,
} from '@heaplab/heap';
import { allocOf, defineNew, getset, makeType, method } from '../lib/types/define.js';
import { typeError } from '../lib/util.js';
import { interpreterProfileOf, type PartialProfile } from '../vm/profile.js';

/** The `partial` section of the heap's interpreter profile. */
const pp = (heap: Heap): PartialProfile => interpreterProfileOf(heap).partial;

/** Positions of a partial's fields in `NativeData.refs`. */
const FN = 0;
const ARGS = 1;
const KW = 2;
const DICT = 3;

/** Per-object data beyond the four references. */
interface PartialExt {
  /**
   * 3.12 `pto->vectorcall`: set when the wrapped callable supports vectorcall; cleared for good
   * the first time a call has to merge keywords (`partial_vectorcall_fallback`), after which every
   * call goes through `tp_call` with an argument tuple.
   */
  vectorcall: boolean;
}

/** The partial type of each heap (one per interpreter, like `_functools`' module state). */
const partialTypes = new WeakMap<Heap, Ref>();

function fields(heap: Heap, p: Ref): Ref[] {
  return (heap.payload[p] as NativeData).refs;
}

/**
 * Is `r` a partial object (an instance of `functools.partial` or of a subclass)?
 *
 * @example
 * ```ts
 * isPartial(heap, heap.None); // false
 * ```
 */
export function isPartial(heap: Heap, r: Ref): boolean {
  const t = partialTypes.get(heap);
  return t !== undefined && heap.kind[r] === Kind.NATIVE && isSubtype(heap, heap.typ[r]!, t);
}

/** Does CPython 3.12 give this callable a vectorcall entry point (`PyVectorcall_Function`)? */
function hasVectorcall(heap: Heap, fn: Ref): boolean {
  switch (heap.kind[fn]) {
    case Kind.FUNCTION:
    case Kind.BUILTIN:
    case Kind.METHOD:
    case Kind.DESCRIPTOR:
      return true;
    case Kind.TYPE:
      // Builtin types have their own tp_vectorcall; classes (heap types) do not.
      return ((heap.payload[fn] as TypeData).tflags & TypeFlag.HEAPTYPE) === 0;
    case Kind.NATIVE:
      return isPartial(heap, fn) && ((heap.payload[fn] as NativeData).ext as PartialExt).vectorcall;
    default:
      return false;
  }
}

/** `PyDict_Copy`: a new dict with `d`'s items (0 gives an empty dict). */
function dictCopy(heap: Heap, d: Ref): Ref {
  const r = newDict(heap);
  if (d !== 0) dictMerge(heap, r, d);
  return r;
}

/** `PyDict_Merge(d, other, override=1)`. */
function dictMerge(heap: Heap, d: Ref, other: Ref): void {
  const e = dictEntries(heap, other).slice();
  for (const x of e) heap.incref(x);
  try {
    for (let i = 0; i < e.length; i += 2) dictSetItem(heap, d, e[i]!, e[i + 1]!);
  } finally {
    for (const x of e) heap.decref(x);
  }
}

/** `tupleconcat`: an empty operand gives the other tuple itself (a new reference to it). */
function tupleConcat(heap: Heap, a: Ref, b: Ref): Ref {
  const ai = heap.payload[a] as Ref[];
  const bi = heap.payload[b] as Ref[];
  if (bi.length === 0) return heap.newRef(a);
  if (ai.length === 0) return heap.newRef(b);
  return newTuple(heap, [...ai, ...bi]);
}

/**
 * `PyObject_Call(fn, args, kw)`: call with a tuple and a dict (either may be 0 / empty). Passing
 * keywords on costs a temporary tuple the collector counts: in 3.12 a callable with vectorcall
 * gets the keyword names as a tuple (`_PyStack_UnpackDict`); 2.7's `function_call` flattens the
 * dict into a `(k1, v1, k2, v2...)` tuple for a Python function.
 */
function callWithTupleAndDict(heap: Heap, fn: Ref, tuple: Ref, kw: Ref): Ref {
  const pos = tuple === 0 ? [] : (heap.payload[tuple] as Ref[]);
  if (kw === 0 || dictLen(heap, kw) === 0) return call(heap, fn, pos, null);
  const e = dictEntries(heap, kw).slice();
  const names: string[] = [];
  const vals: Ref[] = [];
  for (let i = 0; i < e.length; i += 2) {
    if (heap.kind[e[i]!] !== Kind.STR) throw typeError(heap, pp(heap).messages.keywordsNotStrings(nameOfCallable(heap, fn)));
    names.push(heap.payload[e[i]!] as string);
    vals.push(e[i + 1]!);
  }
  for (const x of e) heap.incref(x);
  let kwnamesTuple: Ref = 0;
  try {
    if (pp(heap).callKwTuple === 'functionItems') {
      if (heap.kind[fn] === Kind.FUNCTION) kwnamesTuple = newTuple(heap, e);
    } else if (hasVectorcall(heap, fn)) kwnamesTuple = newTuple(heap, e.filter((_, i) => i % 2 === 0));
    return call(heap, fn, [...pos, ...vals], names);
  } finally {
    if (kwnamesTuple !== 0) heap.decref(kwnamesTuple);
    for (const x of e) heap.decref(x);
  }
}

function nameOfCallable(heap: Heap, fn: Ref): string {
  return heap.kind[fn] === Kind.FUNCTION ? strOf(heap, (heap.payload[fn] as { name: Ref }).name) : heap.typeName(fn);
}

/**
 * `partial_call`, the `tp_call` both versions have: `tuple` holds the call's positional arguments
 * (0 for none: the empty tuple), `kwargs` its keyword dict (0 for none).
 */
function partialTpCall(heap: Heap, p: Ref, tuple: Ref, kwargs: Ref): Ref {
  const f = fields(heap, p);
  const fn = f[FN]!;
  const pargs = f[ARGS]!;
  const pkw = f[KW]!;
  const args = tuple === 0 ? heap.emptyTuple : tuple;
  heap.incref(fn);
  let argappl: Ref = 0;
  let kwappl: Ref = 0;
  try {
    const mergeKeywords = () => {
      if (pkw === 0 || heap.kind[pkw] !== Kind.DICT || dictLen(heap, pkw) === 0) {
        kwappl = kwargs;
        heap.xincref(kwargs);
      } else {
        // bpo-27840: copied, because a function taking **kwargs may modify the dict.
        kwappl = dictCopy(heap, pkw);
        if (kwargs !== 0) dictMerge(heap, kwappl, kwargs);
      }
    };
    // 2.7 concatenates the positional arguments first; 3.12 merges the keywords first.
    if (pp(heap).positionalFirst) {
      argappl = tupleConcat(heap, pargs, args);
      mergeKeywords();
    } else {
      mergeKeywords();
      argappl = tupleConcat(heap, pargs, args);
    }
    return callWithTupleAndDict(heap, fn, argappl, kwappl);
  } finally {
    heap.xdecref(argappl);
    heap.xdecref(kwappl);
    heap.decref(fn);
  }
}

/**
 * The call slot: 3.12's `partial_vectorcall` when it applies (no stored keywords, a callable
 * with vectorcall): the stored and new arguments go straight to the callable, nothing allocated.
 * Otherwise the call reaches `tp_call` as `_PyObject_MakeTpCall` (3.12) or `do_call` (2.7) makes
 * it: with a new argument tuple and keyword dict.
 */
function partialCallSlot(heap: Heap, p: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  const ext = (heap.payload[p] as NativeData).ext as PartialExt;
  if (pp(heap).vectorcall && ext.vectorcall) {
    const f = fields(heap, p);
    if (dictLen(heap, f[KW]!) === 0) {
      const fn = f[FN]!;
      heap.incref(fn);
      try {
        return call(heap, fn, [...(heap.payload[f[ARGS]!] as Ref[]), ...args], kwnames);
      } finally {
        heap.decref(fn);
      }
    }
    ext.vectorcall = false; // partial_vectorcall_fallback
  }
  return withArgsTuple(heap, args, kwnames, (tuple) => partialTpCall(heap, p, tuple, tpCallKeywords(heap, kwnames)));
}

/**
 * `partial_new`: `partial(func, *args, **keywords)` for `cls` (partial or a subclass).
 * `args[0]` is the callable; `kwnames` names the trailing keyword values.
 */
function partialNew(heap: Heap, cls: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos < 1) throw typeError(heap, "type 'partial' takes at least one argument");
  let func = args[0]!;
  let innerArgs: Ref = 0;
  let innerKw: Ref = 0;
  // 3.12: a partial of a partial (without a __dict__) wraps the inner callable directly.
  if (pp(heap).flattensNested && isPartial(heap, func)) {
    const inner = fields(heap, func);
    if (inner[DICT] === 0) {
      innerArgs = inner[ARGS]!;
      innerKw = inner[KW]!;
      func = inner[FN]!;
    }
  }
  if ((heap.payload[heap.typ[func]!] as TypeData).slots.call === undefined) throw typeError(heap, 'the first argument must be callable');
  const kwargs = nkw === 0 ? 0 : tpCallKeywords(heap, kwnames);
  // Hold what we read from the inner partial: tp_alloc may run a collection.
  heap.incref(func);
  if (innerArgs !== 0) heap.incref(innerArgs);
  if (innerKw !== 0) heap.incref(innerKw);
  try {
    const ext: PartialExt = { vectorcall: false };
    const data: NativeData = { refs: [0, 0, 0, 0], dictSlot: DICT, ext };
    const p = allocOf(heap, cls, Kind.NATIVE, data, false);
    const f = data.refs;
    f[FN] = heap.newRef(func);
    // PyTuple_GetSlice(args, 1, PY_SSIZE_T_MAX): the empty tuple when there is nothing after func.
    const rest = newTuple(heap, args.slice(1, npos));
    if (innerArgs === 0) f[ARGS] = rest;
    else {
      f[ARGS] = tupleConcat(heap, innerArgs, rest);
      heap.decref(rest);
    }
    f[KW] = newKeywords(heap, args, npos, kwnames, kwargs, innerKw);
    ext.vectorcall = pp(heap).vectorcall && hasVectorcall(heap, func);
    return p;
  } finally {
    heap.decref(func);
    heap.xdecref(innerArgs);
    heap.xdecref(innerKw);
  }
}

/** The keywords dict partial_new stores (new reference). */
function newKeywords(heap: Heap, args: readonly Ref[], npos: number, kwnames: readonly string[] | null, kwargs: Ref, innerKw: Ref): Ref {
  const fromNames = (): Ref => {
    const d = newDict(heap);
    if (kwnames !== null) for (let i = 0; i < kwnames.length; i++) dictSetStr(heap, d, kwnames[i]!, args[npos + i]!);
    return d;
  };
  if (pp(heap).newKeywords === 'copy') return kwargs !== 0 ? dictCopy(heap, kwargs) : kwnames !== null && kwnames.length > 0 ? fromNames() : newDict(heap);
  if (innerKw === 0 || dictLen(heap, innerKw) === 0) {
    if (kwnames === null || kwnames.length === 0) return newDict(heap);
    // The kwargs dict the call built is ours to keep when nobody else holds it (Py_REFCNT == 1).
    if (kwargs !== 0 && heap.rc[kwargs] === 1) return heap.newRef(kwargs);
    return kwargs !== 0 ? dictCopy(heap, kwargs) : fromNames();
  }
  const d = dictCopy(heap, innerKw);
  if (kwargs !== 0) dictMerge(heap, d, kwargs);
  else if (kwnames !== null) for (let i = 0; i < kwnames.length; i++) dictSetStr(heap, d, kwnames[i]!, args[npos + i]!);
  return d;
}

/**
 * `partial_clear` (3.12): fn, args, kw, dict, each set to NULL before its release. Deallocation
 * runs it too (`partial_dealloc` calls it). 2.7's type has no `tp_clear`: returning false tells the
 * collector so, and deallocation then releases `refs` in order (fn, args, kw, dict: 2.7's
 * `partial_dealloc` order too).
 */
function partialClear(heap: Heap, p: Ref): boolean {
  if (!pp(heap).hasClear) return false;
  const f = fields(heap, p);
  for (const i of [FN, ARGS, KW, DICT]) {
    const old = f[i] ?? 0;
    if (old !== 0) {
      f[i] = 0;
      heap.decref(old);
    }
  }
  return true;
}

/** `partial_repr` (3.12; 2.7 has none and prints `<functools.partial object at 0x...>`). */
function partialRepr(heap: Heap, p: Ref): string {
  reprEnterState(heap);
  if (reprActive.has(p)) return '...';
  reprActive.add(p);
  try {
    const f = fields(heap, p);
    let arglist = '';
    for (const a of heap.payload[f[ARGS]!] as Ref[]) arglist += `, ${reprOf(heap, a)}`;
    const e = dictEntries(heap, f[KW]!).slice();
    for (const x of e) heap.incref(x);
    try {
      for (let i = 0; i < e.length; i += 2) arglist += `, ${strOf(heap, e[i]!)}=${reprOf(heap, e[i + 1]!)}`;
    } finally {
      for (const x of e) heap.decref(x);
    }
    return `${heap.typeName(p)}(${reprOf(heap, f[FN]!)}${arglist})`;
  } finally {
    reprActive.delete(p);
  }
}

/** Partials whose repr is being computed (Py_ReprEnter). */
const reprActive = new Set<Ref>();

/** A read-only member (`T_OBJECT`, `READONLY`): None for a cleared field. */
function readonlyMember(heap: Heap, type: Ref, name: string, index: number): void {
  heap.incref(type);
  const data: DescriptorData = {
    type,
    name,
    get: ((h: Heap, obj: Ref) => h.newRef(fields(h, obj)[index] || h.None)) as DescriptorData['get'],
    set: ((h: Heap) => {
      throw h.newException(h.t[pp(h).readonlyMemberError], 'readonly attribute');
    }) as DescriptorData['set'],
  };
  const d = heap.alloc(heap.t.member_descriptor, Kind.DESCRIPTOR, data);
  heap.track(d);
  dictSetStr(heap, (heap.payload[type] as TypeData).dict, name, d);
  heap.decref(d);
}

function dictError(heap: Heap, value: Ref): PyException {
  const m = pp(heap).messages;
  return typeError(heap, value === 0 ? m.dictDelete : m.dictNotDict(heap.typeName(value)));
}

/**
 * The `functools.partial` type of this heap, created on first use: a static type in 2.7
 * (`<type 'functools.partial'>`), a heap type in 3.12 (its instances reference it, and it is
 * tracked). The reference returned is borrowed: the heap's `_functools` state keeps it alive.
 *
 * @example
 * ```ts
 * const P = partialType(heap);
 * const p = call(heap, P, [someFunction, newInt(heap, 1)]); // functools.partial(f, 1)
 * ```
 */
export function partialType(heap: Heap): Ref {
  const known = partialTypes.get(heap);
  if (known !== undefined) return known;
  const P = makeType(heap, {
    name: 'partial',
    module: 'functools',
    tpName: 'functools.partial',
    basetype: true,
    slots: {
      call: partialCallSlot,
      clear: partialClear,
    },
  });
  const td = heap.payload[P] as TypeData;
  td.tflags |= TypeFlag.HAS_DICT | TypeFlag.WEAKREFABLE;
  if (pp(heap).heapType) {
    // PyType_FromModuleAndSpec: a heap type (mortal, tracked), owned by the module state.
    td.tflags |= TypeFlag.HEAPTYPE;
    td.slots.repr = partialRepr;
    // References so far: the module state's, and the type's own __mro__ tuple's.
    heap.flags[P] &= ~Flag.IMMORTAL;
    heap.rc[P] = 2;
    heap.incref(td.base); // a heap type owns its tp_base
    heap.track(P);
    const mod = intern(heap, 'functools');
    dictSetStr(heap, td.dict, '__module__', mod);
    heap.decref(mod);
  }
  partialTypes.set(heap, P);
  defineNew(heap, P, partialNew);
  readonlyMember(heap, P, 'func', FN);
  readonlyMember(heap, P, 'args', ARGS);
  readonlyMember(heap, P, 'keywords', KW);
  getset(
    heap,
    P,
    '__dict__',
    (h, obj) => {
      const f = fields(h, obj);
      if (f[DICT] === 0) f[DICT] = newDict(h);
      return h.newRef(f[DICT]!);
    },
    (h, obj, value) => {
      if (value === 0 || h.kind[value] !== Kind.DICT) throw dictError(h, value);
      const f = fields(h, obj);
      const old = f[DICT]!;
      f[DICT] = h.newRef(value);
      h.xdecref(old);
    },
  );
  // The slots as Python-visible methods (`p.__call__(...)`, 3.12 `partial.__repr__(p)`).
  method(heap, P, '__call__', (h, self, args, kw) => partialCallSlot(h, self, args, kw));
  if (pp(heap).heapType) method(heap, P, '__repr__', (h, self) => newStr(h, partialRepr(h, self)));
  method(heap, P, '__reduce__', (h, self) => {
    const f = fields(h, self);
    const fnTuple = newTuple(h, [f[FN] || h.None]);
    const state = newTuple(h, [f[FN] || h.None, f[ARGS] || h.None, f[KW] || h.None, f[DICT] || h.None]);
    const r = newTuple(h, [h.typ[self]!, fnTuple, state]);
    h.decref(fnTuple);
    h.decref(state);
    return r;
  });
  method(heap, P, '__setstate__', (h, self, args) => {
    const state = args[0];
    const items = state !== undefined && h.kind[state] === Kind.TUPLE ? (h.payload[state] as Ref[]) : null;
    const bad = () => typeError(h, 'invalid partial state');
    if (items === null || items.length !== 4) throw bad();
    const [fn, fnargs, kw, dict] = items as [Ref, Ref, Ref, Ref];
    if ((h.payload[h.typ[fn]!] as TypeData).slots.call === undefined || h.kind[fnargs] !== Kind.TUPLE || (kw !== h.None && h.kind[kw] !== Kind.DICT)) throw bad();
    const newArgs = h.typ[fnargs] === h.t.tuple ? h.newRef(fnargs) : newTuple(h, h.payload[fnargs] as Ref[]);
    const newKw = kw === h.None ? newDict(h) : h.typ[kw] === h.t.dict ? h.newRef(kw) : dictCopy(h, kw);
    const f = fields(h, self);
    const old = [f[FN]!, f[ARGS]!, f[KW]!, f[DICT]!];
    f[FN] = h.newRef(fn);
    f[ARGS] = newArgs;
    f[KW] = newKw;
    f[DICT] = dict === h.None ? 0 : h.newRef(dict);
    for (const o of old) h.xdecref(o);
    return h.newRef(h.None);
  });
  return P;
}

