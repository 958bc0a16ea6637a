/**
 * Payload shapes of the kinds whose fields are references (CPython's struct layouts, as data).
 * The heap needs them to traverse, clear and release; the runtime fills in the rest (`ext`).
 */
import type { Ref } from './ref.js';

/** A function object (`PyFunctionObject`). Every Ref field is owned (0 = NULL). */
export interface FunctionData {
  code: Ref;
  globals: Ref;
  /** 3.12 `func_builtins`. */
  builtins: Ref;
  name: Ref;
  qualname: Ref;
  defaults: Ref;
  kwdefaults: Ref;
  closure: Ref;
  doc: Ref;
  module: Ref;
  /** `__dict__` or 0. */
  dict: Ref;
  annotations: Ref;
  /** The runtime's data (compiled code handle etc.). */
  ext?: unknown;
}

/** A code object: non-GC, but it owns its constants. */
export interface CodeData {
  /** Constants (owned). */
  consts: Ref[];
  /** Name, filename etc. for reprs. */
  name: string;
  qualname: string;
  filename: string;
  firstlineno: number;
  /** Local variable names (parameters first), `co_varnames`. */
  varnames: string[];
  /** Number of positional parameters, `co_argcount`. */
  argcount: number;
  /** Cell and free variable names. */
  cellvars: string[];
  freevars: string[];
  /** `co_flags` (CO_VARARGS 4, CO_VARKEYWORDS 8, CO_NESTED 16, CO_GENERATOR 32...). */
  flags: number;
  /** The runtime's compiled form. */
  ext?: unknown;
}

/** A frame object. */
export interface FrameData {
  back: Ref;
  code: Ref;
  globals: Ref;
  builtins: Ref;
  /** `f_locals` dict (module/class frames) or 0. */
  locals: Ref;
  /** 3.12: the function object the frame runs (`f_funcobj`). */
  func: Ref;
  /** Fast locals, cells and free variables (owned; 0 = unbound). */
  fast: Ref[];
  /** Value stack entries the frame holds (owned). */
  stack: Ref[];
  /** Current line number. */
  lineno: number;
  /**
   * Whether the frame object owns `fast`/`stack` (2.7 frames always; a 3.12 frame object only
   * once its function has returned — while it runs, the interpreter owns them and the collector
   * does not traverse them). Undefined means true.
   */
  ownsLocals?: boolean;
  /** The runtime's data. */
  ext?: unknown;
}

/** `builtin_function_or_method`. */
export interface BuiltinData {
  /** The implementation. `self` is the bound object (or 0). */
  fn: (heap: unknown, self: Ref, args: readonly Ref[], kwnames: readonly string[] | null) => Ref;
  name: string;
  /** Owned: the object the builtin is bound to (0 for plain functions). */
  self: Ref;
  /** Owned: module name string object or 0. */
  module: Ref;
  /** For reprs: `<built-in method append of list object at ...>` vs `<built-in function len>`. */
  isMethod: boolean;
  doc?: string;
  /**
   * CPython's `METH_VARARGS` calling convention: each call packs the positional arguments into a
   * new tuple (and keyword arguments into a new dict), which the collector counts like any other
   * allocation. Unset for `METH_O` / `METH_NOARGS` / `METH_FASTCALL` functions.
   */
  argsTuple?: boolean;
}

/** A weak reference / proxy. */
export interface WeakrefData {
  /** The referent (NOT owned), 0 once dead. */
  referent: Ref;
  /** Owned callback or 0. */
  callback: Ref;
  /** Hash remembered from the referent (ref objects only). */
  hashed: boolean;
  hashLo: number;
  hashHi: number;
}

/** A BaseException instance. */
export interface ExceptionData {
  dict: Ref;
  args: Ref;
  notes: Ref;
  traceback: Ref;
  cause: Ref;
  context: Ref;
  suppressContext: boolean;
  /** 2.7 `message` attribute (owned) or 0. */
  message: Ref;
  /**
   * 3.x NameError/AttributeError `name` and AttributeError `obj` as the interpreter attaches
   * them to the errors it raises (owned, or 0), the fields the "Did you mean" suggestions read.
   * Assigned from Python code, those attributes live in `notes` instead.
   */
  errName: Ref;
  errObj: Ref;
}

/** A traceback entry. */
export interface TracebackData {
  next: Ref;
  frame: Ref;
  lineno: number;
  lasti: number;
}

/** method/getset/member/wrapper descriptors. */
export interface DescriptorData {
  /** Owned: the type the descriptor belongs to. */
  type: Ref;
  name: string;
  /** Descriptor behaviour, supplied by whoever defines it. */
  get?: (heap: unknown, obj: Ref, type: Ref) => Ref;
  set?: (heap: unknown, obj: Ref, value: Ref) => void;
  /** For method descriptors: the implementation called with `self` first. */
  call?: (heap: unknown, self: Ref, args: readonly Ref[], kwnames: readonly string[] | null) => Ref;
  /** Index of the slot for member descriptors (`__slots__`). */
  slotIndex?: number;
  doc?: string;
}

/** An iterator over a builtin container. */
export interface IteratorData {
  /** Owned: the object iterated (0 once exhausted). */
  seq: Ref;
  index: number;
  /** What to produce: items, keys, values, items... (runtime-defined). */
  mode: number;
  /** Dict/set version at creation (changed-size detection), or length. */
  guard: number;
  /** Owned: a dict item iterator's cached `(key, value)` tuple (CPython's di_result), reused by next(). */
  result?: Ref;
  ext?: unknown;
}

/** 2.7 classic class. */
export interface ClassicClassData {
  name: Ref;
  bases: Ref;
  dict: Ref;
  getattr: Ref;
  setattr: Ref;
  delattr: Ref;
}

/** Objects defined by extension code. */
export interface NativeData {
  /** Owned references the object holds, in traversal order. */
  refs: Ref[];
  /**
   * Index in `refs` of the object's `__dict__` (0 there until the first attribute store or read
   * of `__dict__`), for extension types whose instances carry one — CPython's `tp_dictoffset`, as
   * `functools.partial` has. The attribute machinery (`objectDict`, `getAttrStorage`...) stores
   * attributes there instead of in the side table builtin-layout subclasses use.
   */
  dictSlot?: number;
  ext?: unknown;
}
