/**
 * What a type object carries: its name, layout, flags, namespace and *slots* — the JS functions
 * the heap calls to hash, compare, call, finalize... objects of the type, like CPython's
 * `tp_hash`, `tp_richcompare`, `tp_call`, `tp_finalize`.
 *
 * Slots are how lower layers run behaviour defined above them: the heap calls `slots.finalize`
 * without knowing that, for a Python class, it runs a `__del__` written in Python.
 */
import type { Heap } from './heap.js';
import type { Kind } from './kinds.js';
import type { Ref } from './ref.js';

/** Rich comparison operators, numbered as CPython's `Py_LT`..`Py_GE`. */
export const CompareOp = { LT: 0, LE: 1, EQ: 2, NE: 3, GT: 4, GE: 5 } as const;
export type CompareOp = (typeof CompareOp)[keyof typeof CompareOp];

/**
 * Positional args, then keyword values; `kwnames` names the trailing keyword values
 * (CPython's vectorcall convention). All refs borrowed.
 */
export type CallSlot = (heap: Heap, callable: Ref, args: readonly Ref[], kwnames: readonly string[] | null) => Ref;

/**
 * Binary number operations, the keys of `TypeSlots.nb` / `TypeSlots.nbInplace` (CPython's
 * `nb_add`, `nb_subtract`...). `Div` is 2.7's classic `/` (`nb_divide`), `TrueDiv` is `/` under
 * true division (`nb_true_divide`), `DivMod` is `divmod()`.
 */
export type NumberOp =
  | 'Add'
  | 'Sub'
  | 'Mult'
  | 'MatMult'
  | 'Div'
  | 'TrueDiv'
  | 'FloorDiv'
  | 'Mod'
  | 'DivMod'
  | 'Pow'
  | 'LShift'
  | 'RShift'
  | 'BitOr'
  | 'BitXor'
  | 'BitAnd';

/** Unary number operations, the keys of `TypeSlots.nbUnary` (`nb_negative`, `nb_positive`, `nb_invert`, `nb_absolute`). */
export type NumberUnaryOp = 'Neg' | 'Pos' | 'Invert' | 'Abs';

/**
 * A binary number slot, called as CPython's `binary_op1` calls `nb_add`: with the operands in
 * source order (`v + w`) whether `v` or `w` is the object of the slot's type. Returns a new
 * reference, `NotImplemented` when the operation does not apply. Operands are borrowed.
 */
export type NumberSlot = (heap: Heap, v: Ref, w: Ref) => Ref;

/**
 * The interpreter's abstract number operations (`PyNumber_Add`, `PyNumber_InPlaceAdd`,
 * `PyNumber_Negative`...), installed on `Heap.numberOps` by the runtime that implements them, so
 * slots written in lower layers (a weakref proxy forwarding `+` to its referent) can run the full
 * operator protocol. Every function returns a new reference and raises CPython's TypeError when
 * neither operand supports the operation.
 */
export interface NumberOps {
  binary(heap: Heap, op: NumberOp, v: Ref, w: Ref): Ref;
  inplace(heap: Heap, op: NumberOp, v: Ref, w: Ref): Ref;
  unary(heap: Heap, op: NumberUnaryOp, v: Ref): Ref;
  /** `PyNumber_Power(v, w, z)`: `pow()` with a modulus (`z` is None for none). */
  power(heap: Heap, v: Ref, w: Ref, z: Ref): Ref;
}

/** Type slots. Every function returning a `Ref` returns a new reference. */
export interface TypeSlots {
  /**
   * `tp_as_number`'s binary slots. The interpreter's operators consult them on both operands of
   * builtin and extension types (heap types get theirs from `__add__`/`__radd__`); a slot is
   * called with the operands in source order and may return `NotImplemented`. Give types that
   * share an implementation the same function object: like CPython, the right operand's slot is
   * skipped when it is the left operand's.
   */
  nb?: Partial<Record<NumberOp, NumberSlot>>;
  /** `tp_as_number`'s in-place slots (`nb_inplace_add`...): `(self, other)`, possibly `NotImplemented`. */
  nbInplace?: Partial<Record<NumberOp, NumberSlot>>;
  /** `tp_as_number`'s unary slots (`nb_negative`...). */
  nbUnary?: Partial<Record<NumberUnaryOp, (heap: Heap, v: Ref) => Ref>>;
  /** `tp_hash`: returns the low 32 bits and leaves the high bits in `HASH_HI[0]`. */
  hash?: (heap: Heap, self: Ref) => number;
  /** `tp_richcompare`: a new reference, possibly `NotImplemented`. */
  richcompare?: (heap: Heap, self: Ref, other: Ref, op: CompareOp) => Ref;
  /** `tp_repr` as a JS string. */
  repr?: (heap: Heap, self: Ref) => string;
  /** `tp_str` as a JS string (defaults to repr). */
  str?: (heap: Heap, self: Ref) => string;
  call?: CallSlot;
  /** `tp_getattro`: new reference; throws AttributeError. */
  getattro?: (heap: Heap, self: Ref, name: string) => Ref;
  /** Like getattro but returns 0 instead of raising AttributeError (fast path for lookups that may fail). */
  getattroOrNull?: (heap: Heap, self: Ref, name: string) => Ref;
  /** `tp_setattro`; `value === 0` deletes. */
  setattro?: (heap: Heap, self: Ref, name: string, value: Ref) => void;
  /**
   * The finalizer: `__del__`. Runs with the object temporarily alive. Exceptions must be caught
   * and reported by the slot itself (CPython's `PyErr_WriteUnraisable`).
   */
  finalize?: (heap: Heap, self: Ref) => void;
  /** `tp_descr_get`: `obj` is 0 when looked up on the class. */
  descrGet?: (heap: Heap, descr: Ref, obj: Ref, type: Ref) => Ref;
  /** `tp_descr_set`: `value === 0` deletes. Presence makes the descriptor a data descriptor. */
  descrSet?: (heap: Heap, descr: Ref, obj: Ref, value: Ref) => void;
  iter?: (heap: Heap, self: Ref) => Ref;
  /** Next item (new reference) or 0 when exhausted. */
  iternext?: (heap: Heap, self: Ref) => Ref;
  len?: (heap: Heap, self: Ref) => number;
  getitem?: (heap: Heap, self: Ref, key: Ref) => Ref;
  /** `value === 0` deletes. */
  setitem?: (heap: Heap, self: Ref, key: Ref, value: Ref) => void;
  contains?: (heap: Heap, self: Ref, item: Ref) => boolean;
  bool?: (heap: Heap, self: Ref) => boolean;
  /** For `Kind.NATIVE` objects: visit referents (push into `out`). */
  traverse?: (heap: Heap, self: Ref, out: Ref[]) => void;
  /**
   * For `Kind.NATIVE` objects: drop references (tp_clear; deallocation calls it too, then releases
   * whatever `NativeData.refs` still holds). Returning `false` says the type has no `tp_clear` in
   * this profile (2.7's `functools.partial`): nothing was dropped, and the collector leaves the
   * object to die by refcounting once its cycle partners are cleared.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: most clear slots return nothing.
  clear?: (heap: Heap, self: Ref) => void | boolean;
}

/** Type flag bits. */
export const TypeFlag = {
  /** Instances are GC containers. */
  GC: 1,
  /** Created at run time (`class` statement): instances hold a reference to it; it is GC-tracked. */
  HEAPTYPE: 2,
  /** Can be subclassed. */
  BASETYPE: 4,
  /** Instances have a `__dict__`. */
  HAS_DICT: 8,
  /** Instances can be weakly referenced. */
  WEAKREFABLE: 16,
  /** Instances use inline values (3.12 managed dict). */
  INLINE_VALUES: 32,
  /** A subclass of BaseException. */
  EXCEPTION: 64,
  /** Type of types (a metaclass). */
  TYPE_SUBCLASS: 128,
  /** Immutable type: attributes cannot be set (builtins). */
  IMMUTABLE: 256,
  /** 2.7 classic class ("classobj"). */
  CLASSIC: 512,
} as const;

/** Payload of a type object. */
export interface TypeData {
  /** `__name__`. */
  name: string;
  /** CPython's `tp_name` (what error messages and gc debug lines print): `exceptions.ValueError` in 2.7, `weakref.ReferenceType` in 3.12. */
  tpName: string;
  /** `__qualname__`. */
  qualname: string;
  /** `__module__` ('__main__', 'builtins'...). */
  module: string;
  /** The namespace dict (owned reference). */
  dict: Ref;
  /** `__bases__` tuple (owned). */
  bases: Ref;
  /** `__mro__` tuple (owned). */
  mro: Ref;
  /** `tp_base`: the solid base (borrowed; kept alive by `bases`). 0 for `object`. */
  base: Ref;
  /** Layout of instances. */
  layout: Kind;
  /** TypeFlag bits. */
  tflags: number;
  /** All `__slots__` member names, base classes' first: instance positions 1..n. */
  slotNames: string[];
  /** Index (into slotNames) where this class's own slots start. */
  ownSlotStart: number;
  /** 3.12 shared keys: attribute name → inline value index, in the order the class first saw names. */
  sharedKeys: Map<string, number> | null;
  sharedKeyList: string[];
  /** Slot functions (own or inherited at class creation). */
  slots: TypeSlots;
  /** Attribute lookup cache: name → borrowed ref (0 = absent), valid while `cacheEpoch` equals the heap's type epoch. */
  cache: Map<string, Ref>;
  cacheEpoch: number;
  /** Direct subclasses (not owned). */
  subclasses: Ref[];
  /**
   * 3.12 (`ClassCreationCosts.subclassDicts`): how many classes the type's `tp_subclasses` dict
   * holds an entry for; absent or 0 when it has no such dict.
   */
  subclassEntries?: number;
  /** 3.12: the bases whose subclass dicts hold an entry for this class (set once it is linked). */
  linkedBases?: Ref[];
  /** 3.12: the size of the `__slots__` names tuple the class keeps (`ht_slots`), when it has one. */
  htSlots?: number;
  /** Cached: does the type (or a base) define `__del__`? Valid for `cacheEpoch`. */
  finalizerEpoch: number;
  hasFinalizer: boolean;
  /** Cached `__new__`/`__init__` lookups (borrowed), valid while `ctorEpoch` equals the heap's type epoch. */
  ctorEpoch?: number;
  ctorNew?: Ref;
  ctorInit?: Ref;
  /** Free-form data for extension types. */
  ext?: unknown;
}
