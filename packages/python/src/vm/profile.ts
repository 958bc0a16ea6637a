/**
 * The interpreter's half of a version profile: how CPython 2.7 and 3.12 differ in calling
 * conventions, frames, scoping and error messages. (The object layer's half lives in
 * `@heaplab/heap`'s profile table.) Code asks this table, never the version string.
 */
import type { PythonVersion } from '@heaplab/heap';

export interface InterpreterProfile {
  readonly version: PythonVersion;
  /** Frames are heap objects for every call (2.7) or created only when asked for (3.12). */
  readonly framesAlwaysMaterialized: boolean;
  /** Positional arguments stay on the caller's value stack during the call (+1 each), 2.7. */
  readonly argsStayOnCallerStack: boolean;
  /** The caller holds an extra reference to the called function (2.7's call_function INCREF). */
  readonly extraFunctionRefDuringCall: boolean;
  /** The frame holds a reference to its function (3.12 `f_funcobj`). */
  readonly frameHoldsFunction: boolean;
  /** `obj.m()` creates a bound method object (2.7) or calls `m(obj)` directly (3.12). */
  readonly methodCallsCreateBoundMethod: boolean;
  /** A parameter captured by a closure keeps its value in the local slot too (2.7). */
  readonly paramCellsKeepLocal: boolean;
  /**
   * Eval-breaker checks (where a scheduled collection runs) follow 3.12's specializing
   * interpreter: not when a Python function returns, and not after the call sites CPython
   * specializes to instructions without a check (`list.append(x)`, `len(x)`, `isinstance(x, t)`,
   * `type(x)`) once they have run once. (2.7 collects inside the allocation: no checks at all.)
   */
  readonly specializedEvalBreaker: boolean;
  /** List comprehensions run inline in the enclosing scope and leak their variable (2.7). */
  readonly listCompLeaks: boolean;
  /** 3.12 inlines list/set/dict comprehensions (no function object, PEP 709). */
  readonly inlineComprehensions: boolean;
  /** `except E as e:` deletes `e` at the end of the handler (3.x). */
  readonly exceptDeletesName: boolean;
  /** Exceptions carry `__traceback__`/`__context__` (3.x). */
  readonly exceptionChaining: boolean;
  /** Default recursion limit. */
  readonly recursionLimit: number;
  /** The name of the builtins module. */
  readonly builtinsModuleName: string;
  readonly messages: {
    readonly nameNotDefined: (name: string, isGlobalLookupInFunction: boolean) => string;
    readonly unboundLocal: (name: string) => string;
    readonly unboundFree: (name: string) => string;
    readonly recursion: string;
  };
  /** 3.12 prints `^^^^` markers under the failing expression in tracebacks. */
  readonly tracebackCarets: boolean;
  /**
   * 3.12 attaches `name` to the NameErrors it raises and appends "Did you mean: 'x'?" / "Did
   * you forget to import 'x'?" hints to NameError, AttributeError and ImportError lines in
   * printed tracebacks (vm/suggestions.ts).
   */
  readonly errorSuggestions: boolean;
  /**
   * The line an instruction reports (`tb_lineno`, and `f_lineno` of a running frame, both read
   * from the line table at `f_lasti`). `'forward'` (2.7's `co_lnotab`): within a statement the
   * line only moves forward, to the greatest line compiled so far, so a call spanning lines
   * reports the line of its last argument. `'start'` (3.11+ positions): the first line of the
   * expression being run.
   */
  readonly instructionLine: 'forward' | 'start';
  /** `Exception ignored in: <...>` + traceback (3.12) or one-line `Exception X in <...> ignored` (2.7). */
  readonly unraisableStyle: '2.7' | '3.12';
  /**
   * 2.7's `print` statement leaves a pending space (`softspace`) on its file; `Py_FlushLine`
   * turns one left on stdout into a newline when the main module ends, before a traceback is
   * printed, and after the atexit functions.
   */
  readonly flushSoftspace: boolean;
  /**
   * Callables a call site reaches through `tp_call` with an argument tuple (3.12's
   * `_PyObject_MakeTpCall`, 2.7's `do_call`) instead of a vectorcall or fast path, so the call
   * allocates a tuple for its positional arguments (and a dict for keywords): classes (heap
   * types, but not exception classes, whose instance keeps the call's tuple as `args`),
   * instances of classes (`__call__`), and the builtin types named here (fields of `heap.t`), or
   * every builtin type but the exception classes (`'all'`: 2.7's CALL_FUNCTION takes `do_call`
   * for anything that is not a function or a C function, so `str(x)` or `int(s)` allocate one).
   */
  readonly tpCallArgsTuple: { readonly heapTypes: boolean; readonly callableInstances: boolean; readonly builtinTypes: readonly string[] | 'all' };
}

const P27: InterpreterProfile = {
  version: '2.7',
  framesAlwaysMaterialized: true,
  argsStayOnCallerStack: true,
  extraFunctionRefDuringCall: true,
  frameHoldsFunction: false,
  methodCallsCreateBoundMethod: true,
  paramCellsKeepLocal: true,
  specializedEvalBreaker: false,
  listCompLeaks: true,
  inlineComprehensions: false,
  exceptDeletesName: false,
  exceptionChaining: false,
  recursionLimit: 1000,
  builtinsModuleName: '__builtin__',
  messages: {
    nameNotDefined: (n, g) => (g ? `global name '${n}' is not defined` : `name '${n}' is not defined`),
    unboundLocal: (n) => `local variable '${n}' referenced before assignment`,
    unboundFree: (n) => `free variable '${n}' referenced before assignment in enclosing scope`,
    recursion: 'maximum recursion depth exceeded',
  },
  tracebackCarets: false,
  errorSuggestions: false,
  instructionLine: 'forward',
  unraisableStyle: '2.7',
  flushSoftspace: true,
  tpCallArgsTuple: { heapTypes: true, callableInstances: true, builtinTypes: 'all' },
};

const P312: InterpreterProfile = {
  version: '3.12',
  framesAlwaysMaterialized: false,
  argsStayOnCallerStack: false,
  extraFunctionRefDuringCall: false,
  frameHoldsFunction: true,
  methodCallsCreateBoundMethod: false,
  paramCellsKeepLocal: false,
  specializedEvalBreaker: true,
  listCompLeaks: false,
  inlineComprehensions: true,
  exceptDeletesName: true,
  exceptionChaining: true,
  recursionLimit: 1000,
  builtinsModuleName: 'builtins',
  messages: {
    nameNotDefined: (n) => `name '${n}' is not defined`,
    unboundLocal: (n) => `cannot access local variable '${n}' where it is not associated with a value`,
    unboundFree: (n) => `cannot access free variable '${n}' where it is not associated with a value in enclosing scope`,
    recursion: 'maximum recursion depth exceeded',
  },
  tracebackCarets: true,
  errorSuggestions: true,
  instructionLine: 'start',
  unraisableStyle: '3.12',
  flushSoftspace: false,
  tpCallArgsTuple: { heapTypes: true, callableInstances: true, builtinTypes: ['weakref', 'weakproxy', 'weakcallableproxy'] },
};

export const INTERPRETER_PROFILES: Readonly<Record<PythonVersion, InterpreterProfile>> = { '2.7': P27, '3.12': P312 };
