/**
 * The builtins module (`builtins` in 3.12, `__builtin__` in 2.7): every builtin function, type
 * and constant of the subset, with each version's signature, semantics and messages, plus the
 * 2.7 print statement (`printStatement27`) with its softspace rules.
 */
import {
  classCheckAllocations,
  call,
  CompareOp,
  dictEntries,
  dictGetItem,
  dictSetStr,
  genericSetAttr,
  getAttr,
  getAttrOrNull,
  getIter,
  HASH_HI,
  hashOf,
  hashToBigInt,
  type Heap,
  intern,
  isCallable,
  isTrue,
  iterNext,
  Kind,
  length,
  moduleDict,
  type NativeFn,
  newBuiltinFunction,
  setArgsTuple,
  newDict,
  newFloat,
  newInt,
  newList,
  newListSteal,
  newModule,
  newStr,
  newTuple,
  printText27,
  newTupleSteal,
  newUnicode,
  PyException,
  type Ref,
  reprOf,
  richCompare,
  richCompareBool,
  setAttr,
  strOf,
  type TypeData,
  type ModuleData,
  newExceptionObject,
  newLong,
  callMethod,
  TypeFlag,
  typeLookup,
} from '@heaplab/heap';
import * as A from './arith.js';
import { cmp27, compareOp } from './compare.js';
import { asciiRepr, formatBuiltin } from './format.js';
import type { RuntimeHooks } from './hooks.js';
import { binaryOp, divmodOp, isLong, ternaryPow, unaryNumber } from './number.js';
import { libState, initLibState } from './state.js';
import { cpLength } from './strutil.js';
import { defaultDir, isInstanceOf, isSubclassOf, attrName, classAttrNames } from './types/object.js';
import { exceptionTypes, makeException } from './types/exceptions.js';
import { openFile, softspace, writeTo, isFileObject } from './types/file.js';
import { sortArgs, sortList } from './types/list.js';
import { newCallableIterator } from './types/iterators.js';
import { range27List } from './types/misc.js';
import { floatRound, floatToIntValue, intRound, round27, floatValueOf } from './types/numbers.js';
import { strText } from './types/str.js';
import { makeType, setSlot, tdOf } from './types/define.js';
import {
  callSpecialOrNull,
  checkArity,
  collect,
  forEach,
  indexValue,
  indexValueOrNull,
  type IntV,
  is27,
  isUnicode27,
  newRef,
  none,
  npos,
  parseArgs,
  pyBool,
  pyErr,
  swallow,
  tpName,
  typeError,
} from './util.js';

// ============================================================================================
// print
// ============================================================================================

/**
 * The 2.7 `print` statement: `print >>dest, v1, v2` (`dest` 0 for `sys.stdout`, None also
 * meaning stdout), writing `str(v)` through the file's `write`, with the softspace rules (a
 * space before an item when the file's softspace is set; softspace set after an item unless
 * it is a string ending in whitespace other than ' '). `nl` is false for a trailing comma.
 *
 * @example
 * ```ts
 * printStatement27(heap, hooks, 0, [newInt(heap, 1), newInt(heap, 2)], true); // writes "1 2\n"
 * ```
 */
export function printStatement27(heap: Heap, hooks: RuntimeHooks, dest: Ref, values: readonly Ref[], nl: boolean): void {
  const target = (): Ref => {
    const w = dest === 0 || dest === heap.None ? hooks.stdout() : dest;
    if (w === 0 || w === heap.None) throw pyErr(heap, heap.t.RuntimeError, 'lost sys.stdout');
    return w;
  };
  for (const v of values) {
    const w = target();
    heap.incref(w);
    try {
      if (softspace(heap, w, 0)) writeTo(heap, w, ' ');
      if (heap.kind[v] === Kind.STR && (isUnicode27(heap, v) || heap.typ[v] !== heap.t.str)) {
        if (isFileObject(heap, w)) writeObject27(heap, w, v);
        else writeTo(heap, w, v);
      } else {
        const s = heap.kind[v] === Kind.STR ? (heap.payload[v] as string) : isFileObject(heap, w) ? printText27(heap, v) : strOf27(heap, v);
        writeTo(heap, w, s);
      }
      if (heap.kind[v] === Kind.STR) {
        const s = heap.payload[v] as string;
        const last = s[s.length - 1];
        // biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace and ASCII sets include control characters
        if (s.length === 0 || !/[\t\n\x0b\x0c\r ]/.test(last!) || last === ' ') softspace(heap, w, 1);
      } else softspace(heap, w, 1);
    } finally {
      heap.decref(w);
    }
  }
  if (nl) {
    const w = target();
    heap.incref(w);
    try {
      writeTo(heap, w, '\n');
      softspace(heap, w, 0);
    } finally {
      heap.decref(w);
    }
  }
}

/**
 * 2.7: at exit, a pending softspace on stdout becomes a newline (`Py_Finalize`).
 *
 * @example
 * ```ts
 * flushSoftspace27(heap, hooks); // after `print 'a',` at exit: writes '\n'
 * ```
 */
export function flushSoftspace27(heap: Heap, hooks: RuntimeHooks): void {
  const w = hooks.stdout();
  if (w === 0 || w === heap.None) return;
  if (softspace(heap, w, 0)) writeTo(heap, w, '\n');
}

function strOf27(heap: Heap, v: Ref): string {
  return strOf(heap, v);
}

/** Write a (possibly unicode) string object to one of our file objects. */
function writeObject27(heap: Heap, w: Ref, v: Ref): void {
  const wm = getAttr(heap, w, 'write');
  try {
    heap.decref(call(heap, wm, [v]));
  } finally {
    heap.decref(wm);
  }
}

function print3(heap: Heap, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  const n = npos(args, kwnames);
  let sep: Ref = 0;
  let end: Ref = 0;
  let file: Ref = 0;
  let flush: Ref = 0;
  if (kwnames !== null) {
    kwnames.forEach((k, j) => {
      const v = args[n + j]!;
      if (k === 'sep') sep = v;
      else if (k === 'end') end = v;
      else if (k === 'file') file = v;
      else if (k === 'flush') flush = v;
      else throw typeError(heap, is27(heap) ? `'${k}' is an invalid keyword argument for this function` : `'${k}' is an invalid keyword argument for print()`);
    });
  }
  if (sep !== 0 && sep !== heap.None && heap.kind[sep] !== Kind.STR) throw typeError(heap, is27(heap) ? `sep must be None, str or unicode, not ${tpName(heap, sep)}` : `sep must be None or a string, not ${tpName(heap, sep)}`);
  if (end !== 0 && end !== heap.None && heap.kind[end] !== Kind.STR) throw typeError(heap, is27(heap) ? `end must be None, str or unicode, not ${tpName(heap, end)}` : `end must be None or a string, not ${tpName(heap, end)}`);
  if (file === 0 || file === heap.None) {
    file = libState(heap).hooks.stdout();
    if (file === 0 || file === heap.None) return none(heap);
  }
  heap.incref(file);
  try {
    for (let i = 0; i < n; i++) {
      if (i > 0) writeTo(heap, file, sep === 0 || sep === heap.None ? ' ' : sep);
      const v = args[i]!;
      if (heap.kind[v] === Kind.STR && heap.typ[v] === heap.t.str) writeTo(heap, file, heap.payload[v] as string);
      else if (is27(heap) && isUnicode27(heap, v)) writeTo(heap, file, v);
      else writeTo(heap, file, is27(heap) && isFileObject(heap, file) ? printText27(heap, v) : strOf(heap, v));
    }
    writeTo(heap, file, end === 0 || end === heap.None ? '\n' : end);
    if (flush !== 0 && isTrue(heap, flush)) heap.decref(callMethod(heap, file, 'flush', []));
  } finally {
    heap.decref(file);
  }
  return none(heap);
}

// ============================================================================================
// Helpers for the builtins
// ============================================================================================

/** `sum(iterable, start)` with 3.12's compensated float summation. */
function sumOf(heap: Heap, iterable: Ref, start: Ref): Ref {
  const v27 = is27(heap);
  if (heap.kind[start] === Kind.STR) throw typeError(heap, "sum() can't sum strings [use ''.join(seq) instead]");
  if (heap.kind[start] === Kind.BYTES) throw typeError(heap, "sum() can't sum bytes [use b''.join(seq) instead]");
  const it = getIter(heap, iterable);
  let result = newRef(heap, start);
  try {
    // Exact int fast path.
    if (heap.typ[result] === heap.t.int) {
      let acc: IntV = heap.payload[result] as IntV;
      let inLoop = true;
      while (inLoop) {
        const item = iterNext(heap, it);
        if (item === 0) {
          heap.decref(result);
          result = newInt(heap, acc);
          return result;
        }
        if ((heap.typ[item] === heap.t.int || heap.kind[item] === Kind.BOOL) && !(v27 && isLong(heap, item))) {
          acc = A.add(acc, heap.payload[item] as IntV);
          heap.decref(item);
          continue;
        }
        heap.decref(result);
        result = newInt(heap, acc);
        try {
          const tmp = binaryOp(heap, 'Add', result, item);
          heap.decref(result);
          result = tmp;
        } finally {
          heap.decref(item);
        }
        inLoop = false;
      }
    }
    if (heap.typ[result] === heap.t.float) {
      let f = heap.payload[result] as number;
      let c = 0;
      for (;;) {
        const item = iterNext(heap, it);
        if (item === 0) {
          if (!v27 && c !== 0 && Number.isFinite(c)) f += c;
          heap.decref(result);
          result = newFloat(heap, f);
          return result;
        }
        let x: number | null = null;
        if (heap.typ[item] === heap.t.float) x = heap.payload[item] as number;
        else if ((heap.typ[item] === heap.t.int || heap.kind[item] === Kind.BOOL) && typeof heap.payload[item] === 'number') x = heap.payload[item] as number;
        if (x !== null) {
          if (v27) f += x;
          else {
            const t = f + x;
            if (Math.abs(f) >= Math.abs(x)) c += f - t + x;
            else c += x - t + f;
            f = t;
          }
          heap.decref(item);
          continue;
        }
        if (!v27 && c !== 0 && Number.isFinite(c)) f += c;
        heap.decref(result);
        result = newFloat(heap, f);
        try {
          const tmp = binaryOp(heap, 'Add', result, item);
          heap.decref(result);
          result = tmp;
        } finally {
          heap.decref(item);
        }
        break;
      }
    }
    for (;;) {
      const item = iterNext(heap, it);
      if (item === 0) return result;
      try {
        const tmp = binaryOp(heap, 'Add', result, item);
        heap.decref(result);
        result = tmp;
      } finally {
        heap.decref(item);
      }
    }
  } catch (e) {
    heap.decref(result);
    throw e;
  } finally {
    heap.decref(it);
  }
}

/** `min()` / `max()`. */
function minMax(heap: Heap, args: readonly Ref[], kwnames: readonly string[] | null, isMax: boolean): Ref {
  const name = isMax ? 'max' : 'min';
  const v27 = is27(heap);
  const n = npos(args, kwnames);
  let key: Ref = 0;
  let dflt: Ref = 0;
  if (kwnames !== null) {
    kwnames.forEach((k, j) => {
      const v = args[n + j]!;
      if (k === 'key') key = v;
      else if (k === 'default' && !v27) dflt = v;
      else if (v27) throw typeError(heap, `${name}() got an unexpected keyword argument`);
      else throw typeError(heap, `'${k}' is an invalid keyword argument for ${name}()`);
    });
  }
  if (key === heap.None) key = 0;
  if (n === 0) throw typeError(heap, v27 ? `${name} expected 1 arguments, got 0` : `${name} expected at least 1 argument, got 0`);
  if (n > 1 && dflt !== 0) throw typeError(heap, `Cannot specify a default for ${name}() with multiple positional arguments`);
  const source = n === 1 ? args[0]! : newTuple(heap, args.slice(0, n));
  let best = 0;
  let bestKey = 0;
  try {
    forEach(heap, source, (item) => {
      const k = key !== 0 ? call(heap, key, [item]) : newRef(heap, item);
      if (best === 0) {
        best = newRef(heap, item);
        bestKey = k;
        return;
      }
      let better: boolean;
      try {
        better = richCompareBool(heap, k, bestKey, isMax ? CompareOp.GT : CompareOp.LT);
      } catch (e) {
        heap.decref(k);
        throw e;
      }
      if (better) {
        heap.decref(best);
        heap.decref(bestKey);
        best = newRef(heap, item);
        bestKey = k;
      } else heap.decref(k);
    });
  } catch (e) {
    heap.xdecref(best);
    heap.xdecref(bestKey);
    throw e;
  } finally {
    if (n !== 1) heap.decref(source);
  }
  heap.xdecref(bestKey);
  if (best === 0) {
    if (dflt !== 0) return newRef(heap, dflt);
    throw pyErr(heap, heap.t.ValueError, v27 ? `${name}() arg is an empty sequence` : `${name}() iterable argument is empty`);
  }
  return best;
}

function numberToBase(heap: Heap, x: Ref, base: 2 | 8 | 16, fname: 'bin' | 'oct' | 'hex'): Ref {
  const v27 = is27(heap);
  if (v27 && fname !== 'bin') {
    const k = heap.kind[x];
    if (k !== Kind.INT && k !== Kind.BOOL) {
      const r = callSpecialOrNull(heap, x, fname === 'hex' ? '__hex__' : '__oct__', []);
      if (r !== 0) return r;
      throw typeError(heap, `${fname}() argument can't be converted to ${fname}`);
    }
    const v = heap.payload[x] as IntV;
    const neg = A.sign(v) < 0;
    const digits = A.big(A.abs(v)).toString(base);
    const suffix = isLong(heap, x) ? 'L' : '';
    if (fname === 'hex') return newStr(heap, `${neg ? '-' : ''}0x${digits}${suffix}`);
    if (A.isZero(v)) return newStr(heap, `0${suffix}`);
    return newStr(heap, `${neg ? '-' : ''}0${digits}${suffix}`);
  }
  const v = indexValue(heap, x, `'${tpName(heap, x)}' object cannot be interpreted as an index`);
  const neg = A.sign(v) < 0;
  const digits = A.big(A.abs(v)).toString(base);
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : '0x';
  return newStr(heap, `${neg ? '-' : ''}${prefix}${digits}`);
}

function roundBuiltin(heap: Heap, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  const v27 = is27(heap);
  const [num, nd] = parseArgs(heap, args, kwnames, { fname: 'round', names: ['number', 'ndigits'], required: 1 });
  if (v27) {
    let x: number;
    const k = heap.kind[num!];
    if (k === Kind.FLOAT) x = heap.payload[num!] as number;
    else if (k === Kind.INT || k === Kind.BOOL) x = floatValueOf(heap, num!);
    else {
      const r = callSpecialOrNull(heap, num!, '__float__', []);
      if (r === 0) throw typeError(heap, 'a float is required');
      x = heap.payload[r] as number;
      heap.decref(r);
    }
    let n = 0;
    if (nd !== 0) {
      const nv = indexValue(heap, nd!, `'${tpName(heap, nd!)}' object cannot be interpreted as an index`);
      n = typeof nv === 'bigint' ? (nv > 0n ? 400 : -400) : nv;
    }
    return round27(heap, x, n);
  }
  const t = heap.t;
  if (heap.typ[num!] === t.float) return floatRound(heap, heap.payload[num!] as number, nd || heap.None);
  if (heap.typ[num!] === t.int || heap.typ[num!] === t.bool) return intRound(heap, num!, nd || heap.None);
  const r = nd === 0 || nd === heap.None ? callSpecialOrNull(heap, num!, '__round__', []) : callSpecialOrNull(heap, num!, '__round__', [nd!]);
  if (r === 0) throw typeError(heap, `type ${tdOf(heap, heap.typ[num!]!).name} doesn't define __round__ method`);
  return r;
}

function dirOf(heap: Heap, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  checkArity(heap, 'dir', args, kwnames, 0, 1, 'unpack');
  let list: Ref;
  if (args.length === 0) {
    const loc = libState(heap).hooks.locals();
    const keys: Ref[] = [];
    if (heap.kind[loc] === Kind.DICT) {
      const e = dictEntries(heap, loc);
      for (let i = 0; i < e.length; i += 2) keys.push(newRef(heap, e[i]!));
    } else keys.push(...collect(heap, loc));
    list = newListSteal(heap, keys);
  } else {
    const obj = args[0]!;
    const r = callSpecialOrNull(heap, obj, '__dir__', []);
    if (r !== 0) {
      try {
        list = newListSteal(heap, collect(heap, r));
      } finally {
        heap.decref(r);
      }
    } else if (heap.kind[obj] === Kind.MODULE) {
      const e = dictEntries(heap, moduleDict(heap, obj));
      const keys: Ref[] = [];
      for (let i = 0; i < e.length; i += 2) keys.push(newRef(heap, e[i]!));
      list = newListSteal(heap, keys);
    } else if (heap.kind[obj] === Kind.TYPE) {
      const names = [...classAttrNames(heap, obj)].map((s) => newStr(heap, s));
      list = newListSteal(heap, names);
    } else list = defaultDir(heap, obj);
  }
  try {
    sortList(heap, list, 0, false);
  } catch (e) {
    heap.decref(list);
    throw e;
  }
  return list;
}

function checkAttrName(heap: Heap, fname: string, r: Ref): string {
  if (heap.kind[r] !== Kind.STR) {
    if (is27(heap) && (fname === 'getattr' || fname === 'hasattr')) throw typeError(heap, `${fname}(): attribute name must be string`);
    throw typeError(heap, `attribute name must be string, not '${tpName(heap, r)}'`);
  }
  return attrName(heap, r);
}

// ============================================================================================
// The module
// ============================================================================================

/**
 * Builtins whose CPython implementation takes an argument tuple (`METH_VARARGS`, with or without
 * keywords): each call with arguments allocates it (and a dict for keyword arguments), which
 * `gc.get_count()` sees. The rest are METH_O/METH_NOARGS, or argument-clinic fast calls in 3.12.
 */
const VARARGS_BUILTINS: Record<'2.7' | '3.12', readonly string[]> = {
  '2.7': [
    '__import__', 'apply', 'chr', 'cmp', 'coerce', 'delattr', 'dir', 'divmod', 'filter', 'format', 'getattr',
    'hasattr', 'input', 'intern', 'isinstance', 'issubclass', 'iter', 'map', 'max', 'min', 'next', 'open',
    'pow', 'print', 'range', 'raw_input', 'reduce', 'round', 'setattr', 'sorted', 'sum', 'unichr', 'vars', 'zip',
  ],
  '3.12': ['dir', 'vars', 'max', 'min'],
};

/**
 * Create the builtins module for `heap` (new reference). `installBuiltinTypes` must have been
 * called first.
 *
 * @example
 * ```ts
 * installBuiltinTypes(heap, hooks);
 * const builtins = createBuiltinsModule(heap, hooks);
 * const len = dictGetStr(heap, moduleDict(heap, builtins), 'len');
 * ```
 */
export function createBuiltinsModule(heap: Heap, hooks: RuntimeHooks): Ref {
  const st = initLibState(heap, hooks);
  const v27 = is27(heap);
  const modName = v27 ? '__builtin__' : 'builtins';
  const m = newModule(heap, modName);
  (heap.payload[m] as ModuleData).ext = { builtin: true };
  const d = moduleDict(heap, m);
  const t = heap.t;
  const put = (name: string, value: Ref) => dictSetStr(heap, d, name, value);
  const varargs = new Set(VARARGS_BUILTINS[heap.profile.version]);
  const fn = (name: string, impl: NativeFn) => {
    const b = newBuiltinFunction(heap, name, impl, v27 ? 0 : m, modName, false);
    if (varargs.has(name)) setArgsTuple(heap, b);
    put(name, b);
    heap.decref(b);
  };
  const H = () => libState(heap).hooks;

  // ---- constants and types ------------------------------------------------------------------
  put('None', heap.None);
  put('True', heap.True);
  put('False', heap.False);
  put('Ellipsis', heap.Ellipsis);
  put('NotImplemented', heap.NotImplemented);
  put('__debug__', heap.True);
  const typeNames: [string, Ref][] = [
    ['object', t.object],
    ['type', t.type],
    ['int', t.int],
    ['bool', t.bool],
    ['float', t.float],
    ['complex', t.complex],
    ['str', t.str],
    ['tuple', t.tuple],
    ['list', t.list],
    ['dict', t.dict],
    ['set', t.set],
    ['frozenset', t.frozenset],
    ['property', t.property],
    ['staticmethod', t.staticmethod],
    ['classmethod', t.classmethod],
    ['super', t.super],
    ['slice', t.slice],
    ['enumerate', st.types.get('enumerate')!],
    ['reversed', st.types.get('reversed')!],
    ['bytearray', st.types.get('bytearray')!],
  ];
  if (v27) {
    typeNames.push(['long', t.long], ['unicode', t.unicode], ['xrange', t.range], ['file', st.types.get('file')!]);
    typeNames.push(['basestring', st.types.get('basestring')!]);
    typeNames.push(['bytes', t.str]);
  } else {
    typeNames.push(['range', t.range], ['bytes', t.bytes], ['zip', st.types.get('zip')!], ['map', st.types.get('map')!], ['filter', st.types.get('filter')!]);
  }
  for (const [name, r] of typeNames) put(name, r);
  for (const [name, r] of exceptionTypes(heap)) {
    if (name === 'UnicodeTranslateError' || r !== 0) put(name, r);
  }
  if (!v27) {
    put('EnvironmentError', t.OSError);
    put('IOError', t.OSError);
  }

  // ---- functions ----------------------------------------------------------------------------
  fn('abs', (h, _s, args, kw) => {
    checkArity(h, 'abs', args, kw, 1, 1, 'one');
    return unaryNumber(h, 'Abs', args[0]!);
  });
  fn('all', (h, _s, args, kw) => {
    checkArity(h, 'all', args, kw, 1, 1, 'one');
    let ok = true;
    forEach(h, args[0]!, (x) => {
      if (!isTrue(h, x)) {
        ok = false;
        return false;
      }
      return true;
    });
    return pyBool(h, ok);
  });
  fn('any', (h, _s, args, kw) => {
    checkArity(h, 'any', args, kw, 1, 1, 'one');
    let ok = false;
    forEach(h, args[0]!, (x) => {
      if (isTrue(h, x)) {
        ok = true;
        return false;
      }
      return true;
    });
    return pyBool(h, ok);
  });
  if (!v27) {
    fn('ascii', (h, _s, args, kw) => {
      checkArity(h, 'ascii', args, kw, 1, 1, 'one');
      return newStr(h, asciiRepr(reprOf(h, args[0]!)));
    });
  }
  fn('bin', (h, _s, args, kw) => {
    checkArity(h, 'bin', args, kw, 1, 1, 'one');
    return numberToBase(h, args[0]!, 2, 'bin');
  });
  fn('oct', (h, _s, args, kw) => {
    checkArity(h, 'oct', args, kw, 1, 1, 'one');
    return numberToBase(h, args[0]!, 8, 'oct');
  });
  fn('hex', (h, _s, args, kw) => {
    checkArity(h, 'hex', args, kw, 1, 1, 'one');
    return numberToBase(h, args[0]!, 16, 'hex');
  });
  fn('callable', (h, _s, args, kw) => {
    checkArity(h, 'callable', args, kw, 1, 1, 'one');
    const x = args[0]!;
    return pyBool(h, isCallable(h, x) || (h.kind[x] === Kind.CLASSIC_CLASS) || (h.kind[x] === Kind.CLASSIC_INSTANCE && getAttrOrNullDrop(h, x, '__call__')));
  });
  fn('chr', (h, _s, args, kw) => {
    checkArity(h, 'chr', args, kw, 1, 1, 'one');
    const v = indexValue(h, args[0]!);
    const limit = v27 ? 256 : 0x110000;
    if (typeof v === 'bigint' || v < 0 || v >= limit) {
      if (typeof v === 'bigint' && !v27) throw pyErr(h, h.t.OverflowError, 'Python int too large to convert to C int');
      throw pyErr(h, h.t.ValueError, v27 ? 'chr() arg not in range(256)' : 'chr() arg not in range(0x110000)');
    }
    return newStr(h, String.fromCodePoint(v));
  });
  fn('ord', (h, _s, args, kw) => {
    checkArity(h, 'ord', args, kw, 1, 1, 'one');
    const x = args[0]!;
    const k = h.kind[x];
    if (k !== Kind.STR && k !== Kind.BYTES) throw typeError(h, `ord() expected string of length 1, but ${tpName(h, x)} found`);
    const s = h.payload[x] as string;
    const n = k === Kind.STR ? cpLength(s) : s.length;
    if (n !== 1) throw typeError(h, `ord() expected a character, but string of length ${n} found`);
    return newInt(h, s.codePointAt(0)!);
  });
  fn('delattr', (h, _s, args, kw) => {
    checkArity(h, 'delattr', args, kw, 2, 2, 'unpack');
    setAttr(h, args[0]!, checkAttrName(h, 'delattr', args[1]!), 0);
    return none(h);
  });
  fn('setattr', (h, _s, args, kw) => {
    checkArity(h, 'setattr', args, kw, 3, 3, 'unpack');
    setAttr(h, args[0]!, checkAttrName(h, 'setattr', args[1]!), args[2]!);
    return none(h);
  });
  fn('getattr', (h, _s, args, kw) => {
    checkArity(h, 'getattr', args, kw, 2, 3, 'unpack');
    const name = checkAttrName(h, 'getattr', args[1]!);
    if (args.length === 3) {
      try {
        return getAttr(h, args[0]!, name);
      } catch (e) {
        if (swallow(h, e, h.t.AttributeError)) return newRef(h, args[2]!);
        throw e;
      }
    }
    return getAttr(h, args[0]!, name);
  });
  fn('hasattr', (h, _s, args, kw) => {
    checkArity(h, 'hasattr', args, kw, 2, 2, 'unpack');
    const name = checkAttrName(h, 'hasattr', args[1]!);
    try {
      const r = getAttr(h, args[0]!, name);
      h.decref(r);
      return pyBool(h, true);
    } catch (e) {
      if (swallow(h, e, v27 ? h.t.Exception : h.t.AttributeError)) return pyBool(h, false);
      throw e;
    }
  });
  fn('dir', (h, _s, args, kw) => dirOf(h, args, kw));
  fn('divmod', (h, _s, args, kw) => {
    checkArity(h, 'divmod', args, kw, 2, 2, 'unpack');
    return divmodOp(h, args[0]!, args[1]!);
  });
  fn('format', (h, _s, args, kw) => {
    const [v, spec] = parseArgs(h, args, kw, { fname: 'format', names: ['value', 'format_spec'], required: 1, posOnly: v27 ? 0 : 2 });
    if (spec === 0) {
      const e = newStr(h, '');
      try {
        return formatBuiltin(h, v!, e);
      } finally {
        h.decref(e);
      }
    }
    return formatBuiltin(h, v!, spec!);
  });
  fn('globals', (h, _s, args, kw) => {
    checkArity(h, 'globals', args, kw, 0, 0, 'none');
    return newRef(h, H().globals());
  });
  fn('locals', (h, _s, args, kw) => {
    checkArity(h, 'locals', args, kw, 0, 0, 'none');
    return newRef(h, H().locals());
  });
  fn('vars', (h, _s, args, kw) => {
    checkArity(h, 'vars', args, kw, 0, 1, 'unpack');
    if (args.length === 0) return newRef(h, H().locals());
    const dd = getAttrOrNull(h, args[0]!, '__dict__');
    if (dd === 0) throw typeError(h, 'vars() argument must have __dict__ attribute');
    return dd;
  });
  fn('hash', (h, _s, args, kw) => {
    checkArity(h, 'hash', args, kw, 1, 1, 'one');
    const lo = hashOf(h, args[0]!);
    return newInt(h, A.norm(hashToBigInt(lo, HASH_HI[0]!)));
  });
  fn('id', (h, _s, args, kw) => {
    checkArity(h, 'id', args, kw, 1, 1, 'one');
    const a = h.addressOf(args[0]!);
    return v27 && a > 2 ** 63 - 1 ? newLong(h, a) : newInt(h, a);
  });
  fn('isinstance', (h, _s, args, kw) => {
    checkArity(h, 'isinstance', args, kw, 2, 2, 'unpack');
    classCheckAllocations(h, args[0]!, args[1]!, true, (c) => isInstanceOf(h, args[0]!, c));
    return pyBool(h, isInstanceOf(h, args[0]!, args[1]!));
  });
  fn('issubclass', (h, _s, args, kw) => {
    checkArity(h, 'issubclass', args, kw, 2, 2, 'unpack');
    classCheckAllocations(h, args[0]!, args[1]!, false, (c) => isSubclassOf(h, args[0]!, c));
    return pyBool(h, isSubclassOf(h, args[0]!, args[1]!));
  });
  fn('iter', (h, _s, args, kw) => {
    checkArity(h, 'iter', args, kw, 1, 2, 'unpack');
    if (args.length === 1) return getIter(h, args[0]!);
    if (!isCallable(h, args[0]!)) throw typeError(h, v27 ? 'iter(v, w): v must be callable' : 'iter(object, sentinel): object must be callable');
    return newCallableIterator(h, args[0]!, args[1]!);
  });
  fn('next', (h, _s, args, kw) => {
    checkArity(h, 'next', args, kw, 1, 2, 'unpack');
    const it = args[0]!;
    const td = tdOf(h, h.typ[it]!);
    if (td.slots.iternext === undefined && h.kind[it] !== Kind.ITERATOR) {
      throw typeError(h, v27 ? `${tpName(h, it)} object is not an iterator` : `'${tpName(h, it)}' object is not an iterator`);
    }
    // A generator or a class's own __next__ ends with the StopIteration it raised (a generator's
    // carries its return value; a class's keeps its traceback), which next() passes on.
    const t = h.typ[it]!;
    const own = t === h.t.generator || (td.tflags & TypeFlag.HEAPTYPE) !== 0 ? typeLookup(h, t, v27 ? 'next' : '__next__') : 0;
    let r: Ref;
    if (own !== 0) {
      try {
        r = call(h, own, [it]);
      } catch (e) {
        if (args.length > 1 && h.isExceptionOf(e, h.t.StopIteration)) {
          (e as PyException).release(h);
          return newRef(h, args[1]!);
        }
        throw e;
      }
      return r;
    }
    r = iterNext(h, it);
    if (r !== 0) return r;
    if (args.length > 1) return newRef(h, args[1]!);
    const exc = newExceptionObject(h, h.t.StopIteration, []);
    throw new PyException(exc, 'StopIteration');
  });
  fn('len', (h, _s, args, kw) => {
    checkArity(h, 'len', args, kw, 1, 1, 'one');
    const x = args[0]!;
    if (h.kind[x] === Kind.STR) return newInt(h, cpLength(h.payload[x] as string));
    return newInt(h, length(h, x));
  });
  fn('max', (h, _s, args, kw) => minMax(h, args, kw, true));
  fn('min', (h, _s, args, kw) => minMax(h, args, kw, false));
  fn('open', (h, _s, args, kw) => {
    const names = v27 ? ['name', 'mode', 'buffering'] : ['file', 'mode', 'buffering', 'encoding', 'errors', 'newline', 'closefd', 'opener'];
    const [file, mode] = parseArgs(h, args, kw, { fname: 'open', names, required: 1 });
    if (h.kind[file!] !== Kind.STR) {
      throw typeError(h, v27 ? `coercing to Unicode: need string or buffer, ${tpName(h, file!)} found` : `expected str, bytes or os.PathLike object, not ${tpName(h, file!)}`);
    }
    const modeS = mode === 0 ? 'r' : (h.payload[mode!] as string);
    return openFile(h, h.payload[file!] as string, modeS);
  });
  fn('pow', (h, _s, args, kw) => {
    const [base, exp, mod] = parseArgs(h, args, kw, { fname: 'pow', names: v27 ? ['x', 'y', 'z'] : ['base', 'exp', 'mod'], required: 2, posOnly: v27 ? 3 : 0 });
    if (mod !== 0 && mod !== h.None) return ternaryPow(h, base!, exp!, mod!);
    return binaryOp(h, 'Pow', base!, exp!);
  });
  fn('print', (h, _s, args, kw) => {
    // 3.12's print is Argument Clinic with `*args`: its positional arguments are packed into a
    // new tuple (the keywords are parsed from the vector, no dict) that lives while it runs, so
    // a print right after a full collection (free lists emptied) costs a gen0 allocation. 2.7's
    // print function is METH_VARARGS (VARARGS_BUILTINS).
    const n = npos(args, kw);
    if (v27 || n === 0) return print3(h, args, kw);
    const tuple = newTuple(h, args.slice(0, n));
    try {
      return print3(h, args, kw);
    } finally {
      h.decref(tuple);
    }
  });
  fn('repr', (h, _s, args, kw) => {
    checkArity(h, 'repr', args, kw, 1, 1, 'one');
    return newStr(h, reprOf(h, args[0]!));
  });
  fn('round', (h, _s, args, kw) => roundBuiltin(h, args, kw));
  fn('sorted', (h, _s, args, kw) => {
    const n = npos(args, kw);
    if (v27) {
      const [it] = parseArgs(h, args.slice(0, Math.min(1, n)), null, { fname: 'sorted', names: ['iterable'], required: 1 });
      const rest = [...args.slice(1)];
      const { key, reverse, cmp } = sortArgs(h, 'sorted', rest, kw);
      const l = newListSteal(h, collect(h, it!));
      let sort = 0;
      try {
        sort = boundSort(h, l);
        sortList(h, l, key, reverse, cmp);
      } catch (e) {
        h.decref(l);
        throw e;
      } finally {
        if (sort !== 0) h.decref(sort);
      }
      return l;
    }
    if (n !== 1) throw typeError(h, `sorted expected 1 argument, got ${n}`);
    const { key, reverse } = sortArgs(h, 'sort', args.slice(1), kw);
    const l = newListSteal(h, collect(h, args[0]!));
    let sort = 0;
    try {
      sort = boundSort(h, l);
      sortList(h, l, key, reverse);
    } catch (e) {
      h.decref(l);
      throw e;
    } finally {
      if (sort !== 0) h.decref(sort);
    }
    return l;
  });
  fn('sum', (h, _s, args, kw) => {
    if (v27) {
      if (kw !== null && kw.length > 0) throw typeError(h, 'sum() takes no keyword arguments');
      checkArity(h, 'sum', args, kw, 1, 2, 'unpack');
      return sumOf(h, args[0]!, args[1] ?? zero(h));
    }
    const [it, start] = parseArgs(h, args, kw, { fname: 'sum', names: ['', 'start'], required: 1, posOnly: 1 });
    if (start === 0) {
      const z = newInt(h, 0);
      try {
        return sumOf(h, it!, z);
      } finally {
        h.decref(z);
      }
    }
    return sumOf(h, it!, start!);
  });
  fn('__import__', (h, _s, args, kw) => {
    const [name, , , fromlist, level] = parseArgs(h, args, kw, { fname: '__import__', names: ['name', 'globals', 'locals', 'fromlist', 'level'], required: 1 });
    if (h.kind[name!] !== Kind.STR) throw typeError(h, v27 ? '__import__() argument 1 must be string, not ' + tpName(h, name!) : `__import__() argument 1 must be str, not ${tpName(h, name!)}`);
    const lv = level === 0 ? (v27 ? -1 : 0) : Number(indexValue(h, level!));
    return H().importModule(h.payload[name!] as string, fromlist || h.None, lv);
  });
  fn(v27 ? 'raw_input' : 'input', (h, _s, args, kw) => inputLine(h, args, kw, v27 ? 'raw_input' : 'input'));
  if (!v27) {
    fn('breakpoint', (h) => none(h));
  }

  // ---- 2.7 only -------------------------------------------------------------------------------
  if (v27) {
    fn('input', (h) => {
      throw pyErr(h, h.t.NotImplementedError, 'input() evaluates its input, which HeapLab does not support; use raw_input()');
    });
    fn('range', (h, _s, args, kw) => range27List(h, args, kw));
    fn('cmp', (h, _s, args, kw) => {
      checkArity(h, 'cmp', args, kw, 2, 2, 'unpack');
      return newInt(h, cmp27(h, args[0]!, args[1]!));
    });
    fn('reduce', (h, _s, args, kw) => {
      checkArity(h, 'reduce', args, kw, 2, 3, 'unpack');
      const f = args[0]!;
      let acc = args.length > 2 ? newRef(h, args[2]!) : 0;
      try {
        forEach(h, args[1]!, (x) => {
          if (acc === 0) {
            acc = newRef(h, x);
            return;
          }
          const r = call(h, f, [acc, x]);
          h.decref(acc);
          acc = r;
        });
      } catch (e) {
        h.xdecref(acc);
        throw e;
      }
      if (acc === 0) throw typeError(h, 'reduce() of empty sequence with no initial value');
      return acc;
    });
    fn('unichr', (h, _s, args, kw) => {
      checkArity(h, 'unichr', args, kw, 1, 1, 'one');
      const v = indexValue(h, args[0]!);
      if (typeof v === 'bigint' || v < 0 || v >= 0x110000) throw pyErr(h, h.t.ValueError, 'unichr() arg not in range(0x110000) (wide Python build)');
      return newUnicode(h, String.fromCodePoint(v));
    });
    fn('intern', (h, _s, args, kw) => {
      checkArity(h, 'intern', args, kw, 1, 1, 'one');
      const s = args[0]!;
      if (h.typ[s] !== h.t.str) throw typeError(h, `intern() argument 1 must be string, not ${tpName(h, s)}`);
      return intern(h, h.payload[s] as string);
    });
    fn('apply', (h, _s, args, kw) => {
      checkArity(h, 'apply', args, kw, 1, 3, 'unpack');
      const pos = args.length > 1 ? collect(h, args[1]!) : [];
      const names: string[] = [];
      try {
        if (args.length > 2 && args[2] !== h.None) {
          const e = dictEntries(h, args[2]!);
          for (let i = 0; i < e.length; i += 2) {
            names.push(h.payload[e[i]!] as string);
            pos.push(newRef(h, e[i + 1]!));
          }
        }
        return call(h, args[0]!, pos, names.length > 0 ? names : null);
      } finally {
        for (const x of pos) h.decref(x);
      }
    });
    fn('coerce', (h, _s, args, kw) => {
      checkArity(h, 'coerce', args, kw, 2, 2, 'unpack');
      const [a, b] = args as [Ref, Ref];
      const num = (r: Ref) => h.kind[r] === Kind.INT || h.kind[r] === Kind.BOOL || h.kind[r] === Kind.FLOAT;
      if (!num(a) || !num(b)) throw typeError(h, 'number coercion failed');
      if (h.kind[a] === Kind.FLOAT || h.kind[b] === Kind.FLOAT) {
        const x = newFloat(h, floatValueOf(h, a));
        const y = newFloat(h, floatValueOf(h, b));
        return newTupleSteal(h, [x, y]);
      }
      if (isLong(h, a) || isLong(h, b)) return newTupleSteal(h, [newLong(h, h.payload[a] as IntV), newLong(h, h.payload[b] as IntV)]);
      return newTuple(h, [a, b]);
    });
    fn('zip', (h, _s, args, kw) => {
      if (kw !== null && kw.length > 0) throw typeError(h, 'zip() does not take keyword arguments');
      if (args.length === 0) return newList(h, []);
      const its = args.map((a, i) => {
        try {
          return getIter(h, a);
        } catch (e) {
          if (h.isExceptionOf(e, h.t.TypeError)) {
            h.decref(e.exc);
            throw typeError(h, `zip argument #${i + 1} must support iteration`);
          }
          throw e;
        }
      });
      const rows: Ref[] = [];
      try {
        for (;;) {
          const row: Ref[] = [];
          for (const it of its) {
            const x = iterNext(h, it);
            if (x === 0) {
              for (const y of row) h.decref(y);
              return newListSteal(h, rows.splice(0));
            }
            row.push(x);
          }
          rows.push(newTupleSteal(h, row));
        }
      } finally {
        for (const it of its) h.decref(it);
        for (const r of rows) h.decref(r);
      }
    });
    fn('map', (h, _s, args, kw) => {
      if (kw !== null && kw.length > 0) throw typeError(h, 'map() does not take keyword arguments');
      if (args.length < 2) throw typeError(h, 'map() requires at least two args');
      const f = args[0]!;
      const its = args.slice(1).map((a, i) => {
        try {
          return getIter(h, a);
        } catch (e) {
          if (h.isExceptionOf(e, h.t.TypeError)) {
            h.decref(e.exc);
            throw typeError(h, `argument ${i + 2} to map() must support iteration`);
          }
          throw e;
        }
      });
      const out: Ref[] = [];
      try {
        for (;;) {
          const row: Ref[] = [];
          let alive = 0;
          for (const it of its) {
            const x = iterNext(h, it);
            if (x === 0) row.push(newRef(h, h.None));
            else {
              row.push(x);
              alive++;
            }
          }
          if (alive === 0) {
            for (const y of row) h.decref(y);
            return newListSteal(h, out.splice(0));
          }
          try {
            if (f === h.None) out.push(row.length === 1 ? newRef(h, row[0]!) : newTuple(h, row));
            else out.push(call(h, f, row));
          } finally {
            for (const y of row) h.decref(y);
          }
        }
      } finally {
        for (const it of its) h.decref(it);
        for (const r of out) h.decref(r);
      }
    });
    fn('filter', (h, _s, args, kw) => {
      checkArity(h, 'filter', args, kw, 2, 2, 'unpack');
      const [f, seq] = args as [Ref, Ref];
      const keep = (x: Ref): boolean => {
        if (f === h.None) return isTrue(h, x);
        const r = call(h, f, [x]);
        try {
          return isTrue(h, r);
        } finally {
          h.decref(r);
        }
      };
      if (h.kind[seq] === Kind.STR && (h.typ[seq] === h.t.str || h.typ[seq] === h.t.unicode)) {
        let out = '';
        forEach(h, seq, (x) => {
          if (keep(x)) out += h.payload[x] as string;
        });
        return isUnicode27(h, seq) ? newUnicode(h, out) : newStr(h, out);
      }
      const items: Ref[] = [];
      try {
        forEach(h, seq, (x) => {
          if (keep(x)) items.push(newRef(h, x));
        });
      } catch (e) {
        for (const x of items) h.decref(x);
        throw e;
      }
      if (h.kind[seq] === Kind.TUPLE && h.typ[seq] === h.t.tuple) return newTupleSteal(h, items);
      return newListSteal(h, items);
    });
  }

  // exit / quit
  const quitter = makeType(heap, { name: 'Quitter', module: '_sitebuiltins', gc: false });
  setSlot(heap, quitter, 'call', (h, q, args) => {
    const code = args[0] ?? h.None;
    const e = makeException(h, h.t.SystemExit, code === h.None && args.length === 0 ? [] : [code]);
    throw new PyException(e, 'SystemExit');
  });
  for (const name of ['exit', 'quit']) {
    const q = heap.alloc(quitter, Kind.NATIVE, { refs: [], ext: name });
    setSlot(heap, quitter, 'repr', (h, r) => `Use ${(h.payload[r] as { ext: string }).ext}() or Ctrl-D (i.e. EOF) to exit`);
    put(name, q);
    heap.decref(q);
  }
  st.builtins = m;
  void genericSetAttr;
  void dictGetItem;
  void newDict;
  void richCompare;
  void compareOp;
  void floatToIntValue;
  void strText;
  return m;
}

function zero(heap: Heap): Ref {
  return heap.smallInts[5]!;
}

function getAttrOrNullDrop(heap: Heap, obj: Ref, name: string): boolean {
  const r = getAttrOrNull(heap, obj, name);
  if (r === 0) return false;
  heap.decref(r);
  return true;
}

function inputLine(heap: Heap, args: readonly Ref[], kwnames: readonly string[] | null, name: string): Ref {
  checkArity(heap, name, args, kwnames, 0, 1, 'unpack');
  const hooks = libState(heap).hooks;
  if (args.length > 0) {
    const out = hooks.stdout();
    writeTo(heap, out, strOf(heap, args[0]!));
  }
  const stdin = (hooks as RuntimeHooks & { stdin?: () => Ref }).stdin?.() ?? 0;
  if (stdin === 0 || stdin === heap.None) throw pyErr(heap, heap.t.EOFError, 'EOF when reading a line');
  const line = callMethod(heap, stdin, 'readline', []);
  try {
    const s = heap.payload[line] as string;
    if (s.length === 0) throw pyErr(heap, heap.t.EOFError, 'EOF when reading a line');
    return newStr(heap, s.endsWith('\n') ? s.slice(0, -1) : s);
  } finally {
    heap.decref(line);
  }
}

export { indexValueOrNull };

/**
 * `sorted()` sorts its new list by calling the list's `sort` method, looked up as an attribute:
 * a bound builtin method (from the builtin-method free list), alive during the sort.
 */
function boundSort(heap: Heap, l: Ref): Ref {
  return getAttr(heap, l, 'sort');
}
