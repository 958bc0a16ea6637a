/**
 * The remaining builtin types' Python-visible behaviour: range/xrange, slice, the singletons'
 * types, function / code / bound method / builtin function attributes, cell, module, the
 * descriptor types and traceback objects.
 */
import {
  type BuiltinData,
  type CodeData,
  CompareOp,
  descriptorGet,
  descriptorSet,
  type DescriptorData,
  dictSetStr,
  functionDescrGet,
  type FunctionData,
  HASH_HI,
  hashOf,
  hashToBigInt,
  type Heap,
  isCallable,
  Kind,
  moduleDict,
  type ModuleData,
  newBoundMethod,
  newDict,
  newInt,
  newModule,
  newStr,
  newTuple,
  newTupleSteal,
  type Ref,
  reprOf,
  richCompare,
  type TracebackData,
  call,
  getIter,
  cellGet,
  cellSet,
  type TypeData,
  hashFromBigInt,
} from '@heaplab/heap';
import * as A from '../arith.js';
import { builtinRich, containsOp } from '../compare.js';
import { newRange, newSlice, rangeGetItem, rangeLength, sliceIndices } from '../subscript.js';
import {
  checkArity,
  clampedIndex,
  indexValue,
  is27,
  newRef,
  none,
  notImpl,
  parseArgs,
  pyBool,
  pyErr,
  pyErrNoArgs,
  tpName,
  typeError,
} from '../util.js';
import { allocOf, defineNew, getset, method, setSlot, tdOf } from './define.js';
import { reversedOf } from './iterators.js';

// ============================================================================================
// range / xrange
// ============================================================================================

/** Range arguments as JS numbers (OverflowError beyond 2**53). */
function rangeArgs(heap: Heap, args: readonly Ref[], fname: string): [number, number, number] {
  const v27 = is27(heap);
  const conv = (r: Ref, which: string): number => {
    if (v27 && heap.kind[r] === Kind.FLOAT) {
      throw typeError(heap, fname === 'range' ? `range() integer ${which} argument expected, got float.` : 'integer argument expected, got float');
    }
    const v = indexValue(heap, r, fname === 'range' ? `range() integer ${which} argument expected, got ${tpName(heap, r)}.` : 'an integer is required');
    if (typeof v === 'bigint') throw pyErr(heap, heap.t.OverflowError, v27 ? 'range() result has too many items' : 'Python int too large to convert to C ssize_t');
    return v;
  };
  if (args.length === 1) return [0, conv(args[0]!, 'end'), 1];
  const start = conv(args[0]!, 'start');
  const stop = conv(args[1]!, 'end');
  const step = args.length > 2 ? conv(args[2]!, 'step') : 1;
  if (step === 0) {
    throw pyErr(heap, heap.t.ValueError, v27 ? `${fname}() ${fname === 'range' ? 'step argument' : 'arg 3'} must not be zero` : 'range() arg 3 must not be zero');
  }
  return [start, stop, step];
}

/**
 * 2.7 `range(...)`: a list.
 *
 * @example
 * ```ts
 * reprOf(heap, range27List(heap, [newInt(heap, 3)], null)); // '[0, 1, 2]' (2.7 range())
 * ```
 */
export function range27List(heap: Heap, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  checkArity(heap, 'range', args, kwnames, 1, 3, 'unpack');
  const [start, stop, step] = rangeArgs(heap, args, 'range');
  const n = rangeLength({ start, stop, step });
  if (n > 1e8) throw pyErrNoArgs(heap, heap.t.MemoryError);
  const items: Ref[] = new Array(n);
  for (let i = 0; i < n; i++) items[i] = newInt(heap, start + i * step);
  return newListSteal(heap, items);
}

import { newListSteal } from '@heaplab/heap';

function rangeEq(heap: Heap, a: Ref, b: Ref): boolean {
  const x = heap.payload[a] as { start: number; stop: number; step: number };
  const y = heap.payload[b] as { start: number; stop: number; step: number };
  const nx = rangeLength(x);
  const ny = rangeLength(y);
  if (nx !== ny) return false;
  if (nx === 0) return true;
  if (x.start !== y.start) return false;
  if (nx === 1) return true;
  return x.step === y.step;
}

// ============================================================================================
// Installation
// ============================================================================================

/**
 * Install range, slice, singletons, function/code/method/builtin/cell/module/descriptor/traceback.
 *
 * @example
 * ```ts
 * installMiscTypes(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installMiscTypes(heap: Heap): void {
  const t = heap.t;
  const v27 = is27(heap);

  // ---- range ---------------------------------------------------------------------------------
  const R = t.range;
  const rname = v27 ? 'xrange' : 'range';
  defineNew(heap, R, (h, _cls, args, kw) => {
    if (kw !== null && kw.length > 0) throw typeError(h, `${rname}() takes no keyword arguments`);
    checkArity(h, rname, args, kw, 1, 3, 'unpack');
    const [start, stop, step] = rangeArgs(h, args, rname);
    if (v27) {
      // xrange normalizes stop to start + n*step.
      const n = rangeLength({ start, stop, step });
      return newRange(h, start, start + n * step, step);
    }
    return newRange(h, start, stop, step);
  });
  setSlot(heap, R, 'len', (h, r) => rangeLength(h.payload[r] as { start: number; stop: number; step: number }));
  method(heap, R, '__len__', (h, r) => newInt(h, rangeLength(h.payload[r] as { start: number; stop: number; step: number })));
  method(heap, R, '__getitem__', (h, r, args) => rangeGetItem(h, r, args[0]!));
  method(heap, R, '__iter__', (h, r) => getIter(h, r));
  method(heap, R, '__reversed__', (h, r) => reversedOf(h, r));
  if (!v27) {
    method(heap, R, '__contains__', (h, r, args) => pyBool(h, containsOp(h, r, args[0]!)));
    for (const f of ['start', 'stop', 'step'] as const) {
      getset(heap, R, f, (h, r) => newInt(h, (h.payload[r] as Record<string, number>)[f]!));
    }
    method(heap, R, 'count', (h, r, args, kw) => {
      checkArity(h, 'range.count', args, kw, 1, 1, 'one');
      return newInt(h, containsOp(h, r, args[0]!) ? 1 : 0);
    });
    method(heap, R, 'index', (h, r, args, kw) => {
      checkArity(h, 'range.index', args, kw, 1, 1, 'one');
      const x = args[0]!;
      const rg = h.payload[r] as { start: number; stop: number; step: number };
      if (!containsOp(h, r, x)) throw pyErr(h, h.t.ValueError, h.kind[x] === Kind.INT ? `${reprOf(h, x)} is not in range` : 'sequence.index(x): x not in sequence');
      return newInt(h, (Number(h.payload[x]) - rg.start) / rg.step);
    });
    setSlot(heap, R, 'richcompare', (h, a, b, op) => {
      if (h.kind[b] !== Kind.RANGE || (op !== CompareOp.EQ && op !== CompareOp.NE)) return notImpl(h);
      const eq = rangeEq(h, a, b);
      return pyBool(h, op === CompareOp.EQ ? eq : !eq);
    });
    setSlot(heap, R, 'hash', (h, r) => {
      const rg = h.payload[r] as { start: number; stop: number; step: number };
      const n = rangeLength(rg);
      const parts = [newInt(h, n), n === 0 ? newRef(h, h.None) : newInt(h, rg.start), n <= 1 ? newRef(h, h.None) : newInt(h, rg.step)];
      const tup = newTupleSteal(h, parts);
      try {
        return hashOf(h, tup);
      } finally {
        h.decref(tup);
      }
    });
  }

  // ---- slice ---------------------------------------------------------------------------------
  const S = t.slice;
  defineNew(heap, S, (h, _cls, args, kw) => {
    if (kw !== null && kw.length > 0) throw typeError(h, 'slice() does not accept keyword arguments');
    checkArity(h, 'slice', args, kw, 1, 3, 'unpack');
    if (args.length === 1) return newSlice(h, 0, args[0]!, 0);
    return newSlice(h, args[0]!, args[1]!, args[2] ?? 0);
  });
  (['start', 'stop', 'step'] as const).forEach((f, i) => {
    getset(heap, S, f, (h, s) => newRef(h, (h.payload[s] as Ref[])[i]!));
  });
  setSlot(heap, S, 'repr', (h, s) => {
    const [a, b, c] = h.payload[s] as Ref[];
    return `slice(${reprOf(h, a!)}, ${reprOf(h, b!)}, ${reprOf(h, c!)})`;
  });
  method(heap, S, 'indices', (h, s, args, kw) => {
    checkArity(h, methNameOf(h, 'slice', 'indices'), args, kw, 1, 1, 'one');
    const n = clampedIndex(h, args[0]!);
    if (n < 0) throw pyErr(h, h.t.ValueError, 'length should not be negative');
    const ix = sliceIndices(h, s, n);
    const items = [newInt(h, ix.start), newInt(h, ix.stop), newInt(h, ix.step)];
    return newTupleSteal(h, items);
  });
  setSlot(heap, S, 'richcompare', (h, a, b, op) => {
    if (h.kind[b] !== Kind.SLICE) return notImpl(h);
    const ta = newTuple(h, h.payload[a] as Ref[]);
    const tb = newTuple(h, h.payload[b] as Ref[]);
    try {
      return richCompare(h, ta, tb, op);
    } finally {
      h.decref(ta);
      h.decref(tb);
    }
  });
  setSlot(heap, S, 'hash', (h, s) => {
    if (v27) throw typeError(h, 'unhashable type');
    // CPython 3.12 slicehash: the tuple hash's xxHash lanes without the length mix-in.
    const M = (1n << 64n) - 1n;
    const P1 = 11400714785074694791n;
    const P2 = 14029467366897019727n;
    let acc = 2870177450012600261n;
    for (const item of h.payload[s] as Ref[]) {
      const lo = hashOf(h, item);
      const lane = BigInt.asUintN(64, hashToBigInt(lo, HASH_HI[0]!));
      acc = (acc + lane * P2) & M;
      acc = ((acc << 31n) | (acc >> 33n)) & M;
      acc = (acc * P1) & M;
    }
    if (acc === M) return hashFromBigInt(1546275796n);
    return hashFromBigInt(BigInt.asIntN(64, acc));
  });

  // ---- singletons ----------------------------------------------------------------------------
  for (const [type, obj, name] of [
    [t.NoneType, heap.None, 'NoneType'],
    [t.NotImplementedType, heap.NotImplemented, 'NotImplementedType'],
    [t.ellipsis, heap.Ellipsis, 'ellipsis'],
  ] as const) {
    defineNew(heap, type, (h, _cls, args, kw) => {
      if (v27) throw typeError(h, `cannot create '${name}' instances`);
      if (args.length > 0 || (kw !== null && kw.length > 0)) throw typeError(h, `${name} takes no arguments`);
      return newRef(h, obj);
    });
  }
  method(heap, t.NoneType, v27 ? '__nonzero__' : '__bool__', (h) => pyBool(h, false));
  setSlot(heap, t.NoneType, 'bool', () => false);
  method(heap, t.NoneType, '__repr__', (h) => newStr(h, 'None'));
  method(heap, t.NotImplementedType, '__repr__', (h) => newStr(h, 'NotImplemented'));
  method(heap, t.ellipsis, '__repr__', (h) => newStr(h, 'Ellipsis'));

  // ---- function ------------------------------------------------------------------------------
  const F = t.function;
  const fd = (h: Heap, f: Ref) => h.payload[f] as FunctionData;
  const setRefField = (h: Heap, f: Ref, field: keyof FunctionData, v: Ref) => {
    const d = fd(h, f) as unknown as Record<string, Ref>;
    const old = d[field as string] ?? 0;
    h.xincref(v);
    d[field as string] = v;
    h.xdecref(old);
  };
  const nameGet = (h: Heap, f: Ref) => newRef(h, fd(h, f).name || h.None);
  const nameSet = (h: Heap, f: Ref, v: Ref) => {
    if (v === 0 || h.kind[v] !== Kind.STR) throw typeError(h, v27 ? '__name__ must be set to a string object' : '__name__ must be set to a string object');
    setRefField(h, f, 'name', v);
  };
  const docGet = (h: Heap, f: Ref) => newRef(h, fd(h, f).doc || h.None);
  const docSet = (h: Heap, f: Ref, v: Ref) => setRefField(h, f, 'doc', v === 0 ? h.None : v);
  const defaultsGet = (h: Heap, f: Ref) => newRef(h, fd(h, f).defaults || h.None);
  const defaultsSet = (h: Heap, f: Ref, v: Ref) => {
    if (v !== 0 && v !== h.None && h.kind[v] !== Kind.TUPLE) throw typeError(h, '__defaults__ must be set to a tuple object');
    setRefField(h, f, 'defaults', v === h.None ? 0 : v);
  };
  const closureGet = (h: Heap, f: Ref) => newRef(h, fd(h, f).closure || h.None);
  const globalsGet = (h: Heap, f: Ref) => newRef(h, fd(h, f).globals || h.None);
  const codeGet = (h: Heap, f: Ref) => newRef(h, fd(h, f).code || h.None);
  const codeSet = (h: Heap, f: Ref, v: Ref) => {
    if (v === 0 || h.kind[v] !== Kind.CODE) throw typeError(h, '__code__ must be set to a code object');
    setRefField(h, f, 'code', v);
  };
  const dictGet = (h: Heap, f: Ref) => {
    const d = fd(h, f);
    if (d.dict === 0) d.dict = newDict(h);
    return newRef(h, d.dict);
  };
  const dictSet = (h: Heap, f: Ref, v: Ref) => {
    if (v === 0) throw typeError(h, v27 ? 'function\'s dictionary may not be deleted' : 'cannot delete __dict__');
    if (h.kind[v] !== Kind.DICT) throw typeError(h, v27 ? 'setting function\'s dictionary to a non-dict' : `__dict__ must be set to a dictionary, not a '${tpName(h, v)}'`);
    setRefField(h, f, 'dict', v);
  };
  getset(heap, F, '__name__', nameGet, nameSet);
  getset(heap, F, '__doc__', docGet, docSet);
  getset(heap, F, '__module__', (h, f) => newRef(h, fd(h, f).module || h.None), (h, f, v) => setRefField(h, f, 'module', v === 0 ? h.None : v));
  getset(heap, F, '__defaults__', defaultsGet, defaultsSet);
  getset(heap, F, '__closure__', closureGet);
  getset(heap, F, '__globals__', globalsGet);
  getset(heap, F, '__code__', codeGet, codeSet);
  getset(heap, F, '__dict__', dictGet, dictSet);
  if (v27) {
    getset(heap, F, 'func_name', nameGet, nameSet);
    getset(heap, F, 'func_doc', docGet, docSet);
    getset(heap, F, 'func_defaults', defaultsGet, defaultsSet);
    getset(heap, F, 'func_closure', closureGet);
    getset(heap, F, 'func_globals', globalsGet);
    getset(heap, F, 'func_code', codeGet, codeSet);
    getset(heap, F, 'func_dict', dictGet, dictSet);
  } else {
    getset(heap, F, '__qualname__', (h, f) => newRef(h, fd(h, f).qualname || fd(h, f).name || h.None), (h, f, v) => {
      if (v === 0 || h.kind[v] !== Kind.STR) throw typeError(h, '__qualname__ must be set to a string object');
      setRefField(h, f, 'qualname', v);
    });
    getset(heap, F, '__kwdefaults__', (h, f) => newRef(h, fd(h, f).kwdefaults || h.None), (h, f, v) => {
      if (v !== 0 && v !== h.None && h.kind[v] !== Kind.DICT) throw typeError(h, '__kwdefaults__ must be set to a dict object');
      setRefField(h, f, 'kwdefaults', v === h.None ? 0 : v);
    });
    getset(heap, F, '__builtins__', (h, f) => newRef(h, fd(h, f).builtins || h.None));
    getset(heap, F, '__annotations__', (h, f) => {
      const d = fd(h, f);
      if (d.annotations === 0) d.annotations = newDict(h);
      return newRef(h, d.annotations);
    }, (h, f, v) => setRefField(h, f, 'annotations', v === h.None ? 0 : v));
  }
  method(heap, F, '__get__', (h, f, args, kw) => {
    checkArity(h, '__get__', args, kw, 1, 2, 'unpack');
    const obj = args[0] === h.None ? 0 : args[0]!;
    const type = args[1] === undefined || args[1] === h.None ? (obj === 0 ? 0 : h.typ[obj]!) : args[1]!;
    return functionDescrGet(h, f, obj, type);
  });

  // ---- code ----------------------------------------------------------------------------------
  const C = t.code;
  const cd = (h: Heap, c: Ref) => h.payload[c] as CodeData;
  const strTuple = (h: Heap, names: readonly string[]) => newTupleSteal(h, names.map((n) => newStr(h, n)));
  getset(heap, C, 'co_name', (h, c) => newStr(h, cd(h, c).name));
  getset(heap, C, 'co_filename', (h, c) => newStr(h, cd(h, c).filename));
  getset(heap, C, 'co_firstlineno', (h, c) => newInt(h, cd(h, c).firstlineno));
  getset(heap, C, 'co_varnames', (h, c) => strTuple(h, cd(h, c).varnames ?? []));
  getset(heap, C, 'co_argcount', (h, c) => newInt(h, cd(h, c).argcount ?? 0));
  getset(heap, C, 'co_cellvars', (h, c) => strTuple(h, cd(h, c).cellvars ?? []));
  getset(heap, C, 'co_freevars', (h, c) => strTuple(h, cd(h, c).freevars ?? []));
  getset(heap, C, 'co_flags', (h, c) => newInt(h, cd(h, c).flags ?? 0));
  getset(heap, C, 'co_nlocals', (h, c) => newInt(h, (cd(h, c).varnames ?? []).length));
  getset(heap, C, 'co_consts', (h, c) => newTuple(h, cd(h, c).consts));
  if (!v27) {
    getset(heap, C, 'co_qualname', (h, c) => newStr(h, cd(h, c).qualname || cd(h, c).name));
    getset(heap, C, 'co_posonlyargcount', (h) => newInt(h, 0));
    getset(heap, C, 'co_kwonlyargcount', (h) => newInt(h, 0));
  }

  // ---- bound method ----------------------------------------------------------------------------
  const M = t.method;
  getset(heap, M, '__func__', (h, m) => newRef(h, (h.payload[m] as Ref[])[0]!));
  getset(heap, M, '__self__', (h, m) => newRef(h, (h.payload[m] as Ref[])[1] || h.None));
  if (v27) {
    getset(heap, M, 'im_func', (h, m) => newRef(h, (h.payload[m] as Ref[])[0]!));
    getset(heap, M, 'im_self', (h, m) => newRef(h, (h.payload[m] as Ref[])[1] || h.None));
    getset(heap, M, 'im_class', (h, m) => newRef(h, (h.payload[m] as Ref[])[2] || h.None));
  }
  defineNew(heap, M, (h, _cls, args, kw) => {
    checkArity(h, v27 ? 'instancemethod' : 'method', args, kw, 2, v27 ? 3 : 2, 'unpack');
    if (!isCallable(h, args[0]!)) throw typeError(h, 'first argument must be callable');
    if (!v27 && args[1] === h.None) throw typeError(h, 'instance must not be None');
    const self = args[1] === h.None ? 0 : args[1]!;
    return newBoundMethod(h, args[0]!, self, args[2] ?? (self !== 0 ? h.typ[self]! : 0));
  });
  method(heap, M, '__get__', (h, m, args) => {
    const get = tdOf(h, h.t.method).slots.descrGet!;
    return get(h, m, args[0] === h.None ? 0 : args[0]!, args[1] ?? 0);
  });

  // ---- builtin function ----------------------------------------------------------------------
  const BF = t.builtin_function_or_method;
  const bd = (h: Heap, b: Ref) => h.payload[b] as BuiltinData;
  getset(heap, BF, '__name__', (h, b) => newStr(h, bd(h, b).name));
  getset(heap, BF, '__self__', (h, b) => {
    const d = bd(h, b);
    if (d.self === 0) return none(h);
    return newRef(h, d.self);
  });
  getset(heap, BF, '__module__', (h, b) => newRef(h, bd(h, b).module || h.None));
  getset(heap, BF, '__doc__', (h, b) => (bd(h, b).doc !== undefined ? newStr(h, bd(h, b).doc!) : none(h)));
  if (!v27) {
    getset(heap, BF, '__qualname__', (h, b) => {
      const d = bd(h, b);
      if (d.self === 0 || h.kind[d.self] === Kind.MODULE || !d.isMethod) return newStr(h, d.name);
      const owner = h.kind[d.self] === Kind.TYPE ? tdOf(h, d.self).qualname : tdOf(h, h.typ[d.self]!).qualname;
      return newStr(h, `${owner}.${d.name}`);
    });
    getset(heap, BF, '__text_signature__', (h) => none(h));
  }

  // ---- cell ----------------------------------------------------------------------------------
  getset(
    heap,
    t.cell,
    'cell_contents',
    (h, c) => {
      const v = cellGet(h, c);
      if (v === 0) throw pyErr(h, h.t.ValueError, 'Cell is empty');
      return newRef(h, v);
    },
    v27
      ? undefined
      : (h, c, v) => {
          cellSet(h, c, v);
        },
  );
  if (!v27) {
    defineNew(heap, t.cell, (h, _cls, args, kw) => {
      checkArity(h, 'cell', args, kw, 0, 1, 'unpack');
      const c = allocOf(h, h.t.cell, Kind.CELL, [0]);
      if (args.length > 0) cellSet(h, c, args[0]!);
      return c;
    });
  }

  // ---- module --------------------------------------------------------------------------------
  const MOD = t.module;
  getset(heap, MOD, '__dict__', (h, m) => newRef(h, moduleDict(h, m)));
  defineNew(heap, MOD, (h, _cls, args, kw) => {
    const [name, doc] = parseArgs(h, args, kw, { fname: 'module', names: ['name', 'doc'], required: 1 });
    if (h.kind[name!] !== Kind.STR) throw typeError(h, v27 ? `module.__init__() argument 1 must be string, not ${tpName(h, name!)}` : `module.__init__() argument 'name' must be str, not ${tpName(h, name!)}`);
    const m = newModule(h, h.payload[name!] as string);
    if (doc !== 0) dictSetStr(h, moduleDict(h, m), '__doc__', doc!);
    (h.payload[m] as ModuleData).ext = { file: undefined };
    return m;
  });

  // ---- descriptors ---------------------------------------------------------------------------
  for (const type of [t.method_descriptor, t.getset_descriptor, t.member_descriptor, t.wrapper_descriptor, t.classmethod_descriptor]) {
    const dd = (h: Heap, d: Ref) => h.payload[d] as DescriptorData;
    getset(heap, type, '__name__', (h, d) => newStr(h, dd(h, d).name));
    getset(heap, type, '__objclass__', (h, d) => newRef(h, dd(h, d).type));
    getset(heap, type, '__doc__', (h, d) => (dd(h, d).doc !== undefined ? newStr(h, dd(h, d).doc!) : none(h)));
    if (!v27) getset(heap, type, '__qualname__', (h, d) => newStr(h, `${tdOf(h, dd(h, d).type).qualname}.${dd(h, d).name}`));
    method(heap, type, '__get__', (h, d, args, kw) => {
      checkArity(h, '__get__', args, kw, 1, 2, 'unpack');
      const obj = args[0] === h.None ? 0 : args[0]!;
      return descriptorGet(h, d, obj, args[1] === undefined || args[1] === h.None ? 0 : args[1]!);
    });
    if (type === t.getset_descriptor || type === t.member_descriptor) {
      method(heap, type, '__set__', (h, d, args, kw) => {
        checkArity(h, '__set__', args, kw, 2, 2, 'unpack');
        descriptorSet(h, d, args[0]!, args[1]!);
        return none(h);
      });
      method(heap, type, '__delete__', (h, d, args, kw) => {
        checkArity(h, '__delete__', args, kw, 1, 1, 'one');
        descriptorSet(h, d, args[0]!, 0);
        return none(h);
      });
    }
  }

  // ---- traceback -----------------------------------------------------------------------------
  const TB = t.traceback;
  const tbd = (h: Heap, r: Ref) => h.payload[r] as TracebackData;
  getset(heap, TB, 'tb_next', (h, r) => newRef(h, tbd(h, r).next || h.None));
  getset(heap, TB, 'tb_frame', (h, r) => newRef(h, tbd(h, r).frame || h.None));
  getset(heap, TB, 'tb_lineno', (h, r) => newInt(h, tbd(h, r).lineno));
  getset(heap, TB, 'tb_lasti', (h, r) => newInt(h, tbd(h, r).lasti));

  void builtinRich;
  void call;
  void hashToBigInt;
  void HASH_HI;
  void hashFromBigInt;
  void A;
  void (0 as unknown as TypeData);
}

function methNameOf(heap: Heap, type: string, name: string): string {
  return is27(heap) ? name : `${type}.${name}`;
}
