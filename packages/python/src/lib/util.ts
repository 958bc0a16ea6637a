/**
 * Small helpers shared by the runtime library: reference helpers, exceptions with the profile's
 * wording, argument-count checks in CPython's several styles, integer argument conversion and
 * iteration with exact reference handling.
 */
import {
  newExceptionObject,
  call,
  callWithSelf,
  getAttrOrNull,
  getIter,
  type Heap,
  iterNext,
  Kind,
  PyException,
  type Ref,
  typeLookup,
  TypeFlag,
  type TypeData,
} from '@heaplab/heap';

/** An integer value: a JS number when safe, else a bigint (the heap's int payload). */
export type IntV = number | bigint;

/**
 * `Py_NewRef`.
 *
 * @example
 * ```ts
 * const r = newRef(heap, heap.None); // one more reference to None
 * ```
 */
export function newRef(heap: Heap, r: Ref): Ref {
  heap.rc[r]++;
  return r;
}

/**
 * A new reference to None.
 *
 * @example
 * ```ts
 * return none(heap); // a native returning None
 * ```
 */
export function none(heap: Heap): Ref {
  heap.rc[heap.None]++;
  return heap.None;
}

/**
 * A new reference to True or False.
 *
 * @example
 * ```ts
 * pyBool(heap, 1 < 2) === heap.True; // true
 * ```
 */
export function pyBool(heap: Heap, v: boolean): Ref {
  const r = v ? heap.True : heap.False;
  heap.rc[r]++;
  return r;
}

/**
 * A new reference to NotImplemented.
 *
 * @example
 * ```ts
 * return notImpl(heap); // let the other operand try
 * ```
 */
export function notImpl(heap: Heap): Ref {
  heap.rc[heap.NotImplemented]++;
  return heap.NotImplemented;
}

/**
 * Is the heap a 2.7 profile? (Only for wording and semantics that the profile table lacks.)
 *
 * @example
 * ```ts
 * is27(new Heap({ version: '2.7' })); // true
 * ```
 */
export function is27(heap: Heap): boolean {
  return heap.profile.version === '2.7';
}

/**
 * A Python exception of `type` with message `msg`, ready to throw.
 *
 * @example
 * ```ts
 * throw pyErr(heap, heap.t.ValueError, 'bad value');
 * ```
 */
export function pyErr(heap: Heap, type: Ref, msg: string): PyException {
  return heap.newException(type, msg);
}

/**
 * An exception of `type` with no arguments (`StopIteration()`, `MemoryError()`), ready to throw.
 *
 * @example
 * ```ts
 * throw pyErrNoArgs(heap, heap.t.StopIteration);
 * ```
 */
export function pyErrNoArgs(heap: Heap, type: Ref): PyException {
  const exc = newExceptionObject(heap, type, []);
  return new PyException(exc, (heap.payload[type] as TypeData).name);
}

/**
 * TypeError with `msg`.
 *
 * @example
 * ```ts
 * throw typeError(heap, "unsupported operand type(s) for +: 'int' and 'str'");
 * ```
 */
export function typeError(heap: Heap, msg: string): PyException {
  return heap.newException(heap.t.TypeError, msg);
}

/**
 * ValueError with `msg`.
 *
 * @example
 * ```ts
 * throw valueError(heap, 'empty separator');
 * ```
 */
export function valueError(heap: Heap, msg: string): PyException {
  return heap.newException(heap.t.ValueError, msg);
}

/**
 * `Py_TYPE(o)->tp_name`: what CPython's messages print for an object's type.
 *
 * @example
 * ```ts
 * tpName(heap, newInt(heap, 1)); // 'int'
 * ```
 */
export function tpName(heap: Heap, r: Ref): string {
  return heap.typeName(r);
}

/**
 * Is `r` a 2.7 `unicode` (or subclass)? Always false in 3.12.
 *
 * @example
 * ```ts
 * isUnicode27(heap, newUnicode(heap, 'x')); // true in 2.7
 * ```
 */
export function isUnicode27(heap: Heap, r: Ref): boolean {
  const t = heap.t;
  if (t.unicode === t.str || heap.kind[r] !== Kind.STR) return false;
  const ty = heap.typ[r]!;
  if (ty === t.unicode) return true;
  if (ty === t.str) return false;
  const mro = heap.payload[(heap.payload[ty] as TypeData).mro] as Ref[];
  return mro.includes(t.unicode);
}

/**
 * Is the type a heap type (created by a class statement)?
 *
 * @example
 * ```ts
 * isHeapType(heap, heap.t.int); // false
 * ```
 */
export function isHeapType(heap: Heap, type: Ref): boolean {
  return ((heap.payload[type] as TypeData).tflags & TypeFlag.HEAPTYPE) !== 0;
}

// ============================================================================================
// Special-method lookup
// ============================================================================================

/**
 * Call `type(obj).name(obj, *args)` if the type defines `name`; returns the new-reference
 * result, or 0 if the method does not exist. 2.7 classic instances look on the instance.
 *
 * @example
 * ```ts
 * const r = callSpecialOrNull(heap, obj, '__len__', []); // 0 when the type has no __len__
 * ```
 */
export function callSpecialOrNull(heap: Heap, obj: Ref, name: string, args: readonly Ref[]): Ref {
  if (heap.kind[obj] === Kind.CLASSIC_INSTANCE) {
    const m = getAttrOrNull(heap, obj, name);
    if (m === 0) return 0;
    try {
      return callAny(heap, m, args);
    } finally {
      heap.decref(m);
    }
  }
  const f = typeLookup(heap, heap.typ[obj]!, name);
  if (f === 0) return 0;
  heap.rc[f]++;
  try {
    return callWithSelf(heap, f, obj, args, null);
  } finally {
    heap.decref(f);
  }
}

/** `f(*args, **kw)` through the heap's call protocol (new reference). */
function callAny(heap: Heap, f: Ref, args: readonly Ref[], kw: readonly string[] | null = null): Ref {
  return call(heap, f, args, kw);
}

// ============================================================================================
// Iteration
// ============================================================================================

/**
 * Iterate `iterable`, calling `fn(item)` with a *borrowed* item (released after the callback).
 * `fn` returns `false` to stop early.
 *
 * @example
 * ```ts
 * import { Heap, toPy } from '@heaplab/heap';
 * const heap = new Heap();
 * let n = 0;
 * forEach(heap, toPy(heap, [1, 2, 3]), () => { n++; });
 * n; // 3
 * ```
 */
export function forEach(heap: Heap, iterable: Ref, fn: (item: Ref) => boolean | void): void {
  const k = heap.kind[iterable];
  // Fast path: exact lists and tuples (re-reading the length each step, like CPython's iterator).
  if ((k === Kind.LIST && heap.typ[iterable] === heap.t.list) || (k === Kind.TUPLE && heap.typ[iterable] === heap.t.tuple)) {
    const items = heap.payload[iterable] as Ref[];
    heap.rc[iterable]++;
    try {
      for (let i = 0; i < (heap.payload[iterable] as Ref[]).length; i++) {
        const x = (heap.payload[iterable] as Ref[])[i]!;
        heap.rc[x]++;
        let stop: boolean | void;
        try {
          stop = fn(x);
        } finally {
          heap.decref(x);
        }
        if (stop === false) return;
      }
      void items;
    } finally {
      heap.decref(iterable);
    }
    return;
  }
  const it = getIter(heap, iterable);
  try {
    for (;;) {
      const x = iterNext(heap, it);
      if (x === 0) return;
      let stop: boolean | void;
      try {
        stop = fn(x);
      } finally {
        heap.decref(x);
      }
      if (stop === false) return;
    }
  } finally {
    heap.decref(it);
  }
}

/**
 * All items of an iterable as new references (the caller releases them).
 *
 * @example
 * ```ts
 * collect(heap, toPy(heap, 'ab')).length; // 2 (new references)
 * ```
 */
export function collect(heap: Heap, iterable: Ref): Ref[] {
  const out: Ref[] = [];
  try {
    forEach(heap, iterable, (x) => {
      out.push(newRef(heap, x));
    });
  } catch (e) {
    for (const x of out) heap.decref(x);
    throw e;
  }
  return out;
}

/**
 * Release every reference in `refs`.
 *
 * @example
 * ```ts
 * decrefAll(heap, collect(heap, iterable));
 * ```
 */
export function decrefAll(heap: Heap, refs: readonly Ref[]): void {
  for (const r of refs) heap.xdecref(r);
}

// ============================================================================================
// Argument checking
// ============================================================================================

/**
 * Number of positional arguments in a vectorcall argument array.
 *
 * @example
 * ```ts
 * npos([a, b, c], ['key']); // 2
 * ```
 */
export function npos(args: readonly Ref[], kwnames: readonly string[] | null): number {
  return kwnames === null ? args.length : args.length - kwnames.length;
}

/** Argument-count message styles CPython uses. */
export type ArityStyle =
  /** `PyArg_UnpackTuple` / `_PyArg_CheckPositional`: "get expected at least 1 argument, got 0". */
  | 'unpack'
  /** `PyArg_ParseTuple`: "pop() takes at most 1 argument (2 given)". */
  | 'parse'
  /** METH_O: "len() takes exactly one argument (0 given)". */
  | 'one'
  /** METH_NOARGS: "copy() takes no arguments (1 given)". */
  | 'none';

/** The message for a wrong number of positional arguments. */
function arityMessage(heap: Heap, style: ArityStyle, name: string, n: number, min: number, max: number): string {
  const plural27 = is27(heap);
  switch (style) {
    case 'one':
      return `${name}() takes exactly one argument (${n} given)`;
    case 'none':
      return `${name}() takes no arguments (${n} given)`;
    case 'unpack': {
      const s = (k: number) => (plural27 || k !== 1 ? 's' : '');
      if (min === max) return `${name} expected ${min} argument${s(min)}, got ${n}`;
      if (n < min) return `${name} expected at least ${min} argument${s(min)}, got ${n}`;
      return `${name} expected at most ${max} argument${s(max)}, got ${n}`;
    }
    case 'parse': {
      const s = (k: number) => (k !== 1 ? 's' : '');
      if (min === max) return `${name}() takes exactly ${min} argument${s(min)} (${n} given)`;
      if (n < min) return `${name}() takes at least ${min} argument${s(min)} (${n} given)`;
      return `${name}() takes at most ${max} argument${s(max)} (${n} given)`;
    }
  }
}

/**
 * Check a native's argument count. `kw` says whether keyword arguments are accepted (if not,
 * any keyword raises "f() takes no keyword arguments"). `style` may differ per version:
 * `[style27, style312]`.
 *
 * @example
 * ```ts
 * checkArity(heap, 'len', args, kwnames, 1, 1, 'one'); // len() takes exactly one argument (N given)
 * ```
 */
export function checkArity(
  heap: Heap,
  name: string | readonly [string, string],
  args: readonly Ref[],
  kwnames: readonly string[] | null,
  min: number,
  max: number,
  style: ArityStyle | readonly [ArityStyle, ArityStyle] = 'unpack',
  kw = false,
): void {
  const nm = typeof name === 'string' ? name : is27(heap) ? name[0] : name[1];
  const st = typeof style === 'string' ? style : is27(heap) ? style[0] : style[1];
  if (!kw && kwnames !== null && kwnames.length > 0) throw typeError(heap, `${nm}() takes no keyword arguments`);
  const n = npos(args, kwnames);
  if (n < min || n > max) throw typeError(heap, arityMessage(heap, st, nm, n, min, max));
}

/**
 * "list.append" in 3.12, "append" in 2.7: how METH_O/METH_NOARGS messages name a method.
 *
 * @example
 * ```ts
 * methName(heap, 'list', 'append'); // 'list.append' (3.12) / 'append' (2.7)
 * ```
 */
export function methName(heap: Heap, type: string, name: string): string {
  return is27(heap) ? name : `${type}.${name}`;
}

/** Options for `parseArgs`. */
export interface ParamSpec {
  /** Function name as messages print it. */
  fname: string;
  /** Positional-or-keyword parameter names. */
  names: readonly string[];
  /** How many of `names` are required (default: all). */
  required?: number;
  /** The first `posOnly` names cannot be passed by keyword. */
  posOnly?: number;
  /** Keyword-only parameter names (their values follow `names` in the result). */
  kwOnly?: readonly string[];
  /** 3.12 functions parsed with `PyArg_ParseTupleAndKeywords` (not Argument Clinic): 2.7-style count messages. */
  legacy?: boolean;
}

/**
 * Bind vectorcall arguments to named parameters. Returns borrowed refs (0 where not given),
 * `names` first, then `kwOnly`. Messages follow Argument Clinic (3.12) or
 * `PyArg_ParseTupleAndKeywords` (2.7).
 *
 * @example
 * ```ts
 * const [iterable, start] = parseArgs(heap, args, kwnames, { fname: 'sum', names: ['iterable', 'start'], required: 1 });
 * ```
 */
export function parseArgs(heap: Heap, args: readonly Ref[], kwnames: readonly string[] | null, spec: ParamSpec): Ref[] {
  const names = spec.names;
  const kwOnly = spec.kwOnly ?? [];
  const required = spec.required ?? names.length;
  const posOnly = spec.posOnly ?? 0;
  const n = npos(args, kwnames);
  const out = new Array<Ref>(names.length + kwOnly.length).fill(0);
  const v27 = is27(heap);
  const total = names.length + kwOnly.length;
  if (n > names.length) {
    const given = args.length;
    if (v27 || spec.legacy) throw typeError(heap, `${spec.fname}() takes at most ${total} argument${total === 1 ? '' : 's'} (${given} given)`);
    if (names.length === 0) throw typeError(heap, `${spec.fname}() takes no positional arguments`);
    const word = required === names.length ? 'exactly' : 'at most';
    throw typeError(heap, `${spec.fname}() takes ${word} ${names.length} positional argument${names.length === 1 ? '' : 's'} (${n} given)`);
  }
  for (let i = 0; i < n; i++) out[i] = args[i]!;
  if (kwnames !== null) {
    for (let j = 0; j < kwnames.length; j++) {
      const k = kwnames[j]!;
      let idx = names.indexOf(k);
      if (idx >= 0 && idx < posOnly) idx = -1;
      if (idx < 0) {
        const ko = kwOnly.indexOf(k);
        if (ko >= 0) idx = names.length + ko;
      }
      if (idx < 0) {
        throw typeError(heap, v27 ? `'${k}' is an invalid keyword argument for this function` : `'${k}' is an invalid keyword argument for ${spec.fname}()`);
      }
      if (out[idx] !== 0) {
        throw typeError(
          heap,
          v27 ? `Argument given by name ('${k}') and position (${idx + 1})` : `argument for ${spec.fname}() given by name ('${k}') and position (${idx + 1})`,
        );
      }
      out[idx] = args[n + j]!;
    }
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === 0) {
      throw typeError(
        heap,
        v27 ? `Required argument '${names[i]}' (pos ${i + 1}) not found` : `${spec.fname}() missing required argument '${names[i]}' (pos ${i + 1})`,
      );
    }
  }
  return out;
}

// ============================================================================================
// Integer arguments
// ============================================================================================

/**
 * `PyNumber_Index`: the integer value of an int, a bool, or an object with `__index__`; null if
 * the object is not an integer.
 *
 * @example
 * ```ts
 * indexValueOrNull(heap, newFloat(heap, 1)); // null
 * ```
 */
export function indexValueOrNull(heap: Heap, r: Ref): IntV | null {
  const k = heap.kind[r];
  if (k === Kind.INT || k === Kind.BOOL) return heap.payload[r] as IntV;
  if (k === Kind.FLOAT || k === Kind.STR) return null;
  const res = callSpecialOrNull(heap, r, '__index__', []);
  if (res === 0) return null;
  try {
    const rk = heap.kind[res];
    if (rk !== Kind.INT && rk !== Kind.BOOL) {
      throw typeError(heap, `__index__ returned non-int (type ${tpName(heap, res)})`);
    }
    return heap.payload[res] as IntV;
  } finally {
    heap.decref(res);
  }
}

/**
 * `PyNumber_Index` raising "'X' object cannot be interpreted as an integer" (2.7: custom message).
 *
 * @example
 * ```ts
 * indexValue(heap, heap.True); // 1
 * ```
 */
export function indexValue(heap: Heap, r: Ref, msg27?: string): IntV {
  const v = indexValueOrNull(heap, r);
  if (v !== null) return v;
  if (is27(heap)) throw typeError(heap, msg27 ?? 'an integer is required');
  throw typeError(heap, `'${tpName(heap, r)}' object cannot be interpreted as an integer`);
}

/**
 * A Py_ssize_t argument: OverflowError when it does not fit, as `PyNumber_AsSsize_t(o, OverflowError)`.
 *
 * @example
 * ```ts
 * ssizeValue(heap, newInt(heap, 7)); // 7
 * ```
 */
export function ssizeValue(heap: Heap, r: Ref, msg27?: string): number {
  const v = indexValue(heap, r, msg27);
  if (typeof v === 'number') return v;
  throw heap.newException(
    heap.t.OverflowError,
    is27(heap) ? 'Python int too large to convert to C ssize_t' : "Python int too large to convert to C ssize_t",
  );
}

/**
 * A Py_ssize_t for indexing: out-of-range values clamp (as `PyNumber_AsSsize_t(o, NULL)`).
 *
 * @example
 * ```ts
 * clampedIndex(heap, newInt(heap, 2n ** 80n)); // Number.MAX_SAFE_INTEGER
 * ```
 */
export function clampedIndex(heap: Heap, r: Ref, msg27?: string): number {
  const v = indexValue(heap, r, msg27);
  if (typeof v === 'number') return v;
  return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
}

/**
 * Catch a Python exception of `type`, dropping it; returns true if caught. Re-throws others.
 *
 * @example
 * ```ts
 * try { getAttr(heap, o, 'x'); } catch (e) { if (!swallow(heap, e, heap.t.AttributeError)) throw e; }
 * ```
 */
export function swallow(heap: Heap, e: unknown, type: Ref): boolean {
  if (heap.isExceptionOf(e, type)) {
    heap.decref(e.exc);
    return true;
  }
  return false;
}
