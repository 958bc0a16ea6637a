/**
 * The interpreter: one heap, one collector, the builtins and `sys` modules, the module registry,
 * and the machinery compiled code calls into — calling Python functions (frames, argument
 * binding, each version's reference conventions), materializing frame objects, building
 * tracebacks, and reporting uncaught and unraisable exceptions the way CPython does.
 */
import {
  call,
  type CodeData,
  dictGetStr,
  dictDelStr,
  strOf,
  dictSetStr,
  type ExceptionData,
  Flag,
  type FrameData,
  type FunctionData,
  Heap,
  intern,
  Kind,
  listItems,
  newDict,
  newModule,
  newTupleSteal,
  PyException,
  type PythonVersion,
  type Ref,
  type TracebackData,
  moduleDict,
  newStr,
  reprOf,
  isSubtype,
  type TypeData,
  newExceptionObject,
  getAttr,
  callMethod,
  newBoundMethod,
  defaultHash,
  typeLookup,
  TypeFlag,
  withArgsTuple,
} from '@heaplab/heap';
import { attachCollector, type GcModule, createGcPythonModule } from '@heaplab/gc';
import type { CodeUnit } from '../compiler/code.js';
import { bindArguments } from './args.js';
import { Completion, Frame } from './frame.js';
import { INTERPRETER_PROFILES, type InterpreterProfile } from './profile.js';
import { type CaretInfo, formatException, tracebackCarets, unraisable27, formatTracebackEntries } from './traceback.js';
import { suggestionTrailer } from './suggestions.js';
import { handleUncaught, writeUnraisable312 } from './syshooks.js';
import { buildClass, newFunction } from './definitions.js';
import {
  beginHandling,
  discard,
  endHandling,
  exceptionMatches,
  type HandlingToken,
  makeRaise,
  releaseFrameHandling,
  reraise,
  setContext,
  withEnter,
} from './raising.js';
import { makeGenerator, installGenerators } from './generators.js';
import { installClassicClasses } from './classic.js';

/** Thrown (not a Python exception) when a run exceeds its step or time budget. */
export class BudgetExceeded extends Error {
  override name = 'BudgetExceeded';
}

/** Thrown to unwind the whole program on `SystemExit`. */
export class SystemExitSignal extends Error {
  override name = 'SystemExitSignal';
  constructor(
    readonly code: number,
    readonly text: string,
  ) {
    super(text);
  }
}

/** A minimal file system the program sees (its working directory). */
export interface FileSystem {
  readFile(path: string): string | null;
  writeFile(path: string, data: string | Uint8Array): void;
  appendFile(path: string, data: string): void;
}

/** A line event for steppers and recorders. */
export interface LineEvent {
  frame: Frame;
  lineno: number;
  filename: string;
}

export interface InterpreterOptions {
  version?: PythonVersion;
  argv?: string[];
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  fs?: FileSystem;
  /** Maximum statements executed before the run is stopped. */
  stepBudget?: number;
  /** Maximum live objects (MemoryError beyond). */
  objectBudget?: number;
  /** Called before every statement. */
  onLine?: (e: LineEvent) => void;
  /** Maximum Python call depth the host can afford (JS stack); defaults to 2500. */
  hardDepthLimit?: number;
  /** Module providers for `import name` (weakref, objgraph, ...). */
  modules?: Record<string, (interp: Interpreter) => Ref>;
}

/**
 * An exit callback. `func` is the Python callable of an `atexit.register` entry (for
 * `unregister` and the error report); `release` drops the references the entry holds.
 */
/**
 * An exit callback: `func` is the registered Python callable (borrowed), or `describe()` gives
 * (as a new reference) the object a failure is reported against, for native callbacks.
 */
export type AtexitCallback = (() => void) & { func?: Ref; describe?: () => Ref; release?: () => void };

/** Reusable empty argument list. */
const NO_ARGS: Ref[] = [];

export class Interpreter {
  readonly heap: Heap;
  readonly gc: GcModule;
  readonly profile: InterpreterProfile;
  readonly version: PythonVersion;
  /** The builtins module and its dict. */
  builtinsModule: Ref = 0;
  builtinsDict: Ref = 0;
  /** `sys.modules`. */
  modulesDict: Ref = 0;
  sysModule: Ref = 0;
  /** Currently executing frame. */
  frame: Frame | null = null;
  depth = 0;
  recursionLimit: number;
  readonly hardDepthLimit: number;
  steps = 0;
  stepBudget: number;
  onLine: ((e: LineEvent) => void) | null;
  readonly argv: string[];
  readonly fs: FileSystem;
  writeOut: (text: string) => void;
  writeErr: (text: string) => void;
  /** Source lines per filename (for tracebacks). */
  readonly sources = new Map<string, string[]>();
  /** Module providers by name. */
  readonly moduleProviders = new Map<string, (interp: Interpreter) => Ref>();
  /** Installed by the compiler module (avoids an import cycle). */
  compileModule: ((source: string, filename: string, flags?: { inherit?: CodeUnit }) => CodeUnit) | null = null;
  /** The exception currently being handled, innermost last (sys.exc_info). */
  readonly excStack: { exc: Ref; tb: Ref }[] = [];
  /** Operations from the runtime library (installed by `wireRuntimeLibrary`). */
  ops!: import('./ops.js').RuntimeOps;
  /**
   * Functions to call at exit, newest last: weakref.finalize's exit function and, in 3.12,
   * `atexit.register` entries (null once unregistered).
   */
  readonly atexit: (AtexitCallback | null)[] = [];
  exitCode = 0;

  constructor(options: InterpreterOptions = {}) {
    this.version = options.version ?? '3.12';
    this.profile = INTERPRETER_PROFILES[this.version];
    this.writeOut = options.stdout ?? ((t) => void t);
    this.writeErr = options.stderr ?? ((t) => void t);
    this.heap = new Heap({
      version: this.version,
      writeStderr: (t) => this.writeErr(t),
      writeStdout: (t) => this.writeOut(t),
      objectBudget: options.objectBudget,
    });
    this.gc = attachCollector(this.heap);
    this.recursionLimit = this.profile.recursionLimit;
    this.hardDepthLimit = options.hardDepthLimit ?? 2500;
    this.stepBudget = options.stepBudget ?? Number.POSITIVE_INFINITY;
    this.onLine = options.onLine ?? null;
    this.argv = options.argv ?? [''];
    this.fs = options.fs ?? { readFile: () => null, writeFile: () => {}, appendFile: () => {} };
    const heap = this.heap;
    heap.hooks.writeUnraisable = (exc, obj) => this.writeUnraisable(exc, obj);
    // Like PySys_WriteStderr, the collector's debug output and unraisable reports go through the
    // program's current sys.stderr (which it may have replaced).
    heap.hooks.writeStderr = (t) => this.writeToSysStderr(t);
    (heap.payload[heap.t.function] as TypeData).slots.call = (_h, f, args, kw) => this.callFunction(f, args, kw);
    for (const [name, provider] of Object.entries(options.modules ?? {})) this.moduleProviders.set(name, provider);
    this.moduleProviders.set('gc', (it) => createGcPythonModule(it.heap, it.gc));
    installGenerators(this);
    installClassicClasses(this);
  }

  // ==========================================================================================
  // Errors
  // ==========================================================================================

  /** A Python exception to throw: `throw it.error(heap.t.TypeError, '...')`. */
  error(type: Ref, message: string | null): PyException {
    return this.heap.newException(type, message);
  }

  /** Wrap an exception instance (owned) for throwing. */
  exception(exc: Ref): PyException {
    return new PyException(exc, this.heap.typeName(exc));
  }

  /** Traceback chain of a propagating exception (borrowed), 0 if none. */
  tracebackOf(e: PyException): Ref {
    const pe = e as PyException & { tb?: Ref };
    return pe.tb ?? 0;
  }

  /**
   * Record that exception `e` passed through frame `f` (CPython's PyTraceBack_Here): prepend a
   * traceback entry for the frame's current line, once per frame per propagation.
   */
  addTraceback(e: PyException, f: Frame): void {
    const pe = e as PyException & { tb?: Ref; lastFrame?: Frame | null };
    if (pe.lastFrame === f) return;
    pe.lastFrame = f;
    const heap = this.heap;
    const frameObj = this.materializeFrame(f);
    const data: TracebackData = { next: pe.tb ?? 0, frame: frameObj, lineno: this.currentLine(f), lasti: 0 };
    heap.rc[frameObj]++;
    const tb = heap.alloc(heap.t.traceback, Kind.TRACEBACK, data);
    heap.track(tb);
    if (f.pos !== null) {
      const p = f.pos as { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number; anchor?: [number, number] };
      const info: CaretInfo = { col: p.col_offset, endCol: p.end_col_offset, endLineno: p.end_lineno };
      if (p.anchor) info.anchor = p.anchor;
      tracebackCarets.set(data as object, info);
    }
    pe.tb = tb; // the new entry owns the previous chain (data.next)
    if (this.profile.exceptionChaining && heap.kind[e.exc] === Kind.EXCEPTION) {
      const ed = heap.payload[e.exc] as ExceptionData;
      const old = ed.traceback;
      heap.rc[tb]++;
      ed.traceback = tb;
      heap.xdecref(old);
    }
  }

  /**
   * The line frame `f` is executing, as CPython computes it from `f_lasti` for `tb_lineno` and
   * for `f_lineno` of a running frame: the statement's line, or within a statement the line the
   * version's line table gives the current expression (see `InterpreterProfile.instructionLine`).
   */
  currentLine(f: Frame): number {
    const pos = f.pos as (typeof f.pos & { line27?: number }) | null;
    if (pos === null) return f.lineno;
    return this.profile.instructionLine === 'start' ? pos.lineno : (pos.line27 ?? f.lineno);
  }

  /** Is `f` on the interpreter's stack (running, or waiting for a call it made)? */
  isOnStack(f: Frame): boolean {
    for (let g = this.frame; g !== null; g = g.back) if (g === f) return true;
    return false;
  }

  /** Release the JS-side traceback a caught exception carried. */
  dropTraceback(e: PyException): void {
    const pe = e as PyException & { tb?: Ref };
    if (pe.tb) {
      this.heap.decref(pe.tb);
      pe.tb = 0;
    }
  }

  // ==========================================================================================
  // Frames
  // ==========================================================================================

  /** The heap frame object of `f`, created on first request (3.12) — borrowed. */
  materializeFrame(f: Frame): Ref {
    if (f.frameObj !== 0) return f.frameObj;
    const heap = this.heap;
    const data: FrameData = {
      back: 0,
      code: f.code.codeRef,
      globals: f.globals,
      builtins: f.builtins,
      locals: f.locals,
      func: 0,
      fast: f.fast,
      stack: [],
      lineno: f.lineno,
      ext: f,
    };
    heap.rc[f.code.codeRef]++;
    heap.rc[f.globals]++;
    heap.rc[f.builtins]++;
    heap.xincref(f.locals);
    (data as FrameData & { ownsLocals?: boolean }).ownsLocals = false;
    const r = heap.alloc(heap.t.frame, Kind.FRAME, data);
    f.frameObj = r;
    return r;
  }

  /** The frame object's `f_back`, materializing the caller's frame (3.12 `frame.f_back`). */
  frameBack(r: Ref): Ref {
    const data = this.heap.payload[r] as FrameData;
    if (data.back !== 0) return data.back;
    const f = data.ext as Frame | undefined;
    if (f === undefined || (data as FrameData & { ownsLocals?: boolean }).ownsLocals || f.back === null) return 0;
    return this.materializeFrame(f.back);
  }

  /** Enter a new frame: recursion check, line event bookkeeping. */
  private pushFrame(f: Frame): void {
    if (this.depth >= this.recursionLimit || this.depth >= this.hardDepthLimit) {
      const heap = this.heap;
      throw this.error(heap.t.RecursionError, this.profile.messages.recursion);
    }
    this.depth++;
    this.frame = f;
  }

  /**
   * Leave a frame: release its locals (in order), or hand them to its frame object if someone
   * still holds that object (3.12 "take ownership"; 2.7 frames always own their locals).
   */
  private popFrame(f: Frame): void {
    const heap = this.heap;
    this.depth--;
    this.frame = f.back;
    const fo = f.frameObj;
    releaseFrameHandling(this, f);
    if (this.profile.framesAlwaysMaterialized) {
      // 2.7: the frame object owns everything; drop the thread state's reference.
      if (fo !== 0) {
        (heap.payload[fo] as FrameData).lineno = this.currentLine(f);
        heap.decref(fo);
      }
      return;
    }
    if (fo !== 0 && heap.rc[fo]! > 1) {
      // Someone kept the frame object: it takes over the locals and links to its caller.
      const data = heap.payload[fo] as FrameData & { ownsLocals?: boolean };
      data.ownsLocals = true;
      data.lineno = f.lineno;
      if (f.func !== 0) {
        heap.rc[f.func]++;
        data.func = f.func;
      }
      if (f.back !== null) {
        const back = this.materializeFrame(f.back);
        heap.rc[back]++;
        data.back = back;
      }
      heap.track(fo);
      heap.decref(fo);
      return;
    }
    const fast = f.fast;
    f.fast = [];
    if (fo !== 0) {
      (heap.payload[fo] as FrameData).fast = [];
      heap.decref(fo);
    }
    for (let i = 0; i < fast.length; i++) {
      const v = fast[i]!;
      if (v !== 0) heap.decref(v);
    }
  }

  /** Create the 2.7 frame object at call time (tracked, owning the locals). */
  private createFrameObject27(f: Frame): void {
    const heap = this.heap;
    const code = f.code;
    const data: FrameData & { ownsLocals?: boolean } = {
      back: 0,
      code: code.codeRef,
      globals: f.globals,
      builtins: f.builtins,
      locals: f.locals,
      func: 0,
      fast: f.fast,
      stack: [],
      lineno: f.lineno,
      ext: f,
      ownsLocals: true,
    };
    if (f.back !== null && f.back.frameObj !== 0) {
      heap.rc[f.back.frameObj]++;
      data.back = f.back.frameObj;
    }
    heap.rc[code.codeRef]++;
    heap.rc[f.globals]++;
    heap.rc[f.builtins]++;
    heap.xincref(f.locals);
    // The heap reuses the code object's zombie frame or a free-listed one when it can (count0).
    const r = heap.alloc(heap.t.frame, Kind.FRAME, data);
    heap.track(r);
    f.frameObj = r;
  }

  // ==========================================================================================
  // Calls
  // ==========================================================================================

  /**
   * The `function` type's call slot: call a Python function with borrowed arguments.
   */
  callFunction(func: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
    return this.callPython(func, args, kwnames, false);
  }

  /**
   * Call a Python function. With `argsOwned`, the caller hands over its references to `args`
   * (3.12 moves them into the new frame; 2.7 keeps them "on the caller's stack" until the call
   * returns); either way they are released by the time this returns.
   */
  callPython(func: Ref, args: readonly Ref[], kwnames: readonly string[] | null, argsOwned: boolean, funcOwned = false): Ref {
    const heap = this.heap;
    const fd = heap.payload[func] as FunctionData;
    const code = fd.ext as CodeUnit;
    const fast: Ref[] = new Array(code.nfast);
    for (let i = 0; i < code.nfast; i++) fast[i] = 0;
    try {
      const qual = this.profile.version === '2.7' ? code.name : (heap.payload[fd.qualname] as string);
      bindArguments(heap, code, qual, fast, args, kwnames, fd.defaults, fd.kwdefaults);
    } catch (e) {
      for (const v of fast) if (v !== 0) heap.decref(v);
      if (argsOwned) for (const a of args) heap.decref(a);
      if (funcOwned) heap.decref(func);
      throw e;
    }
    // 3.12 moves the caller's references into the frame: release ours now.
    if (argsOwned && !this.profile.argsStayOnCallerStack) for (const a of args) heap.decref(a);
    try {
      return this.runFunctionFrame(func, fd, code, fast, funcOwned);
    } finally {
      if (argsOwned && this.profile.argsStayOnCallerStack) for (const a of args) heap.decref(a);
    }
  }

  /**
   * What a call site does: call `callable` consuming the caller's references to it and to the
   * arguments. In 3.12 a Python function's reference moves into its frame (`f_funcobj`), so
   * `sys.getrefcount(f)` inside `f()` sees one reference fewer than in 2.7.
   */
  callConsuming(callable: Ref, args: Ref[], kwnames: readonly string[] | null, evalBreakerCheck = true): Ref {
    const heap = this.heap;
    if (this.profile.frameHoldsFunction && heap.kind[callable] === Kind.FUNCTION && heap.typ[callable] === heap.t.function) {
      return this.callPython(callable, args, kwnames, true, true);
    }
    try {
      return this.callOwned(callable, args, kwnames, evalBreakerCheck);
    } finally {
      heap.decref(callable);
    }
  }

  private specializedCallables: { len: Ref; isinstance: Ref } | null = null;

  /**
   * Would 3.12's specializing interpreter run this call (at a call site that has already run
   * once) as an instruction with no eval-breaker check? `CALL_NO_KW_LIST_APPEND` (`lst.append(x)`
   * on an exact list), `CALL_NO_KW_LEN`, `CALL_NO_KW_ISINSTANCE` and `CALL_NO_KW_TYPE_1`.
   * `args` includes `self` for a method call.
   */
  isUncheckedSpecializedCall(callable: Ref, self: Ref, args: readonly Ref[], kwnames: readonly string[] | null): boolean {
    if (!this.profile.specializedEvalBreaker || (kwnames !== null && kwnames.length > 0)) return false;
    const heap = this.heap;
    if (self !== 0) {
      return args.length === 2 && heap.typ[self] === heap.t.list && callable === typeLookup(heap, heap.t.list, 'append');
    }
    if (callable === heap.t.type) return args.length === 1;
    if (this.specializedCallables === null) {
      this.specializedCallables = { len: dictGetStr(heap, this.builtinsDict, 'len'), isinstance: dictGetStr(heap, this.builtinsDict, 'isinstance') };
    }
    const sc = this.specializedCallables;
    return (callable === sc.len && args.length === 1) || (callable === sc.isinstance && args.length === 2);
  }

  /** Does a call site reach `callable` through `tp_call` with an argument tuple (see `tpCallArgsTuple`)? */
  callBuildsArgsTuple(callable: Ref): boolean {
    const heap = this.heap;
    const rule = this.profile.tpCallArgsTuple;
    const k = heap.kind[callable];
    if (k === Kind.TYPE) {
      const td = heap.payload[callable] as TypeData;
      if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) return rule.heapTypes && !isSubtype(heap, callable, heap.t.BaseException);
      if (rule.builtinTypes === 'all') return !isSubtype(heap, callable, heap.t.BaseException);
      for (const name of rule.builtinTypes) if (heap.t[name as keyof typeof heap.t] === callable) return true;
      return false;
    }
    if (k !== Kind.INSTANCE || !rule.callableInstances) return false;
    return ((heap.payload[heap.typ[callable]!] as TypeData).tflags & TypeFlag.HEAPTYPE) !== 0;
  }

  /** Set up cells and free variables, run the body, and tear the frame down. */
  runFunctionFrame(func: Ref, fd: FunctionData, code: CodeUnit, fast: Ref[], funcOwned = false): Ref {
    const heap = this.heap;
    const nvars = code.varnames.length;
    const ncells = code.cellvars.length;
    for (let i = 0; i < ncells; i++) {
      const cell = heap.alloc(heap.t.cell, Kind.CELL, [0]);
      heap.track(cell);
      fast[nvars + i] = cell;
    }
    for (const [ci, pi] of code.cellParams) {
      const v = fast[pi]!;
      const cell = fast[nvars + ci]!;
      if (v !== 0) {
        if (this.profile.paramCellsKeepLocal) heap.rc[v]++;
        else fast[pi] = 0;
        (heap.payload[cell] as Ref[])[0] = v;
      }
    }
    if (code.freevars.length > 0) {
      const closure = heap.payload[fd.closure] as Ref[];
      for (let i = 0; i < code.freevars.length; i++) {
        const c = closure[i]!;
        heap.rc[c]++;
        fast[nvars + ncells + i] = c;
      }
    }
    // The frame's (3.12) or the call's extra (2.7) reference to the function; a 3.12 call site
    // hands its own reference over instead.
    if (!funcOwned && (this.profile.extraFunctionRefDuringCall || this.profile.frameHoldsFunction)) heap.rc[func]++;
    const f = new Frame(code, fast, fd.globals, fd.builtins !== 0 ? fd.builtins : this.builtinsDict, 0, this.frame, func);
    if (code.isGenerator) {
      // A generator function returns a generator; the body runs on next().
      return this.makeGenerator(func, f);
    }
    try {
      this.pushFrame(f);
    } catch (e) {
      for (const v of fast) if (v !== 0) heap.decref(v);
      heap.decref(func);
      throw e;
    }
    if (this.profile.framesAlwaysMaterialized) this.createFrameObject27(f);
    // Entry to a Python function is an eval-breaker check (3.12 scheduled collections).
    if (heap.gc.pending) heap.safePoint();
    let ok = false;
    try {
      const c = code.body(f);
      const r = c === Completion.RETURN ? f.retval : heap.newRef(heap.None);
      f.retval = 0;
      ok = true;
      return r;
    } catch (e) {
      if (e instanceof PyException) this.addTraceback(e, f);
      throw e;
    } finally {
      if (!ok && f.retval !== 0) {
        heap.decref(f.retval);
        f.retval = 0;
      }
      this.popFrame(f);
      heap.decref(func);
      // 3.12 returns to the caller without an eval-breaker check; 2.7 has no scheduled collections.
      if (heap.gc.pending && !this.profile.specializedEvalBreaker) heap.safePoint();
    }
  }

  /** A generator for a generator frame (generator expressions). */
  makeGenerator(func: Ref, f: Frame): Ref {
    return makeGenerator(this, func, f);
  }

  // ---- what compiled code calls ---------------------------------------------------------------

  /** MAKE_FUNCTION (see definitions.ts). */
  newFunction(unit: CodeUnit, globals: Ref, name: Ref, qualname: Ref, defaults: Ref, kwdefaults: Ref, closure: Ref, doc: Ref): Ref {
    return newFunction(this, unit, globals, name, qualname, defaults, kwdefaults, closure, doc);
  }

  /** A class statement (see definitions.ts). */
  buildClass(unit: CodeUnit, f: Frame, name: Ref, qualname: Ref, bases: Ref[], meta: Ref, cells: Ref, kwnames: readonly string[] = [], kwvalues: readonly Ref[] = []): Ref {
    return buildClass(this, unit, f, name, qualname, bases, meta, cells, kwnames, kwvalues);
  }

  makeRaise(f: Frame, e: Ref, v: Ref, tb: Ref, cause: Ref): PyException {
    return makeRaise(this, f, e, v, tb, cause);
  }

  reraise(f: Frame): never {
    return reraise(this, f);
  }

  exceptionMatches(f: Frame, exc: Ref, typeFn: (f: Frame) => Ref): boolean {
    return exceptionMatches(this, f, exc, typeFn);
  }

  beginHandling(f: Frame, e: PyException, isFinally: boolean): HandlingToken {
    return beginHandling(this, f, e, isFinally);
  }

  endHandling(f: Frame, token: HandlingToken): void {
    endHandling(this, f, token);
  }

  setContext(inner: PyException, token: HandlingToken): void {
    setContext(this, inner, token);
  }

  discard(e: PyException): void {
    discard(this, e);
  }

  withEnter(mgr: Ref): [Ref, Ref] {
    return withEnter(this, mgr);
  }

  /**
   * Run a code block (module body, class body) in frame `fr`; `owner` is the function object
   * (class bodies) or 0. Handles the frame stack, 2.7 frame objects and tracebacks.
   */
  runFrame(fr: Frame, owner: Ref): void {
    const heap = this.heap;
    this.pushFrame(fr);
    if (this.profile.framesAlwaysMaterialized) this.createFrameObject27(fr);
    void owner;
    try {
      const c = fr.code.body(fr);
      if (c === Completion.RETURN && fr.retval !== 0) {
        heap.decref(fr.retval);
        fr.retval = 0;
      }
    } catch (e) {
      if (e instanceof PyException) this.addTraceback(e, fr);
      throw e;
    } finally {
      releaseFrameHandling(this, fr);
      this.popFrame(fr);
    }
  }

  /** 2.7 `exec` statement / `exec()`: compile and run `source` (a str ref) in the given namespaces. */
  execSource(source: Ref, globals: Ref, locals: Ref): void {
    const heap = this.heap;
    if (heap.kind[source] !== Kind.STR) throw this.error(heap.t.TypeError, 'exec: arg 1 must be a string, file, or code object');
    if (this.compileModule === null) throw this.error(heap.t.SystemError, 'no compiler');
    const filename = '<string>';
    const text = heap.payload[source] as string;
    this.sources.set(filename, text.split('\n'));
    const unit = this.compileModule(text, filename);
    if (dictGetStr(heap, globals, '__builtins__') === 0) dictSetStr(heap, globals, '__builtins__', this.builtinsModule);
    const fr = new Frame(unit, new Array(unit.nfast).fill(0), globals, this.builtinsDict, locals, this.frame, 0);
    this.runFrame(fr, 0);
  }

  /**
   * Call any callable with owned arguments (what compiled call sites use): Python functions get
   * the version's reference conventions; everything else gets borrowed arguments that are
   * released afterwards.
   */
  callOwned(callable: Ref, args: Ref[], kwnames: readonly string[] | null, evalBreakerCheck = true): Ref {
    const heap = this.heap;
    if (heap.kind[callable] === Kind.FUNCTION && heap.typ[callable] === heap.t.function) {
      return this.callPython(callable, args, kwnames, true);
    }
    if (heap.kind[callable] === Kind.METHOD && heap.typ[callable] === heap.t.method) {
      const p = heap.payload[callable] as Ref[];
      const fn = p[0]!;
      const self = p[1]!;
      if (self !== 0 && heap.kind[fn] === Kind.FUNCTION) {
        const all = new Array<Ref>(args.length + 1);
        heap.rc[self]++;
        all[0] = self;
        for (let i = 0; i < args.length; i++) all[i + 1] = args[i]!;
        heap.rc[fn]++;
        try {
          return this.callPython(fn, all, kwnames, true);
        } finally {
          heap.decref(fn);
        }
      }
    }
    try {
      if (this.callBuildsArgsTuple(callable)) return withArgsTuple(heap, args, kwnames, () => call(heap, callable, args, kwnames));
      return call(heap, callable, args, kwnames);
    } finally {
      for (const a of args) heap.decref(a);
      // CALL's eval-breaker check, unless the call site runs as a specialization without one.
      if (heap.gc.pending && evalBreakerCheck) heap.safePoint();
    }
  }

  // ==========================================================================================
  // Exceptions reported, not raised
  // ==========================================================================================

  /**
   * False once 3.12's finalization has emptied sys.modules: CPython reads traceback source lines
   * through the `io` module, which can no longer be imported then, so tracebacks printed from
   * that point on (a `__del__` failing at exit) have no source lines.
   */
  sourceLinesAvailable = true;

  /** Source line text for tracebacks. */
  sourceLine = (filename: string, lineno: number): string | null => {
    if (!this.sourceLinesAvailable) return null;
    const lines = this.sources.get(filename);
    if (lines === undefined) return null;
    return lines[lineno - 1] ?? null;
  };

  /** Original sys.stderr object (writes straight to the sink). */
  originalStderr: Ref = 0;

  /** Write to the program's current `sys.stderr` object. */
  writeToSysStderr(text: string): void {
    const heap = this.heap;
    const err = this.sysModule === 0 ? 0 : this.sysAttr('stderr');
    if (err === 0 || err === this.originalStderr) {
      this.writeErr(text);
      return;
    }
    if (err === heap.None) return;
    const s = newStr(heap, text);
    try {
      heap.decref(callMethod(heap, err, 'write', [s]));
    } catch (e) {
      if (e instanceof PyException) heap.decref(e.exc);
      else throw e;
    } finally {
      heap.decref(s);
    }
  }

  /**
   * CPython's `PyErr_WriteUnraisable(obj)` (`where` null) or `_PyErr_WriteUnraisableMsg(where,
   * obj)`, per version: 2.7's one-line report; 3.12 through `sys.unraisablehook`. `exc` is borrowed.
   */
  writeUnraisable(exc: Ref, obj: Ref, where: string | null = null): void {
    const heap = this.heap;
    if (this.profile.unraisableStyle === '2.7') {
      this.writeToSysStderr(unraisable27(heap, exc, obj));
      return;
    }
    writeUnraisable312(this, exc, obj, where);
  }

  /** The `UnraisableHookArgs` structseq type (3.12; 0 before `sys` exists or in 2.7). */
  unraisableArgsType: Ref = 0;

  /**
   * An uncaught exception at top level (`PyErr_Print`): `sys.last_*`, then `sys.excepthook`.
   * Returns the exit status (1, or the code of a SystemExit raised by the hook).
   */
  handleUncaught(e: PyException): number {
    return handleUncaught(this, e);
  }

  /** Print an uncaught exception the way the interpreter does at top level. */
  printUncaught(e: PyException): void {
    const heap = this.heap;
    const tb = this.tracebackOf(e);
    const trailer = this.profile.errorSuggestions ? (exc: Ref) => suggestionTrailer(this, exc, 'interpreter') : undefined;
    const lines = formatException(heap, e.exc, tb, this.sourceLine, this.profile.tracebackCarets, new Set(), trailer);
    this.writeToSysStderr(lines.join('\n') + '\n');
  }

  /** Traceback lines only (for traceback.print_exc-like helpers). */
  formatTraceback(tb: Ref): string[] {
    return formatTracebackEntries(this.heap, tb, this.sourceLine, this.profile.tracebackCarets);
  }

  // ==========================================================================================
  // Modules
  // ==========================================================================================

  /** `import name` (new reference to the module). */
  importModule(name: string): Ref {
    const heap = this.heap;
    const existing = dictGetStr(heap, this.modulesDict, name);
    if (existing !== 0) return heap.newRef(existing);
    const provider = this.moduleProviders.get(name);
    if (provider === undefined) {
      const t = this.version === '2.7' ? heap.t.ImportError : heap.t.ModuleNotFoundError;
      throw this.error(t, this.version === '2.7' ? `No module named ${name}` : `No module named '${name}'`);
    }
    // A module CPython runs from a .py file: count0 moves as CPython's import moves it.
    const cost = heap.profile.importCounts[name];
    const m = cost === undefined ? provider(this) : heap.withImportCost(cost, () => provider(this));
    dictSetStr(heap, this.modulesDict, name, m);
    return m;
  }

  /** Register a module object under `name` in sys.modules. */
  registerModule(name: string, m: Ref): void {
    dictSetStr(this.heap, this.modulesDict, name, m);
  }

  /** Remove `name` from sys.modules (an import that failed). */
  unregisterModule(name: string): void {
    dictDelStr(this.heap, this.modulesDict, name);
  }

  // ==========================================================================================
  // Helpers for natives
  // ==========================================================================================

  /** `sys.stdout` (borrowed). */
  sysAttr(name: string): Ref {
    return dictGetStr(this.heap, moduleDict(this.heap, this.sysModule), name);
  }

  /** Write text to the program's current `sys.stdout` (through its `write` method). */
  printText(text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    const heap = this.heap;
    const out = this.sysAttr(stream);
    if (out === 0 || out === heap.None) return;
    const s = newStr(heap, text);
    try {
      const r = callMethod(heap, out, 'write', [s]);
      heap.decref(r);
    } finally {
      heap.decref(s);
    }
  }

  /** The exception being handled (sys.exc_info()[1]) or 0. */
  currentException(): { exc: Ref; tb: Ref } | null {
    return this.excStack.length > 0 ? this.excStack[this.excStack.length - 1]! : null;
  }

  /**
   * Run the exit callbacks, most recently registered first (3.12 `atexit_callfuncs`: the ones
   * registered meanwhile are not called, an exception is reported as unraisable "in atexit
   * callback"), then drop them all. 2.7 then calls `sys.exitfunc` (`call_sys_exitfunc`); a
   * SystemExit it raises gives the exit status, returned here (else null).
   */
  runAtexit(): number | null {
    const n = this.atexit.length;
    for (let i = n - 1; i >= 0; i--) {
      const fn = this.atexit[i];
      if (fn === null || fn === undefined) continue;
      this.atexit[i] = null;
      try {
        fn();
      } catch (e) {
        if (e instanceof PyException) {
          if (fn.func !== undefined) this.heap.incref(fn.func);
          const func = fn.func ?? (fn.describe !== undefined ? fn.describe() : 0);
          this.writeUnraisable(e.exc, func, func !== 0 ? 'in atexit callback' : undefined);
          if (func !== 0) this.heap.decref(func);
          this.discard(e);
        } else throw e;
      }
    }
    this.clearAtexit();
    return this.version === '2.7' ? this.callSysExitfunc27() : null;
  }

  /** Forget every exit callback (`atexit._clear`). */
  clearAtexit(): void {
    const cbs = this.atexit.splice(0);
    for (const cb of cbs) cb?.release?.();
  }

  /**
   * 2.7 `call_sys_exitfunc`: take `sys.exitfunc` out of `sys` and call it; an exception is
   * printed (after "Error in sys.exitfunc:" unless it is SystemExit, whose code is returned).
   */
  private callSysExitfunc27(): number | null {
    const heap = this.heap;
    const d = moduleDict(heap, this.sysModule);
    const fn = dictGetStr(heap, d, 'exitfunc');
    if (fn === 0) return null;
    heap.incref(fn);
    dictDelStr(heap, d, 'exitfunc');
    let status: number | null = null;
    try {
      heap.decref(call(heap, fn, []));
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      if (this.isInstanceOf(e.exc, heap.t.SystemExit)) status = this.systemExitStatus(e.exc);
      else {
        this.writeToSysStderr('Error in sys.exitfunc:\n');
        const s = this.handleUncaught(e);
        if (s !== 1) status = s; // a SystemExit out of sys.excepthook
      }
      this.discard(e);
    } finally {
      heap.decref(fn);
    }
    return status;
  }

  /** The exit status for a SystemExit instance (CPython's handle_system_exit; prints a non-int code). */
  systemExitStatus(exc: Ref): number {
    const heap = this.heap;
    const data = heap.payload[exc] as ExceptionData;
    const args = data.args === 0 ? [] : (heap.payload[data.args] as Ref[]);
    const code = args.length === 0 ? heap.None : args.length === 1 ? args[0]! : data.args;
    if (code === heap.None) return 0;
    if (heap.kind[code] === Kind.INT || heap.kind[code] === Kind.BOOL) return Number(heap.payload[code] as number) & 0xff;
    this.writeToSysStderr(`${strOf(heap, code)}\n`);
    return 1;
  }

  /** A SystemExit instance carrying `code` (borrowed). */
  newSystemExit(code: Ref): Ref {
    const heap = this.heap;
    const args = code === heap.None ? [] : [code];
    return newExceptionObject(heap, heap.t.SystemExit, args);
  }

  /** Build a new exception instance of `type` from a JS message. */
  newExceptionInstance(type: Ref, message: string): Ref {
    return newExceptionObject(this.heap, type, [message]);
  }

  /** Hash of any object (used by natives). */
  hash(r: Ref): number {
    return defaultHash(this.heap, r);
  }

  /** `isinstance(exc, type)` for exception matching. */
  isInstanceOf(obj: Ref, type: Ref): boolean {
    return isSubtype(this.heap, this.heap.typ[obj]!, type);
  }

  /** Create a bound method (for 2.7 method-call conventions). */
  boundMethod(func: Ref, self: Ref): Ref {
    return newBoundMethod(this.heap, func, self, this.heap.typ[self]!);
  }

  /** getattr helper. */
  getattr(obj: Ref, name: string): Ref {
    return getAttr(this.heap, obj, name);
  }

  /** `intern` helper. */
  intern(s: string): Ref {
    return intern(this.heap, s);
  }

  /** Make a new dict. */
  newDict(): Ref {
    return newDict(this.heap);
  }

  /** Create the list of `sys.argv`. */
  listOfStrings(items: string[]): Ref {
    const heap = this.heap;
    const refs = items.map((s) => newStr(heap, s));
    const tuple = newTupleSteal(heap, refs);
    void tuple;
    return tuple;
  }

  /** Items of a list (borrowed). */
  listItems(l: Ref): Ref[] {
    return listItems(this.heap, l);
  }

  /** For natives that need a module object. */
  newModule(name: string): Ref {
    return newModule(this.heap, name);
  }

  /** Flag check helper. */
  isTracked(r: Ref): boolean {
    return (this.heap.flags[r]! & Flag.TRACKED) !== 0;
  }

  /** The CodeData of a code object. */
  codeData(r: Ref): CodeData {
    return this.heap.payload[r] as CodeData;
  }
}

export { NO_ARGS };
