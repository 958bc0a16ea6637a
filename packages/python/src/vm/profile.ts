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
  /**
   * structseq types (`sys.version_info`'s) are GC types (3.12: instances made by C code are
   * still never tracked) or not GC types at all (2.7: `gc.get_referents` sees nothing in them).
   */
  readonly structSeqGc: boolean;
  /**
   * The collection `Py_Finalize` runs before modules are torn down (`PyGC_Collect`) is skipped
   * while the collector is disabled (3.12); 2.7's runs regardless.
   */
  readonly finalizeCollectOnlyIfEnabled: boolean;
  /**
   * What 3.12's `__build_class__` allocates around the class body: a dict of the statement's
   * keywords when it has any (`metaclass=` included; freed at the end), the metaclass's
   * `__prepare__` bound to it (a builtin method, dropped once the namespace exists), and, when
   * the metaclass is a type, the `(name, bases, namespace)` tuple type's tp_call fallback packs
   * for the call. (2.7 builds that tuple anyway, see the heap profile's `evalCallsBuildArgsTuple`.)
   */
  readonly buildClassAllocations: boolean;
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
  /** `functools.partial` (modules/partial.ts): how the C type differs between the versions. */
  readonly partial: PartialProfile;
  /** `sys.excepthook` / `sys.unraisablehook` and the exit-time `sys` cleanup (vm/syshooks.ts, modules/sys.ts). */
  readonly hooks: HooksProfile;
  /** How the error of a call's `**mapping` names the callable (compiler's `callableDescription`). */
  readonly callableDescription: 'funcNameAndDesc' | 'qualifiedName';
}

/** The `partial` section of a profile. */
export interface PartialProfile {
  /** A heap type (mortal, tracked, its type among the referents) with a repr (3.12), else a static type without one (2.7). */
  readonly heapType: boolean;
  /** The type clears its fields when the collector breaks a cycle (`tp_clear`, 3.12). */
  readonly hasClear: boolean;
  /** Constructing a partial of a partial without a `__dict__` wraps the inner callable directly (3.12). */
  readonly flattensNested: boolean;
  /** Calls take the vectorcall path (no argument tuple) when the wrapped callable has one (3.12). */
  readonly vectorcall: boolean;
  /** A call concatenates the positional arguments before merging the keywords (2.7), or the other way round (3.12). */
  readonly positionalFirst: boolean;
  /** The keywords of a new partial: a copy of the call's keywords (2.7), or merged with an inner partial's, keeping the call's dict when it can (3.12). */
  readonly newKeywords: 'copy' | 'merge';
  /** What a call with keywords builds before calling: a tuple of name/value items for Python functions (2.7) or a tuple of names for vectorcall callees (3.12). */
  readonly callKwTuple: 'functionItems' | 'vectorcallNames';
  /** The exception class (a field of `heap.t`) of assigning a read-only member (`p.func = ...`). */
  readonly readonlyMemberError: 'TypeError' | 'AttributeError';
  readonly messages: {
    /** A `**mapping` key that is not a string; `callable` is the wrapped callable's name. */
    readonly keywordsNotStrings: (callable: string) => string;
    readonly dictDelete: string;
    /** Assigning a non-dict to `p.__dict__`; `typeName` is the value's type name. */
    readonly dictNotDict: (typeName: string) => string;
  };
}

/** The `hooks` section of a profile. */
export interface HooksProfile {
  /** `sys.unraisablehook`, `sys.__unraisablehook__` and the `UnraisableHookArgs` type exist (3.12). */
  readonly unraisablehook: boolean;
  /** `sys.last_exc` is set with `last_type`/`last_value`/`last_traceback` (3.12). */
  readonly lastExc: boolean;
  /** `sys.excepthook = None` counts as missing ("sys.excepthook is missing", 2.7) rather than a hook that fails to be called (3.12). */
  readonly noneHookIsMissing: boolean;
  /** The default display of an exception: 2.7's plain traceback printer, or 3.12's, which first checks that the value is an exception. */
  readonly displayChecksException: boolean;
  /** The `sys` attributes module teardown sets to None first, in order. */
  readonly teardownSysNames: readonly string[];
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
  structSeqGc: false,
  finalizeCollectOnlyIfEnabled: false,
  buildClassAllocations: false,
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
  partial: {
    heapType: false,
    hasClear: false,
    flattensNested: false,
    vectorcall: false,
    positionalFirst: true,
    newKeywords: 'copy',
    callKwTuple: 'functionItems',
    readonlyMemberError: 'TypeError',
    messages: {
      keywordsNotStrings: (callable) => `${callable}() keywords must be strings`,
      dictDelete: "a partial object's dictionary may not be deleted",
      dictNotDict: () => "setting partial object's dictionary to a non-dict",
    },
  },
  hooks: {
    unraisablehook: false,
    lastExc: false,
    noneHookIsMissing: true,
    displayChecksException: false,
    teardownSysNames: ['path', 'argv', 'ps1', 'ps2', 'exitfunc', 'exc_type', 'exc_value', 'exc_traceback', 'last_type', 'last_value', 'last_traceback', 'path_hooks', 'path_importer_cache', 'meta_path', 'flags', 'float_info'],
  },
  callableDescription: 'funcNameAndDesc',
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
  structSeqGc: true,
  finalizeCollectOnlyIfEnabled: true,
  buildClassAllocations: true,
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
  partial: {
    heapType: true,
    hasClear: true,
    flattensNested: true,
    vectorcall: true,
    positionalFirst: false,
    newKeywords: 'merge',
    callKwTuple: 'vectorcallNames',
    readonlyMemberError: 'AttributeError',
    messages: {
      keywordsNotStrings: () => 'keywords must be strings',
      dictDelete: 'cannot delete __dict__',
      dictNotDict: (t) => `__dict__ must be set to a dictionary, not a '${t}'`,
    },
  },
  hooks: {
    unraisablehook: true,
    lastExc: true,
    noneHookIsMissing: false,
    displayChecksException: true,
    teardownSysNames: ['path', 'argv', 'ps1', 'ps2', 'last_exc', 'last_type', 'last_value', 'last_traceback', '__interactivehook__', 'meta_path'],
  },
  callableDescription: 'qualifiedName',
};

export const INTERPRETER_PROFILES: Readonly<Record<PythonVersion, InterpreterProfile>> = { '2.7': P27, '3.12': P312 };

/**
 * The interpreter profile of a heap's version, for code that holds only the heap.
 *
 * @example
 * ```ts
 * interpreterProfileOf(heap).partial.flattensNested; // true for a 3.12 heap
 * ```
 */
export function interpreterProfileOf(heap: { readonly profile: { readonly version: PythonVersion } }): InterpreterProfile {
  return INTERPRETER_PROFILES[heap.profile.version];
}
