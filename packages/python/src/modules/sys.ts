/**
 * The `sys` module: argv, stdout/stderr file objects, getrefcount, the recursion limit,
 * exc_info, _getframe, modules, version_info and friends — per version.
 */
import {
  dictSetStr,
  dictGetStr,
  intern,
  Kind,
  moduleDict,
  newBuiltinFunction,
  setArgsTuple,
  newDict,
  newInt,
  newList,
  newModule,
  newStr,
  newTupleSteal,
  type NativeFn,
  type Ref,
  argToCInt,
  type FrameData,
} from '@heaplab/heap';
import { newStructSeqType } from '../lib/types/structseq.js';
import type { Interpreter } from '../vm/interp.js';
import { SystemExitSignal } from '../vm/interp.js';
import { newStdStream } from '../lib/types/file.js';
import { createUnraisableArgsType, excepthookNative, unraisablehookNative } from '../vm/syshooks.js';

/**
 * Give `sys` its standard streams (`stdout`, `stderr` and the `__stdout__`/`__stderr__` originals):
 * the library's file objects writing through the interpreter's output sinks. Runs once the file
 * type is installed.
 *
 * @example
 * ```ts
 * installStdStreams(it); // sys.stdout.write('hi') -> it.writeOut('hi')
 * ```
 */
export function installStdStreams(it: Interpreter): void {
  const heap = it.heap;
  const d = moduleDict(heap, it.sysModule);
  const out = newStdStream(heap, '<stdout>', (t) => it.writeOut(t));
  const err = newStdStream(heap, '<stderr>', (t) => it.writeErr(t));
  dictSetStr(heap, d, 'stdout', out);
  dictSetStr(heap, d, 'stderr', err);
  it.originalStderr = err;
  dictSetStr(heap, d, '__stdout__', out);
  dictSetStr(heap, d, '__stderr__', err);
  heap.decref(out);
  heap.decref(err);
}

/**
 * Build the `sys` module (new reference); also sets `it.modulesDict`.
 */
export function createSysModule(it: Interpreter): Ref {
  const heap = it.heap;
  const is27 = heap.profile.version === '2.7';
  const m = newModule(heap, 'sys');
  const d = moduleDict(heap, m);
  const set = (name: string, v: Ref) => {
    dictSetStr(heap, d, name, v);
    heap.decref(v);
  };
  // 2.7's METH_VARARGS functions allocate an argument tuple per call (3.12's are fast calls).
  const varargs = new Set(is27 ? ['setrecursionlimit', '_getframe', 'exit'] : []);
  const def = (name: string, fn: NativeFn) => {
    const f = newBuiltinFunction(heap, name, fn, m, 'sys');
    if (varargs.has(name)) setArgsTuple(heap, f);
    set(name, f);
  };
  const noArgs = (name: string, n: number) => {
    if (n > 0) throw heap.newException(heap.t.TypeError, is27 ? `${name}() takes no arguments (${n} given)` : `sys.${name}() takes no arguments (${n} given)`);
  };

  it.modulesDict = newDict(heap);
  heap.sysModules = it.modulesDict;
  dictSetStr(heap, d, 'modules', it.modulesDict);
  set('argv', newList(heap, it.argv.map((a) => newStr(heap, a)).map((r) => (heap.rc[r]--, r))));
  set('path', newList(heap, []));
  set('platform', newStr(heap, is27 ? 'linux2' : 'linux'));
  set('byteorder', newStr(heap, 'little'));
  set('maxsize', newInt(heap, 9223372036854775807n));
  if (is27) set('maxint', newInt(heap, 9223372036854775807n));
  set('executable', newStr(heap, is27 ? '/usr/bin/python2.7' : '/usr/bin/python3.12'));
  const vi = heap.profile.versionInfo;
  set('version', newStr(heap, is27 ? `${vi.join('.')} (default, HeapLab) \n[HeapLab]` : `${vi.join('.')} (main, HeapLab) [HeapLab]`));
  set('hexversion', newInt(heap, is27 ? 0x20712f0 : 0x30c01f0));
  set('api_version', newInt(heap, is27 ? 1013 : 1013));
  set('version_info', makeVersionInfo(it));


  def('getrefcount', (h, _s, args) => {
    if (args.length !== 1) throw h.newException(h.t.TypeError, is27 ? `getrefcount() takes exactly one argument (${args.length} given)` : `sys.getrefcount() takes exactly one argument (${args.length} given)`);
    // The argument reference the call holds is included, as in CPython.
    return newInt(h, h.refcount(args[0]!));
  });
  def('getrecursionlimit', (h, _s, args) => {
    noArgs('getrecursionlimit', args.length);
    return newInt(h, it.recursionLimit);
  });
  def('setrecursionlimit', (h, _s, args) => {
    if (args.length !== 1) throw h.newException(h.t.TypeError, is27 ? `setrecursionlimit() takes exactly one argument (${args.length} given)` : `sys.setrecursionlimit() takes exactly one argument (${args.length} given)`);
    const n = argToCInt(h, args[0]!);
    if (n < 1) throw h.newException(h.t.ValueError, is27 ? 'recursion limit must be positive' : 'recursion limit must be greater or equal than 1');
    if (!is27 && n <= it.depth) {
      throw h.newException(h.t.RecursionError, `cannot set the recursion limit to ${n} at the recursion depth ${it.depth}: the limit is too low`);
    }
    it.recursionLimit = n;
    return h.newRef(h.None);
  });
  def('exc_info', (h, _s, args) => {
    noArgs('exc_info', args.length);
    const cur = it.currentException();
    if (cur === null) return newTupleSteal(h, [h.newRef(h.None), h.newRef(h.None), h.newRef(h.None)]);
    return newTupleSteal(h, [h.newRef(h.typ[cur.exc]!), h.newRef(cur.exc), h.newRef(cur.tb !== 0 ? cur.tb : h.None)]);
  });
  if (!is27) {
    def('exception', (h, _s, args) => {
      noArgs('exception', args.length);
      const cur = it.currentException();
      return h.newRef(cur === null ? h.None : cur.exc);
    });
  } else {
    def('exc_clear', (h) => h.newRef(h.None));
  }
  def('_getframe', (h, _s, args) => {
    let depth = 0;
    if (args.length > 0) depth = argToCInt(h, args[0]!);
    let f = it.frame;
    for (let i = 0; i < depth && f !== null; i++) f = f.back;
    if (f === null) throw h.newException(h.t.ValueError, 'call stack is not deep enough');
    const r = it.materializeFrame(f);
    (h.payload[r] as FrameData).lineno = f.lineno;
    return h.newRef(r);
  });
  def('exit', (h, _s, args) => {
    const code = args.length > 0 ? args[0]! : h.None;
    const exc = it.newSystemExit(code);
    throw it.exception(exc);
  });
  def('intern', (h, _s, args) => {
    const s = args[0];
    if (s === undefined || h.kind[s] !== Kind.STR) throw h.newException(h.t.TypeError, is27 ? 'intern() argument 1 must be string, not ' + (s === undefined ? 'nothing' : h.typeName(s)) : `intern() argument must be str, not ${s === undefined ? 'nothing' : h.typeName(s)}`);
    return intern(h, h.payload[s] as string);
  });
  def('getdefaultencoding', (h) => newStr(h, is27 ? 'ascii' : 'utf-8'));
  // The hooks and their originals (`sys.__excepthook__`, 3.12 `sys.__unraisablehook__`).
  def('excepthook', excepthookNative(it));
  dictSetStr(heap, d, '__excepthook__', dictGetStr(heap, d, 'excepthook'));
  if (it.profile.hooks.unraisablehook) {
    it.unraisableArgsType = createUnraisableArgsType(heap);
    def('unraisablehook', unraisablehookNative(it));
    dictSetStr(heap, d, '__unraisablehook__', dictGetStr(heap, d, 'unraisablehook'));
  }
  def('gettrace', (h) => h.newRef(h.None));
  def('getprofile', (h) => h.newRef(h.None));
  void SystemExitSignal;
  return m;
}

/** `sys.version_info`: a tuple subclass with named fields. */
function makeVersionInfo(it: Interpreter): Ref {
  const heap = it.heap;
  const [major, minor, micro] = heap.profile.versionInfo;
  const fields: [string, Ref][] = [
    ['major', newInt(heap, major)],
    ['minor', newInt(heap, minor)],
    ['micro', newInt(heap, micro)],
    ['releaselevel', newStr(heap, 'final')],
    ['serial', newInt(heap, 0)],
  ];
  const cls = newStructSeqType(heap, 'sys', 'version_info', fields.map(([name]) => name), 'sys.version_info', it.profile.structSeqGc);
  // PyStructSequence_New does not track what it makes (only the Python-level constructor does).
  const v = heap.alloc(cls, Kind.TUPLE, fields.map(([, r]) => r));
  heap.decref(cls);
  return v;
}
