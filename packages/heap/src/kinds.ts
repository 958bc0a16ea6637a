/**
 * Object layouts ("kinds") and per-object flag bits.
 *
 * A kind says how an object's payload is shaped and how the heap visits, clears and releases
 * its references — the role `tp_basicsize`, `tp_traverse`, `tp_clear` and `tp_dealloc` play for
 * CPython's built-in types. A type object records the kind its instances get, so a `list`
 * subclass's instances have kind `LIST`.
 */

/** Layout identifiers. Stored per object in a `Uint8Array`. */
export const Kind = {
  FREE: 0,
  /** None, NotImplemented, Ellipsis: payload unused. */
  SINGLETON: 1,
  BOOL: 2,
  /** payload: number (safe integer) or bigint. */
  INT: 3,
  /** payload: number. */
  FLOAT: 4,
  /** payload: number (the imaginary part; real part is 0 for literals) — `{re, im}` object. */
  COMPLEX: 5,
  /** payload: JS string (3.12 str, 2.7 str as one char per byte). */
  STR: 6,
  /** payload: JS string with code points 0..255 (3.12 bytes; 2.7 unicode uses STR with the `unicode` type). */
  BYTES: 7,
  /** payload: Ref[] (immutable after construction). */
  TUPLE: 8,
  /** payload: Ref[]. */
  LIST: 9,
  /** payload: DictStore. */
  DICT: 10,
  /** payload: SetStore. */
  SET: 11,
  /** payload: SetStore. */
  FROZENSET: 12,
  /** payload: TypeData. */
  TYPE: 13,
  /** payload: Ref[] laid out as [dict, ...slots, ...inlineValues]. */
  INSTANCE: 14,
  /** payload: FunctionData. */
  FUNCTION: 15,
  /** builtin_function_or_method — payload: BuiltinData. */
  BUILTIN: 16,
  /** bound method — payload: [func, self, class] (class only in profiles that keep im_class). */
  METHOD: 17,
  /** payload: Ref[1] (0 = empty cell). */
  CELL: 18,
  /** payload: ModuleData. */
  MODULE: 19,
  /** payload: FrameData. */
  FRAME: 20,
  /** payload: opaque compiled code (non-GC). */
  CODE: 21,
  /** ref, proxy, callable proxy and their subclasses — payload: WeakrefData. */
  WEAKREF: 22,
  /** BaseException instances — payload: ExceptionData. */
  EXCEPTION: 23,
  /** payload: TracebackData. */
  TRACEBACK: 24,
  /** method_descriptor, getset_descriptor, member_descriptor, wrapper_descriptor — payload: DescriptorData. */
  DESCRIPTOR: 25,
  /** property — payload: Ref[4] fget, fset, fdel, doc. */
  PROPERTY: 26,
  /** staticmethod / classmethod — payload: Ref[1] (the callable). */
  STATICMETHOD: 27,
  CLASSMETHOD: 28,
  /** payload: Ref[3] start, stop, step. */
  SLICE: 29,
  /** payload: {start, stop, step} numbers (non-GC). */
  RANGE: 30,
  /** Iterators over builtin containers — payload: IteratorData. */
  ITERATOR: 31,
  /** 2.7 classobj — payload: ClassicClassData. */
  CLASSIC_CLASS: 32,
  /** 2.7 instance — payload: [class, dict]. */
  CLASSIC_INSTANCE: 33,
  /** Objects defined by extension code (weakref containers, objgraph helpers...) — payload: NativeData. */
  NATIVE: 34,
  /** dict views (keys/values/items) — payload: [dict]. */
  DICTVIEW: 35,
  /** super objects — payload: [type, obj, objtype]. */
  SUPER: 36,
  /** mappingproxy — payload: [mapping]. */
  MAPPINGPROXY: 37,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** Number of kinds (size of per-kind tables). */
export const KIND_COUNT = 38;

/** Per-object flag bits (a `Uint8Array`). */
export const Flag = {
  /** The object is in one of the collector's generation lists. */
  TRACKED: 1,
  /** PEP 442: the finalizer (`__del__`) has been called. */
  FINALIZED: 2,
  /** Immortal (3.12): refcount never reaches zero; `sys.getrefcount` reports 2**32-1. */
  IMMORTAL: 4,
  /** At least one weak reference points at the object. */
  HAS_WEAKREFS: 8,
  /** The slot is free. */
  FREE: 16,
  /** The collector is examining the object (it is in the young set being collected). */
  COLLECTING: 32,
  /** The collector has tentatively moved the object to its unreachable list. */
  UNREACHABLE: 64,
  /** The object has an instance dict stored in the heap's side table (builtin subclasses). */
  SIDE_DICT: 128,
} as const;

/** Kinds whose instances are GC containers for every type that uses them. */
export const GC_KINDS: ReadonlySet<number> = new Set<number>([
  Kind.TUPLE,
  Kind.LIST,
  Kind.DICT,
  Kind.SET,
  Kind.FROZENSET,
  Kind.TYPE,
  Kind.INSTANCE,
  Kind.FUNCTION,
  Kind.BUILTIN,
  Kind.METHOD,
  Kind.CELL,
  Kind.MODULE,
  Kind.FRAME,
  Kind.WEAKREF,
  Kind.EXCEPTION,
  Kind.TRACEBACK,
  Kind.DESCRIPTOR,
  Kind.PROPERTY,
  Kind.STATICMETHOD,
  Kind.CLASSMETHOD,
  Kind.SLICE,
  Kind.ITERATOR,
  Kind.CLASSIC_CLASS,
  Kind.CLASSIC_INSTANCE,
  Kind.NATIVE,
  Kind.DICTVIEW,
  Kind.SUPER,
  Kind.MAPPINGPROXY,
]);
