/**
 * `sys.unraisablehook` (3.12) and `sys.excepthook` (both versions), as CPython runs them:
 *
 * - every "Exception ignored" report (`PyErr_WriteUnraisable` / `_PyErr_WriteUnraisableMsg` in
 *   Python/errors.c) builds an `UnraisableHookArgs` structseq and calls `sys.unraisablehook` with
 *   it; a missing or `None` hook means the default one (`sys.__unraisablehook__`); a hook that
 *   raises is reported by the default hook as `Exception ignored in sys.unraisablehook: <hook>`;
 * - an uncaught exception at top level (`_PyErr_PrintEx` in Python/pythonrun.c) is stored in
 *   `sys.last_type`/`last_value`/`last_traceback` (and 3.12's `last_exc`), then passed to
 *   `sys.excepthook(type, value, tb)`; a hook that raises gets the `Error in sys.excepthook:` /
 *   `Original exception was:` report, a missing one `sys.excepthook is missing`.
 */
import {
  call,
  dictSetStr,
  type ExceptionData,
  type Heap,
  Kind,
  moduleDict,
  newInt,
  newStr,
  PyException,
  type Ref,
  reprOf,
  strOf,
  isSubtype,
  getAttr,
  iterateToArray,
  newBuiltinFunction,
  type TypeData,
} from '@heaplab/heap';
import { newStructSeqType } from '../lib/types/structseq.js';
import type { Interpreter } from './interp.js';
import { formatException, formatTracebackEntries } from './traceback.js';
import { suggestionTrailer } from './suggestions.js';

/** The fields of `UnraisableHookArgs`, in order. */
export const UNRAISABLE_FIELDS = ['exc_type', 'exc_value', 'exc_traceback', 'err_msg', 'object'] as const;

/**
 * The `UnraisableHookArgs` structseq type (3.12; new reference): a tuple subclass in `builtins`
 * with one read-only attribute per field and CPython's structseq repr. Like CPython's, it is a
 * static type: immortal, untracked, not among its instances' referents, refusing attribute
 * assignment, and its instances have no `__dict__`.
 *
 * @example
 * ```ts
 * const T = createUnraisableArgsType(heap);
 * heap.isTracked(T); // false: a static type
 * ```
 */
export function createUnraisableArgsType(heap: Heap): Ref {
  const cls = newStructSeqType(heap, 'builtins', 'UnraisableHookArgs', UNRAISABLE_FIELDS, 'UnraisableHookArgs');
  const td = heap.payload[cls] as TypeData;
  for (const [name, n] of [
    ['n_fields', 5],
    ['n_sequence_fields', 5],
    ['n_unnamed_fields', 0],
  ] as const) {
    const v = newInt(heap, n);
    dictSetStr(heap, td.dict, name, v);
    heap.decref(v);
  }
  // structseq_new(type, sequence, dict=None): a tracked instance from a 5-sequence.
  const ctor = newBuiltinFunction(
    heap,
    '__new__',
    (h, _self, args, kwnames) => {
      const n = args.length - (kwnames?.length ?? 0);
      if (n < 2) throw h.newException(h.t.TypeError, "structseq() missing required argument 'sequence' (pos 1)");
      if (n > 3) throw h.newException(h.t.TypeError, `structseq() takes at most 2 arguments (${n - 1} given)`);
      const type = args[0]!;
      let items: Ref[];
      try {
        items = iterateToArray(h, args[1]!);
      } catch (e) {
        if (!(e instanceof PyException) || !isSubtype(h, h.typ[e.exc]!, h.t.TypeError)) throw e;
        e.release(h);
        throw h.newException(h.t.TypeError, 'constructor requires a sequence');
      }
      if (items.length !== UNRAISABLE_FIELDS.length) {
        for (const r of items) h.decref(r);
        throw h.newException(h.t.TypeError, `UnraisableHookArgs() takes a 5-sequence (${items.length}-sequence given)`);
      }
      const r = h.alloc(type, Kind.TUPLE, items);
      h.track(r);
      return r;
    },
    cls,
    null,
    true,
  );
  dictSetStr(heap, td.dict, '__new__', ctor);
  heap.decref(ctor);
  return cls;
}

/** True when `r` is an exception instance. */
function isException(heap: Heap, r: Ref): boolean {
  return heap.kind[r] === Kind.EXCEPTION || isSubtype(heap, heap.typ[r]!, heap.t.BaseException);
}

/** `obj` unless it is 0 or None. */
function present(heap: Heap, r: Ref): boolean {
  return r !== 0 && r !== heap.None;
}

/**
 * 3.12 `write_unraisable_exc_file`: the default hook's report. `errMsg` is a str object or
 * 0/None; every argument is borrowed.
 */
export function defaultUnraisableText(it: Interpreter, excType: Ref, excValue: Ref, excTb: Ref, errMsg: Ref, obj: Ref): string {
  const heap = it.heap;
  let text = '';
  const str = (r: Ref) => strOf(heap, r);
  if (present(heap, obj)) {
    text += present(heap, errMsg) ? `${str(errMsg)}: ` : 'Exception ignored in: ';
    try {
      text += reprOf(heap, obj);
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      it.discard(e);
      text += '<object repr() failed>';
    }
    text += '\n';
  } else if (present(heap, errMsg)) text += `${str(errMsg)}:\n`;
  if (present(heap, excTb) && heap.kind[excTb] === Kind.TRACEBACK) {
    text += 'Traceback (most recent call last):\n';
    for (const line of formatTracebackEntries(heap, excTb, it.sourceLine, it.profile.tracebackCarets)) text += line + '\n';
  }
  if (!present(heap, excType)) return text;
  if (heap.kind[excType] !== Kind.TYPE) return text;
  let modName: Ref = 0;
  try {
    modName = getAttr(heap, excType, '__module__');
  } catch (e) {
    if (!(e instanceof PyException)) throw e;
    it.discard(e);
  }
  if (modName === 0 || heap.kind[modName] !== Kind.STR) text += '<unknown>';
  else {
    const m = heap.payload[modName] as string;
    if (m !== 'builtins' && m !== '__main__') text += `${m}.`;
  }
  if (modName !== 0) heap.decref(modName);
  const td = heap.payload[excType] as TypeData;
  text += td.qualname ?? td.name;
  if (present(heap, excValue)) {
    text += ': ';
    try {
      text += strOf(heap, excValue);
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      it.discard(e);
      text += '<exception str() failed>';
    }
  }
  return text + '\n';
}

/** The new `UnraisableHookArgs` instance (every argument borrowed; 0 stands for None). */
function newUnraisableArgs(it: Interpreter, excType: Ref, excValue: Ref, excTb: Ref, errMsg: Ref, obj: Ref): Ref {
  const heap = it.heap;
  const items = [excType, excValue, excTb, errMsg, obj].map((r) => heap.newRef(r === 0 ? heap.None : r));
  // PyStructSequence_New: a GC object, not tracked.
  return heap.alloc(it.unraisableArgsType, Kind.TUPLE, items);
}

/**
 * 3.12 `_PyErr_WriteUnraisableMsg(errMsg, obj)` for the exception `exc` (borrowed): the
 * exception gets a traceback for the running frame if it has none, then `sys.unraisablehook`
 * (or the default hook) reports it.
 */
export function writeUnraisable312(it: Interpreter, exc: Ref, obj: Ref, where: string | null): void {
  const heap = it.heap;
  let tb = heap.kind[exc] === Kind.EXCEPTION ? (heap.payload[exc] as ExceptionData).traceback : 0;
  if (tb === 0 && it.frame !== null) {
    // PyTraceBack_Here + PyException_SetTraceback: the exception keeps the new traceback.
    heap.rc[exc]++;
    const tmp = new PyException(exc, '');
    it.addTraceback(tmp, it.frame);
    tb = it.tracebackOf(tmp);
    heap.incref(tb);
    it.discard(tmp);
  } else if (tb !== 0) heap.incref(tb);
  const errMsg = where === null ? 0 : newStr(heap, `Exception ignored ${where}`);
  const excType = heap.typ[exc]!;
  heap.incref(exc);
  heap.incref(excType);
  if (obj !== 0) heap.incref(obj);
  try {
    const hook = it.sysModule === 0 ? 0 : it.sysAttr('unraisablehook');
    if (hook === 0 || hook === heap.None) {
      it.writeToSysStderr(defaultUnraisableText(it, excType, exc, tb, errMsg, obj));
      return;
    }
    const args = newUnraisableArgs(it, excType, exc, tb, errMsg, obj);
    heap.incref(hook);
    try {
      heap.decref(call(heap, hook, [args]));
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      // The hook failed: the default hook reports its exception, naming the hook.
      const e2 = e.exc;
      const tb2 = heap.kind[e2] === Kind.EXCEPTION ? (heap.payload[e2] as ExceptionData).traceback : 0;
      const msg = newStr(heap, 'Exception ignored in sys.unraisablehook');
      try {
        it.writeToSysStderr(defaultUnraisableText(it, heap.typ[e2]!, e2, tb2 !== 0 ? tb2 : it.tracebackOf(e), msg, hook));
      } finally {
        heap.decref(msg);
        it.discard(e);
      }
    } finally {
      heap.decref(args);
      heap.decref(hook);
    }
  } finally {
    if (obj !== 0) heap.decref(obj);
    heap.decref(excType);
    heap.decref(exc);
    if (tb !== 0) heap.decref(tb);
    if (errMsg !== 0) heap.decref(errMsg);
  }
}

/** `sys.unraisablehook(unraisable)` — the default hook (3.12 `sys_unraisablehook`). */
export function unraisablehookNative(it: Interpreter) {
  return (heap: Heap, _self: Ref, args: readonly Ref[]): Ref => {
    if (args.length !== 1) throw heap.newException(heap.t.TypeError, `sys.unraisablehook() takes exactly one argument (${args.length} given)`);
    const u = args[0]!;
    if (heap.typ[u] !== it.unraisableArgsType) throw heap.newException(heap.t.TypeError, 'sys.unraisablehook argument type must be UnraisableHookArgs');
    const [t, v, tb, msg, obj] = heap.payload[u] as Ref[];
    it.writeToSysStderr(defaultUnraisableText(it, t!, v!, tb!, msg!, obj!));
    // write_unraisable_exc_file returns -1 without an exception when exc_type is None.
    if (!present(heap, t!)) throw heap.newException(heap.t.SystemError, '<built-in function unraisablehook> returned NULL without setting an exception');
    return heap.newRef(heap.None);
  };
}

/**
 * `PyErr_Display(type, value, tb)`: the interpreter's report for an exception, to `sys.stderr`.
 * 3.12 prints the value's own `__traceback__` (given `tb` when it has none); 2.7 prints `tb`.
 */
export function displayException(it: Interpreter, value: Ref, tb: Ref): void {
  const heap = it.heap;
  if (!it.profile.hooks.displayChecksException) {
    const t = present(heap, tb) && heap.kind[tb] === Kind.TRACEBACK ? tb : 0;
    it.writeToSysStderr(formatException(heap, value, t, it.sourceLine, false).join('\n') + '\n');
    return;
  }
  if (value !== heap.None && !isException(heap, value)) {
    it.writeToSysStderr(`TypeError: print_exception(): Exception expected for value, ${heap.typeName(value)} found\n`);
    return;
  }
  let own = 0;
  if (value !== heap.None && heap.kind[value] === Kind.EXCEPTION) {
    const ed = heap.payload[value] as ExceptionData;
    if (ed.traceback === 0 && present(heap, tb) && heap.kind[tb] === Kind.TRACEBACK) {
      heap.incref(tb);
      ed.traceback = tb;
    }
    own = ed.traceback;
  }
  const trailer = it.profile.errorSuggestions ? (exc: Ref) => suggestionTrailer(it, exc, 'interpreter') : undefined;
  const lines = formatException(heap, value, own, it.sourceLine, it.profile.tracebackCarets, new Set(), trailer);
  it.writeToSysStderr(lines.join('\n') + '\n');
}

/** `sys.excepthook(type, value, traceback)` — the default hook (`sys.__excepthook__`). */
export function excepthookNative(it: Interpreter) {
  return (heap: Heap, _self: Ref, args: readonly Ref[]): Ref => {
    if (args.length !== 3) throw heap.newException(heap.t.TypeError, `excepthook expected 3 arguments, got ${args.length}`);
    displayException(it, args[1]!, args[2]!);
    return heap.newRef(heap.None);
  };
}

/**
 * `_PyErr_PrintEx(set_sys_last_vars=1)` for an uncaught exception at top level: store it in
 * `sys.last_*`, hand it to `sys.excepthook`. Returns the exit status: 1, or the code of a
 * SystemExit the hook raised. `e` stays owned by the caller.
 */
export function handleUncaught(it: Interpreter, e: PyException): number {
  const heap = it.heap;
  const exc = e.exc;
  const excType = heap.typ[exc]!;
  const tb = it.tracebackOf(e);
  const tbOrNone = tb === 0 ? heap.None : tb;
  if (it.sysModule !== 0) {
    const d = moduleDict(heap, it.sysModule);
    if (it.profile.hooks.lastExc) dictSetStr(heap, d, 'last_exc', exc);
    dictSetStr(heap, d, 'last_type', excType);
    dictSetStr(heap, d, 'last_value', exc);
    dictSetStr(heap, d, 'last_traceback', tbOrNone);
  }
  const hook = it.sysModule === 0 ? 0 : it.sysAttr('excepthook');
  if (hook === 0 || (it.profile.hooks.noneHookIsMissing && hook === heap.None)) {
    it.writeToSysStderr('sys.excepthook is missing\n');
    displayException(it, exc, tbOrNone);
    return 1;
  }
  heap.incref(hook);
  heap.incref(excType);
  heap.incref(exc);
  heap.incref(tbOrNone);
  try {
    heap.decref(call(heap, hook, [excType, exc, tbOrNone]));
  } catch (e2) {
    if (!(e2 instanceof PyException)) throw e2;
    try {
      if (it.isInstanceOf(e2.exc, heap.t.SystemExit)) return it.systemExitStatus(e2.exc);
      it.writeToSysStderr('Error in sys.excepthook:\n');
      displayException(it, e2.exc, it.tracebackOf(e2) || heap.None);
      it.writeToSysStderr('\nOriginal exception was:\n');
      displayException(it, exc, tbOrNone);
    } finally {
      it.discard(e2);
    }
  } finally {
    heap.decref(tbOrNone);
    heap.decref(exc);
    heap.decref(excType);
    heap.decref(hook);
  }
  return 1;
}

/**
 * `finalize_modules_delete_special` (3.12) / the start of 2.7's `PyImport_Cleanup`: the `sys`
 * attributes where user values hide (the last uncaught exception among them) become None, and
 * the standard streams are restored from their `__stdout__`/`__stderr__` originals.
 */
export function finalizeSysSpecial(it: Interpreter): void {
  const heap = it.heap;
  if (it.sysModule === 0) return;
  const d = moduleDict(heap, it.sysModule);
  const names = it.profile.hooks.teardownSysNames;
  const set = (name: string, v: Ref) => {
    try {
      dictSetStr(heap, d, name, v);
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      it.writeUnraisable(e.exc, 0);
      it.discard(e);
    }
  };
  for (const name of names) set(name, heap.None);
  for (const name of ['stdout', 'stderr']) {
    const orig = it.sysAttr(`__${name}__`);
    set(name, orig === 0 ? heap.None : orig);
  }
}
