/**
 * BaseException and the exception hierarchy: `__new__`/`__init__` storing `args`, the
 * `args`/`__traceback__`/`__cause__`/`__context__`/`__suppress_context__` attributes, 2.7's
 * `message`, and the per-class attributes and `__str__` of KeyError, SystemExit, StopIteration,
 * SyntaxError, OSError (3.12's errno → subclass mapping), ImportError, UnicodeError, NameError
 * and AttributeError.
 *
 * Extra per-class fields that are not derived from `args` (OSError's `filename`, ImportError's
 * `name`/`path`, explicitly assigned fields) live in a private dict held by the exception's
 * `notes` slot, so the collector sees and releases them.
 */
import {
  attributeError,
  dictDelStr,
  dictEntries,
  objectDict,
  typeLookup,
  dictGetStr,
  dictSetStr,
  type ExceptionData,
  Flag,
  type Heap,
  isSubtype,
  Kind,
  newDict,
  newExceptionWithArgs,
  newInt,
  newList,
  newStr,
  newTuple,
  newTupleSteal,
  PyException,
  type Ref,
  reprOf,
  strOf,
  type TypeData,
  builtinRepr,
  listAppend,
  getAttrOrNull,
  setAttr,
} from '@heaplab/heap';
import { libState } from '../state.js';
import { checkArity, collect, is27, isHeapType, isUnicode27, newRef, none, pyBool, pyErr, typeError } from '../util.js';
import { allocOf, defineNew, getset, makeType, method, setSlot, tdOf } from './define.js';

function data(heap: Heap, e: Ref): ExceptionData {
  return heap.payload[e] as ExceptionData;
}

function argsOf(heap: Heap, e: Ref): readonly Ref[] {
  const a = data(heap, e).args;
  return a === 0 ? [] : (heap.payload[a] as Ref[]);
}

/** A private field (borrowed) or 0. */
function field(heap: Heap, e: Ref, name: string): Ref {
  const d = data(heap, e).notes;
  return d === 0 ? 0 : dictGetStr(heap, d, name);
}

/** Make `dst` hold exactly the items of `src` (used for `e.__dict__ = d` on subclass instances). */
function dictClearInto(heap: Heap, dst: Ref, src: Ref): void {
  const taken = (heap.payload[dst] as { store: { takeAll(): Ref[] } }).store.takeAll();
  const e = dictEntries(heap, src);
  for (let i = 0; i < e.length; i += 2) dictSetStr(heap, dst, heap.payload[e[i]!] as string, e[i + 1]!);
  for (const x of taken) heap.decref(x);
}

/** Set a private field (value increfed). */
function setField(heap: Heap, e: Ref, name: string, value: Ref): void {
  const ed = data(heap, e);
  if (ed.notes === 0) ed.notes = newDict(heap);
  dictSetStr(heap, ed.notes, name, value);
}

// ============================================================================================
// Instance dicts
// ============================================================================================

/**
 * `e.__dict__` (creating it). Instances of the static exception types keep it in
 * `ExceptionData.dict` (which the heap traverses and releases); instances of classes derived
 * from them use the heap's generic storage for builtin-layout subclasses.
 */
function excDict(heap: Heap, e: Ref): Ref {
  if (isHeapType(heap, heap.typ[e]!)) {
    const d = objectDict(heap, e, true);
    if (d !== 0) return d;
  }
  const ed = data(heap, e);
  if (ed.dict === 0) ed.dict = newDict(heap);
  return ed.dict;
}

/** `PyObject_GenericGetAttr` for static exception types, with the instance dict in ExceptionData. */
function excGetattrOrNull(heap: Heap, e: Ref, name: string): Ref {
  const type = heap.typ[e]!;
  const descr = typeLookup(heap, type, name);
  let get: ((h: Heap, d: Ref, o: Ref, t: Ref) => Ref) | undefined;
  if (descr !== 0) {
    const dtd = heap.payload[heap.typ[descr]!] as TypeData;
    get = dtd.slots.descrGet;
    if (get !== undefined && dtd.slots.descrSet !== undefined) return get(heap, descr, e, type);
  }
  const d = data(heap, e).dict;
  if (d !== 0) {
    const v = dictGetStr(heap, d, name);
    if (v !== 0) return newRef(heap, v);
  }
  if (get !== undefined) return get(heap, descr, e, type);
  if (descr !== 0) return newRef(heap, descr);
  return 0;
}

function excSetattr(heap: Heap, e: Ref, name: string, value: Ref): void {
  const descr = typeLookup(heap, heap.typ[e]!, name);
  if (descr !== 0) {
    const set = (heap.payload[heap.typ[descr]!] as TypeData).slots.descrSet;
    if (set !== undefined) {
      heap.incref(descr);
      try {
        set(heap, descr, e, value);
      } finally {
        heap.decref(descr);
      }
      return;
    }
  }
  if (value === 0) {
    const d = data(heap, e).dict;
    if (d === 0 || !dictDelStr(heap, d, name)) throw attributeError(heap, e, name);
    return;
  }
  dictSetStr(heap, excDict(heap, e), name, value);
}

// ============================================================================================
// Construction helpers
// ============================================================================================

/** 3.12 errno → OSError subclass names. */
const ERRNO_MAP: Record<number, string> = {
  1: 'PermissionError',
  2: 'FileNotFoundError',
  3: 'ProcessLookupError',
  4: 'InterruptedError',
  10: 'ChildProcessError',
  11: 'BlockingIOError',
  13: 'PermissionError',
  17: 'FileExistsError',
  20: 'NotADirectoryError',
  21: 'IsADirectoryError',
  32: 'BrokenPipeError',
  103: 'ConnectionAbortedError',
  104: 'ConnectionResetError',
  108: 'BrokenPipeError',
  110: 'TimeoutError',
  111: 'ConnectionRefusedError',
  114: 'BlockingIOError',
  115: 'BlockingIOError',
};

/** Does `type` inherit OSError's constructor (2.7: EnvironmentError's)? */
function isOsErrorType(heap: Heap, type: Ref): boolean {
  return isSubtype(heap, type, is27(heap) ? heap.t.EnvironmentError : heap.t.OSError);
}

/** Set a slot on a static exception type and every static exception type below it. */
function setSlotDeep<K extends 'str' | 'repr'>(heap: Heap, type: Ref, name: K, fn: NonNullable<TypeData['slots'][K]>): void {
  const all = new Set<Ref>([...heap.t.exceptionsByName.values(), ...libState(heap).types.values()]);
  for (const r of all) {
    if (r === 0 || heap.kind[r] !== Kind.TYPE) continue;
    if (isSubtype(heap, r, type)) (heap.payload[r] as TypeData).slots[name] = fn;
  }
}

/** Store `args` (new tuple built from the call arguments) and apply per-class initialisation. */
function initException(heap: Heap, e: Ref, args: readonly Ref[], kwnames: readonly string[] | null): void {
  const type = heap.typ[e]!;
  const npos = args.length - (kwnames?.length ?? 0);
  let pos = args.slice(0, npos);
  const ed = data(heap, e);
  if (kwnames !== null && kwnames.length > 0) {
    const allowed = isSubtype(heap, type, heap.t.ImportError) ? ['name', 'path', ...(is27(heap) ? [] : ['name_from'])] : isSubtype(heap, type, heap.t.NameError) && !is27(heap) ? ['name'] : isSubtype(heap, type, heap.t.AttributeError) && !is27(heap) ? ['name', 'obj'] : [];
    if (allowed.length === 0 || is27(heap)) {
      const tn = is27(heap) ? tdOf(heap, type).tpName : tdOf(heap, type).name;
      throw typeError(heap, is27(heap) ? `${tn} does not take keyword arguments` : `${tn}() takes no keyword arguments`);
    }
    kwnames.forEach((k, j) => {
      if (!allowed.includes(k)) throw typeError(heap, `'${k}' is an invalid keyword argument for ${tdOf(heap, type).name}()`);
      setField(heap, e, k, args[npos + j]!);
    });
  }
  // OSError: (errno, strerror[, filename[, winerror[, filename2]]])
  if (isOsErrorType(heap, type)) {
    const v27 = is27(heap);
    const n = pos.length;
    if ((v27 && (n === 2 || n === 3)) || (!v27 && n >= 2 && n <= 5)) {
      if (n >= 3) setField(heap, e, 'filename', pos[2]!);
      if (!v27 && n >= 5) setField(heap, e, 'filename2', pos[4]!);
      if (n >= 3) pos = pos.slice(0, 2);
    }
  }
  const old = ed.args;
  ed.args = newTuple(heap, pos);
  heap.xdecref(old);
  if (is27(heap)) {
    const oldMsg = ed.message;
    ed.message = pos.length === 1 ? newRef(heap, pos[0]!) : newStr(heap, '');
    heap.xdecref(oldMsg);
  }
}

/** `BaseException.__new__(cls, *args)`. */
function excNew(heap: Heap, cls: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  let type = cls;
  const npos = args.length - (kwnames?.length ?? 0);
  if (!is27(heap) && type === heap.t.OSError && npos >= 2) {
    const en = args[0]!;
    if (heap.kind[en] === Kind.INT) {
      const name = ERRNO_MAP[Number(heap.payload[en])];
      const sub = name === undefined ? 0 : (heap.t.exceptionsByName.get(name) ?? libState(heap).types.get(name) ?? 0);
      if (sub !== 0) type = sub;
    }
  }
  const argsTuple = is27(heap) ? newTuple(heap, []) : newTuple(heap, args.slice(0, npos));
  let e: Ref;
  if (tdOf(heap, type).tflags & 2 /* HEAPTYPE */) {
    e = allocOf(heap, type, Kind.EXCEPTION, {
      dict: 0,
      args: argsTuple,
      notes: 0,
      traceback: 0,
      cause: 0,
      context: 0,
      suppressContext: false,
      message: is27(heap) ? newStr(heap, '') : 0,
      errName: 0,
      errObj: 0,
    } satisfies ExceptionData);
  } else {
    e = newExceptionWithArgs(heap, type, argsTuple);
    if (is27(heap)) {
      const ed = data(heap, e);
      heap.xdecref(ed.message);
      ed.message = newStr(heap, '');
    }
  }
  // OSError and friends initialise in __new__ too (their __init__ may be overridden).
  if (isOsErrorType(heap, type) && !is27(heap)) initException(heap, e, args, null);
  return e;
}

/**
 * A new exception instance of `type` called with `args` (new reference), as `type(*args)`
 * would build it for builtin exception types.
 *
 * @example
 * ```ts
 * reprOf(heap, makeException(heap, heap.t.ValueError, [newStr(heap, 'x')])); // "ValueError('x')"
 * ```
 */
export function makeException(heap: Heap, type: Ref, args: readonly Ref[]): Ref {
  const e = excNew(heap, type, args, null);
  try {
    initException(heap, e, args, null);
  } catch (err) {
    heap.decref(e);
    throw err;
  }
  return e;
}

/**
 * An OSError-family exception `type(errno, strerror, filename)` ready to throw.
 *
 * @example
 * ```ts
 * throw newOSError(heap, heap.t.FileNotFoundError, 2, 'No such file or directory', 'x.txt');
 * ```
 */
export function newOSError(heap: Heap, type: Ref, errno: number, strerror: string, filename: string): PyException {
  const a = newInt(heap, errno);
  const b = newStr(heap, strerror);
  const c = newStr(heap, filename);
  try {
    const e = makeException(heap, type, [a, b, c]);
    return new PyException(e, `${tdOf(heap, heap.typ[e]!).name}: [Errno ${errno}] ${strerror}: '${filename}'`);
  } finally {
    heap.decref(a);
    heap.decref(b);
    heap.decref(c);
  }
}

/**
 * A SyntaxError-family exception with CPython's `args` layout `(msg, (filename, lineno,
 * offset, text[, end_lineno, end_offset]))`, ready to throw.
 *
 * @example
 * ```ts
 * throw newSyntaxError(heap, heap.t.SyntaxError, 'invalid syntax', 'x.py', 1, 5, 'x = = 1\n');
 * ```
 */
export function newSyntaxError(
  heap: Heap,
  type: Ref,
  msg: string,
  filename: string | null,
  lineno: number | null,
  offset: number | null,
  text: string | null,
  endLineno: number | null = null,
  endOffset: number | null = null,
): PyException {
  const mk = (v: string | number | null): Ref => (v === null ? newRef(heap, heap.None) : typeof v === 'number' ? newInt(heap, v) : newStr(heap, v));
  const parts = [mk(filename), mk(lineno), mk(offset), mk(text)];
  if (!is27(heap) && (endLineno !== null || endOffset !== null)) parts.push(mk(endLineno), mk(endOffset));
  const details = newTupleSteal(heap, parts);
  const m = newStr(heap, msg);
  try {
    const e = makeException(heap, type, [m, details]);
    return new PyException(e, `${tdOf(heap, type).name}: ${msg}`);
  } finally {
    heap.decref(m);
    heap.decref(details);
  }
}

// ============================================================================================
// __str__ of the special classes
// ============================================================================================

function baseStr(heap: Heap, e: Ref): string {
  const a = argsOf(heap, e);
  if (a.length === 0) return '';
  if (a.length === 1) return strOf(heap, a[0]!);
  return reprOf(heap, data(heap, e).args);
}

function keyErrorStr(heap: Heap, e: Ref): string {
  const a = argsOf(heap, e);
  if (a.length === 1) return reprOf(heap, a[0]!);
  return baseStr(heap, e);
}

function basename(s: string): string {
  const i = s.lastIndexOf('/');
  return i >= 0 ? s.slice(i + 1) : s;
}

/** SyntaxError details from args: [msg, filename, lineno, offset, text, end_lineno, end_offset] (borrowed, 0 if absent). */
function syntaxFields(heap: Heap, e: Ref): Record<string, Ref> {
  const a = argsOf(heap, e);
  const out: Record<string, Ref> = { msg: a[0] ?? 0, filename: 0, lineno: 0, offset: 0, text: 0, end_lineno: 0, end_offset: 0 };
  if (a.length === 2 && heap.kind[a[1]!] === Kind.TUPLE) {
    const d = heap.payload[a[1]!] as Ref[];
    ['filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset'].forEach((k, i) => {
      if (i < d.length) out[k] = d[i]!;
    });
  }
  for (const k of Object.keys(out)) {
    const f = field(heap, e, k);
    if (f !== 0) out[k] = f;
  }
  return out;
}

function syntaxErrorStr(heap: Heap, e: Ref): string {
  const f = syntaxFields(heap, e);
  const msg = f.msg === 0 ? 'None' : strOf(heap, f.msg!);
  const fn = f.filename !== 0 && f.filename !== heap.None && heap.kind[f.filename!] === Kind.STR ? basename(heap.payload[f.filename!] as string) : null;
  const ln = f.lineno !== 0 && f.lineno !== heap.None && heap.kind[f.lineno!] === Kind.INT ? String(heap.payload[f.lineno!]) : null;
  if (fn !== null && ln !== null) return `${msg} (${fn}, line ${ln})`;
  if (fn !== null) return `${msg} (${fn})`;
  if (ln !== null) return `${msg} (line ${ln})`;
  return msg;
}

function osErrorStr(heap: Heap, e: Ref): string {
  const a = argsOf(heap, e);
  const fname = field(heap, e, 'filename');
  const fname2 = field(heap, e, 'filename2');
  const errno = field(heap, e, 'errno') || (a.length >= 2 ? a[0]! : 0);
  const strerror = field(heap, e, 'strerror') || (a.length >= 2 ? a[1]! : 0);
  if (fname !== 0 && fname !== heap.None) {
    const base = `[Errno ${errno === 0 ? 'None' : strOf(heap, errno)}] ${strerror === 0 ? 'None' : strOf(heap, strerror)}: ${reprOf(heap, fname)}`;
    if (fname2 !== 0 && fname2 !== heap.None) return `${base} -> ${reprOf(heap, fname2)}`;
    return base;
  }
  if (errno !== 0 && strerror !== 0 && a.length === 2) return `[Errno ${strOf(heap, errno)}] ${strOf(heap, strerror)}`;
  return baseStr(heap, e);
}

function unicodeErrorStr(heap: Heap, e: Ref, which: 'decode' | 'encode' | 'translate'): string {
  const a = argsOf(heap, e);
  if (a.length < (which === 'translate' ? 4 : 5)) return baseStr(heap, e);
  const [enc, obj, st, en, reason] = which === 'translate' ? [0, a[0]!, a[1]!, a[2]!, a[3]!] : a;
  const start = Number(heap.payload[st!]);
  const end = Number(heap.payload[en!]);
  const s = heap.payload[obj!] as string;
  const r = strOf(heap, reason!);
  if (which === 'decode') {
    const encName = strOf(heap, enc!);
    if (end === start + 1) return `'${encName}' codec can't decode byte 0x${s.charCodeAt(start).toString(16).padStart(2, '0')} in position ${start}: ${r}`;
    return `'${encName}' codec can't decode bytes in position ${start}-${end - 1}: ${r}`;
  }
  const encPart = which === 'encode' ? `'${strOf(heap, enc!)}' codec can't encode` : "can't translate";
  if (end === start + 1) {
    const cp = Array.from(s)[start]!.codePointAt(0)!;
    const esc = cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
    return `${encPart} character ${is27(heap) ? 'u' : ''}'${esc}' in position ${start}: ${r}`;
  }
  return `${encPart} characters in position ${start}-${end - 1}: ${r}`;
}

// ============================================================================================
// Installation
// ============================================================================================

/** 3.12 builtin exceptions the heap's bootstrap does not create. */
const EXTRA_312: readonly [string, string][] = [
  ['FileExistsError', 'OSError'],
  ['PermissionError', 'OSError'],
  ['IsADirectoryError', 'OSError'],
  ['NotADirectoryError', 'OSError'],
  ['InterruptedError', 'OSError'],
  ['ChildProcessError', 'OSError'],
  ['ProcessLookupError', 'OSError'],
  ['TimeoutError', 'OSError'],
  ['BlockingIOError', 'OSError'],
  ['ConnectionError', 'OSError'],
  ['BrokenPipeError', 'ConnectionError'],
  ['ConnectionAbortedError', 'ConnectionError'],
  ['ConnectionRefusedError', 'ConnectionError'],
  ['ConnectionResetError', 'ConnectionError'],
];

/**
 * Every exception type (heap's and the library's), by name.
 *
 * @example
 * ```ts
 * exceptionTypes(heap).get('PermissionError'); // 3.12: a library-created subclass of OSError
 * ```
 */
export function exceptionTypes(heap: Heap): Map<string, Ref> {
  const out = new Map(heap.t.exceptionsByName);
  for (const [name, r] of libState(heap).types) if ((tdOf(heap, r).tflags & 64) !== 0 && !name.includes('.') && tdOf(heap, r).module !== 'io') out.set(name, r);
  return out;
}

/**
 * Install BaseException and the exception hierarchy's behaviour.
 *
 * @example
 * ```ts
 * installExceptionTypes(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installExceptionTypes(heap: Heap): void {
  const t = heap.t;
  const v27 = is27(heap);
  if (!v27) {
    for (const [name, parent] of EXTRA_312) {
      const base = t.exceptionsByName.get(parent) ?? libState(heap).types.get(parent)!;
      makeType(heap, { name, base, layout: Kind.EXCEPTION, basetype: true });
    }
  }
  // Attribute storage of the static exception types' instances (ExceptionData.dict).
  for (const r of new Set([...t.exceptionsByName.values(), ...libState(heap).types.values()])) {
    if (r === 0 || heap.kind[r] !== Kind.TYPE || !isSubtype(heap, r, t.BaseException) || isHeapType(heap, r)) continue;
    const slots = (heap.payload[r] as TypeData).slots;
    slots.getattroOrNull = excGetattrOrNull;
    slots.getattro = (h, e, name) => {
      const v = excGetattrOrNull(h, e, name);
      if (v === 0) throw attributeError(h, e, name);
      return v;
    };
    slots.setattro = excSetattr;
  }

  const B = t.BaseException;
  defineNew(heap, B, excNew);
  method(heap, B, '__init__', (h, self, args, kw) => {
    initException(h, self, args, kw);
    return none(h);
  });
  getset(
    heap,
    B,
    'args',
    (h, e) => newRef(h, data(h, e).args || h.emptyTuple),
    (h, e, v) => {
      if (v === 0) throw typeError(h, 'args may not be deleted');
      const items = collect(h, v);
      const ed = data(h, e);
      const old = ed.args;
      ed.args = newTupleSteal(h, items);
      h.xdecref(old);
    },
  );
  getset(
    heap,
    B,
    '__dict__',
    (h, e) => newRef(h, excDict(h, e)),
    (h, e, v) => {
      if (v === 0 || h.kind[v] !== Kind.DICT) throw typeError(h, '__dict__ must be a dictionary');
      if (isHeapType(h, h.typ[e]!)) {
        // Replace the generic storage's dict.
        const cur = objectDict(h, e, true);
        if (cur === v) return;
        dictClearInto(h, cur, v);
        return;
      }
      const ed = data(h, e);
      const old = ed.dict;
      h.incref(v);
      ed.dict = v;
      h.xdecref(old);
    },
  );
  if (v27) {
    getset(
      heap,
      B,
      'message',
      (h, e) => {
        const d = data(h, e).dict;
        const m = d === 0 ? 0 : dictGetStr(h, d, 'message');
        if (m !== 0) return newRef(h, m);
        return newRef(h, data(h, e).message || h.None);
      },
      (h, e, v) => {
        if (v === 0) {
          const ed = data(h, e);
          h.xdecref(ed.message);
          ed.message = 0;
          return;
        }
        dictSetStr(h, excDict(h, e), 'message', v);
      },
    );
  }
  if (!v27) {
    const refField = (name: 'traceback' | 'cause' | 'context', check: (h: Heap, v: Ref) => boolean, msg: string) =>
      getset(
        heap,
        B,
        `__${name}__`,
        (h, e) => newRef(h, data(h, e)[name] || h.None),
        (h, e, v) => {
          if (v === 0) throw typeError(h, `${name === 'traceback' ? '__traceback__' : name === 'cause' ? '__cause__' : '__context__'} may not be deleted`);
          if (v !== h.None && !check(h, v)) throw typeError(h, msg);
          const ed = data(h, e);
          const old = ed[name];
          const nv = v === h.None ? 0 : v;
          h.xincref(nv);
          ed[name] = nv;
          if (name === 'cause') ed.suppressContext = true;
          h.xdecref(old);
        },
      );
    refField('traceback', (h, v) => h.kind[v] === Kind.TRACEBACK, '__traceback__ must be a traceback or None');
    refField('cause', (h, v) => h.kind[v] === Kind.EXCEPTION, 'exception cause must be None or derive from BaseException');
    refField('context', (h, v) => h.kind[v] === Kind.EXCEPTION, 'exception context must be None or derive from BaseException');
    getset(
      heap,
      B,
      '__suppress_context__',
      (h, e) => pyBool(h, data(h, e).suppressContext),
      (h, e, v) => {
        data(h, e).suppressContext = v !== 0 && v === h.True;
      },
    );
    method(heap, B, 'with_traceback', (h, e, args, kw) => {
      checkArity(h, 'BaseException.with_traceback', args, kw, 1, 1, 'one');
      const tb = args[0]!;
      if (tb !== h.None && h.kind[tb] !== Kind.TRACEBACK) throw typeError(h, '__traceback__ must be a traceback or None');
      const ed = data(h, e);
      const old = ed.traceback;
      const nv = tb === h.None ? 0 : tb;
      h.xincref(nv);
      ed.traceback = nv;
      h.xdecref(old);
      return newRef(h, e);
    });
    method(heap, B, 'add_note', (h, e, args, kw) => {
      checkArity(h, 'BaseException.add_note', args, kw, 1, 1, 'one');
      const note = args[0]!;
      if (h.kind[note] !== Kind.STR) throw typeError(h, `note must be a str, not '${h.typeName(note)}'`);
      let notes = getAttrOrNull(h, e, '__notes__');
      if (notes === 0) {
        notes = newList(h, []);
        try {
          setAttr(h, e, '__notes__', notes);
        } catch (err) {
          h.decref(notes);
          throw err;
        }
      }
      try {
        if (h.kind[notes] !== Kind.LIST) throw typeError(h, 'Cannot add note: __notes__ is not a list');
        listAppend(h, notes, note);
      } finally {
        h.decref(notes);
      }
      return none(h);
    });
  }
  method(heap, B, '__str__', (h, e) => newStr(h, strOf(h, e)));
  method(heap, B, '__repr__', (h, e) => newStr(h, builtinRepr(h, e)));
  method(heap, B, '__reduce__', (h, e) => {
    const items = [h.typ[e]!, data(h, e).args || h.emptyTuple];
    const d = data(h, e).dict;
    if (d !== 0) items.push(d);
    return newTuple(h, items);
  });
  method(heap, B, '__setstate__', (h, e, args) => {
    const st = args[0]!;
    if (st !== h.None && h.kind[st] === Kind.DICT) {
      const entries = (h.payload[st] as { store: { next(p: number): number; keyAt(p: number): Ref; valueAt(p: number): Ref } }).store;
      for (let p = entries.next(0); p >= 0; p = entries.next(p + 1)) {
        const k = entries.keyAt(p);
        if (h.kind[k] === Kind.STR) setAttr(h, e, h.payload[k] as string, entries.valueAt(p));
      }
    }
    return none(h);
  });

  // ---- special classes -----------------------------------------------------------------------
  setSlotDeep(heap, t.KeyError, 'str', keyErrorStr);
  method(heap, t.KeyError, '__str__', (h, e) => newStr(h, keyErrorStr(h, e)));

  const derived = (type: Ref, name: string, get: (h: Heap, e: Ref) => Ref) => {
    if (type === 0) return;
    getset(
      heap,
      type,
      name,
      (h, e) => {
        const f = field(h, e, name);
        if (f !== 0) return newRef(h, f);
        return get(h, e);
      },
      (h, e, v) => setField(h, e, name, v === 0 ? h.None : v),
    );
  };
  derived(t.SystemExit, 'code', (h, e) => {
    const a = argsOf(h, e);
    if (a.length === 0) return none(h);
    if (a.length === 1) return newRef(h, a[0]!);
    return newRef(h, data(h, e).args);
  });
  if (!v27) {
    derived(t.StopIteration, 'value', (h, e) => newRef(h, argsOf(h, e)[0] ?? h.None));
  }
  for (const name of ['msg', 'filename', 'lineno', 'offset', 'text', ...(v27 ? [] : ['end_lineno', 'end_offset'])]) {
    derived(t.SyntaxError, name, (h, e) => newRef(h, syntaxFields(h, e)[name] || h.None));
  }
  derived(t.SyntaxError, 'print_file_and_line', (h) => none(h));
  setSlotDeep(heap, t.SyntaxError, 'str', syntaxErrorStr);
  method(heap, t.SyntaxError, '__str__', (h, e) => newStr(h, syntaxErrorStr(h, e)));

  const osBase = v27 ? t.EnvironmentError : t.OSError;
  derived(osBase, 'errno', (h, e) => {
    const a = argsOf(h, e);
    return newRef(h, a.length >= 2 && a.length <= (v27 ? 3 : 5) ? a[0]! : h.None);
  });
  derived(osBase, 'strerror', (h, e) => {
    const a = argsOf(h, e);
    return newRef(h, a.length >= 2 && a.length <= (v27 ? 3 : 5) ? a[1]! : h.None);
  });
  derived(osBase, 'filename', (h) => none(h));
  if (!v27) derived(osBase, 'filename2', (h) => none(h));
  setSlotDeep(heap, osBase, 'str', osErrorStr);
  method(heap, osBase, '__str__', (h, e) => newStr(h, osErrorStr(h, e)));

  for (const name of ['name', 'path', ...(v27 ? [] : ['name_from'])]) derived(t.ImportError, name, (h) => none(h));
  derived(t.ImportError, 'msg', (h, e) => newRef(h, argsOf(h, e).length === 1 ? argsOf(h, e)[0]! : h.None));
  if (!v27) {
    // What the interpreter attached when it raised the error (ExceptionData.errName/errObj).
    const attached = (h: Heap, r: Ref) => newRef(h, r === 0 ? h.None : r);
    derived(t.NameError, 'name', (h, e) => attached(h, data(h, e).errName));
    derived(t.AttributeError, 'name', (h, e) => attached(h, data(h, e).errName));
    derived(t.AttributeError, 'obj', (h, e) => attached(h, data(h, e).errObj));
  }
  for (const [type, which] of [
    [t.UnicodeDecodeError, 'decode'],
    [t.UnicodeEncodeError, 'encode'],
    [t.exceptionsByName.get('UnicodeTranslateError') ?? 0, 'translate'],
  ] as const) {
    if (type === 0) continue;
    setSlotDeep(heap, type, 'str', (h, e) => unicodeErrorStr(h, e, which));
    const names = which === 'translate' ? ['object', 'start', 'end', 'reason'] : ['encoding', 'object', 'start', 'end', 'reason'];
    names.forEach((n, i) => {
      derived(type, n, (h, e) => newRef(h, argsOf(h, e)[i] ?? h.None));
    });
  }
  void isUnicode27;
  void pyErr;
  void (0 as unknown as TypeData);
}
