/**
 * Per-heap state of the runtime library: the evaluator's hooks and the *number and sequence
 * slots* of builtin types (CPython's `tp_as_number` / `tp_as_sequence`), which the heap's
 * `TypeSlots` do not carry. Type modules register their slots here; `number.ts` dispatches on
 * them with CPython's binary-operator rules.
 */
import type { Heap, NumberOp, NumberUnaryOp, Ref } from '@heaplab/heap';
import type { RuntimeHooks } from './hooks.js';

/**
 * Internal binary operator keys: the heap's number-slot keys (`NumberOp`): the parser's names,
 * plus `TrueDiv` (2.7 `__future__` division; also what 3.12's `Div` means) and `DivMod` (the
 * `divmod()` builtin).
 */
export type NbOp = NumberOp;

/** A binary number slot: a new reference, possibly NotImplemented. Operands borrowed. */
export type NbFn = (heap: Heap, v: Ref, w: Ref) => Ref;
/** A unary number slot (new reference). */
export type UnFn = (heap: Heap, v: Ref) => Ref;
/** `sq_repeat`: `n` is already a JS integer. */
export type RepeatFn = (heap: Heap, seq: Ref, n: number) => Ref;

/** Unary slots. */
export type UnOp = NumberUnaryOp;

/** A builtin type's sequence slots. */
export interface SeqSlots {
  concat?: NbFn;
  repeat?: RepeatFn;
  inplaceConcat?: NbFn;
  inplaceRepeat?: RepeatFn;
}

/** Per-heap library state. */
export interface LibState {
  hooks: RuntimeHooks;
  /** Binary number slots of builtin types. */
  nb: Map<Ref, Partial<Record<NbOp, NbFn>>>;
  /** In-place number slots of builtin types. */
  inb: Map<Ref, Partial<Record<NbOp, NbFn>>>;
  /** Unary number slots of builtin types. */
  un: Map<Ref, Partial<Record<UnOp, UnFn>>>;
  /** Sequence slots of builtin types. */
  sq: Map<Ref, SeqSlots>;
  /** The builtins module (once created). */
  builtins: Ref;
  /** Types created by the library (enumerate, zip, reversed, file...), by name. */
  types: Map<string, Ref>;
  /** Objects the library keeps alive (owned). */
  keep: Ref[];
}

const states = new WeakMap<Heap, LibState>();

/**
 * The library state of a heap (created on first use with the given hooks).
 *
 * @example
 * ```ts
 * libState(heap).hooks.stdout();
 * ```
 */
export function libState(heap: Heap): LibState {
  const s = states.get(heap);
  if (s === undefined) throw new Error('@heaplab/python lib: installBuiltinTypes(heap, hooks) has not been called for this heap');
  return s;
}

/**
 * Create (or replace the hooks of) the state of a heap.
 *
 * @example
 * ```ts
 * initLibState(heap, hooks); // (installBuiltinTypes does this)
 * ```
 */
export function initLibState(heap: Heap, hooks: RuntimeHooks): LibState {
  let s = states.get(heap);
  if (s !== undefined) {
    s.hooks = hooks;
    return s;
  }
  s = { hooks, nb: new Map(), inb: new Map(), un: new Map(), sq: new Map(), builtins: 0, types: new Map(), keep: [] };
  states.set(heap, s);
  return s;
}

/**
 * Has the library been installed on this heap?
 *
 * @example
 * ```ts
 * hasLibState(new Heap()); // false
 * ```
 */
export function hasLibState(heap: Heap): boolean {
  return states.has(heap);
}

/**
 * Register binary number slots for a builtin type.
 *
 * @example
 * ```ts
 * registerNb(heap, myType, { Add: (h, v, w) => newInt(h, 0) });
 * ```
 */
export function registerNb(heap: Heap, type: Ref, slots: Partial<Record<NbOp, NbFn>>): void {
  const st = libState(heap);
  st.nb.set(type, { ...(st.nb.get(type) ?? {}), ...slots });
}

/**
 * Register in-place number slots for a builtin type.
 *
 * @example
 * ```ts
 * registerInplaceNb(heap, heap.t.set, { BitOr: (h, v, w) => h.newRef(v) });
 * ```
 */
export function registerInplaceNb(heap: Heap, type: Ref, slots: Partial<Record<NbOp, NbFn>>): void {
  const st = libState(heap);
  st.inb.set(type, { ...(st.inb.get(type) ?? {}), ...slots });
}

/**
 * Register unary number slots for a builtin type.
 *
 * @example
 * ```ts
 * registerUnary(heap, myType, { Neg: (h, v) => h.newRef(v) });
 * ```
 */
export function registerUnary(heap: Heap, type: Ref, slots: Partial<Record<UnOp, UnFn>>): void {
  const st = libState(heap);
  st.un.set(type, { ...(st.un.get(type) ?? {}), ...slots });
}

/**
 * Register sequence slots for a builtin type.
 *
 * @example
 * ```ts
 * registerSeq(heap, myType, { concat: (h, v, w) => h.newRef(v) });
 * ```
 */
export function registerSeq(heap: Heap, type: Ref, slots: SeqSlots): void {
  const st = libState(heap);
  st.sq.set(type, { ...(st.sq.get(type) ?? {}), ...slots });
}
