/**
 * Helpers for installing Python-visible behaviour on builtin types: methods, getsets, `__new__`
 * builtins bound to their type, allocation of (possibly subclass) instances, and creation of the
 * few static types the heap does not bootstrap (`enumerate`, `zip`, `reversed`, file objects...).
 */
import {
  defineGetSet,
  defineMethod,
  type Heap,
  Kind,
  type MethodOptions,
  type NativeFn,
  newBuiltinFunction,
  newDict,
  newTuple,
  type Ref,
  dictSetStr,
  isSubtype,
  TypeFlag,
  type TypeData,
  type TypeSlots,
} from '@heaplab/heap';
import { libState } from '../state.js';
import { is27, typeError } from '../util.js';

/**
 * Define a method on a builtin type (a method descriptor).
 *
 * @example
 * ```ts
 * method(heap, heap.t.list, 'size', (h, self) => newInt(h, (h.payload[self] as number[]).length));
 * ```
 */
export function method(heap: Heap, type: Ref, name: string, fn: NativeFn, options?: MethodOptions): void {
  // (A type the heap never finished has no namespace: 2.7's str iterator, shadowed by `iterator`.)
  if (type === 0 || (heap.payload[type] as TypeData).dict === 0) return;
  defineMethod(heap, type, name, fn, options);
}

/**
 * Define a getset descriptor on a builtin type.
 *
 * @example
 * ```ts
 * getset(heap, heap.t.complex, 'real', (h, self) => newFloat(h, (h.payload[self] as { re: number }).re));
 * ```
 */
export function getset(
  heap: Heap,
  type: Ref,
  name: string,
  get: (heap: Heap, obj: Ref) => Ref,
  set?: (heap: Heap, obj: Ref, value: Ref) => void,
): void {
  if (type === 0 || (heap.payload[type] as TypeData).dict === 0) return;
  defineGetSet(heap, type, name, (h, o) => get(h, o), set);
}

/**
 * Install `type.__new__` as a builtin bound to the type (as CPython's `tp_new` wrapper):
 * `fn(heap, cls, args, kwnames)` receives the class to instantiate (checked to be a subtype).
 *
 * @example
 * ```ts
 * defineNew(heap, heap.t.float, (h, cls, args) => newFloat(h, 0));
 * ```
 */
export function defineNew(heap: Heap, type: Ref, fn: (heap: Heap, cls: Ref, args: readonly Ref[], kwnames: readonly string[] | null) => Ref): void {
  if (type === 0) return;
  const tname = (heap.payload[type] as TypeData).name;
  const b = newBuiltinFunction(
    heap,
    '__new__',
    (h, _self, args, kw) => {
      const cls = args[0];
      if (cls === undefined || (kw !== null && args.length - kw.length < 1)) throw typeError(h, `${tname}.__new__(): not enough arguments`);
      if (h.kind[cls] !== Kind.TYPE) {
        throw typeError(h, `${tname}.__new__(X): X is not a type object (${h.typeName(cls)})`);
      }
      if (!isSubtype(h, cls, type)) {
        const cn = (h.payload[cls] as TypeData).name;
        throw typeError(h, `${tname}.__new__(${cn}): ${cn} is not a subtype of ${tname}`);
      }
      return fn(h, cls, args.slice(1), kw);
    },
    type,
    null,
    true,
  );
  dictSetStr(heap, (heap.payload[type] as TypeData).dict, '__new__', b);
  heap.decref(b);
  heap.typeEpoch++;
}

/**
 * Allocate an object of `cls` with a builtin layout (an exact builtin or a subclass), tracked
 * when the type is a GC type. `freeList` false: the allocation is `tp_alloc`
 * (`PyType_GenericAlloc`), which never reuses a free-list object.
 *
 * @example
 * ```ts
 * const l = allocOf(heap, heap.t.list, Kind.LIST, []); // a tracked empty list
 * ```
 */
export function allocOf(heap: Heap, cls: Ref, kind: Kind, payload: unknown, freeList = true): Ref {
  const r = heap.alloc(cls, kind, payload, freeList);
  if (((heap.payload[cls] as TypeData).tflags & TypeFlag.GC) !== 0) heap.track(r);
  return r;
}

/** Options for `makeType`. */
export interface TypeSpec {
  name: string;
  /** `__module__` (default: the builtins module name). */
  module?: string;
  /** `tp_name` when it differs (e.g. `_io.TextIOWrapper`). */
  tpName?: string;
  base?: Ref;
  layout?: Kind;
  gc?: boolean;
  basetype?: boolean;
  slots?: TypeSlots;
}

/**
 * Create a static (non-heap, immortal) type object the heap's bootstrap does not provide, and
 * register it in the library state by name.
 *
 * @example
 * ```ts
 * const Quitter = makeType(heap, { name: 'Quitter', module: '_sitebuiltins', gc: false });
 * ```
 */
export function makeType(heap: Heap, spec: TypeSpec): Ref {
  const st = libState(heap);
  const existing = st.types.get(spec.name);
  if (existing !== undefined) return existing;
  const base = spec.base ?? heap.t.object;
  const btd = heap.payload[base] as TypeData;
  let tflags = TypeFlag.IMMUTABLE;
  if (spec.gc !== false) tflags |= TypeFlag.GC;
  if (spec.basetype) tflags |= TypeFlag.BASETYPE;
  tflags |= btd.tflags & (TypeFlag.EXCEPTION | TypeFlag.HAS_DICT);
  const modName = spec.module ?? (is27(heap) ? '__builtin__' : 'builtins');
  const td: TypeData = {
    name: spec.name,
    tpName: spec.tpName ?? spec.name,
    qualname: spec.name,
    module: modName,
    dict: 0,
    bases: 0,
    mro: 0,
    base,
    layout: spec.layout ?? Kind.NATIVE,
    tflags,
    slotNames: [],
    ownSlotStart: 0,
    sharedKeys: null,
    sharedKeyList: [],
    slots: { ...(spec.slots ?? {}) },
    cache: new Map(),
    cacheEpoch: 0,
    subclasses: [],
    finalizerEpoch: 0,
    hasFinalizer: false,
  };
  const r = heap.allocSlot();
  heap.typ[r] = heap.t.type;
  heap.kind[r] = Kind.TYPE;
  heap.payload[r] = td;
  heap.makeImmortal(r);
  td.dict = newDict(heap);
  td.bases = newTuple(heap, [base]);
  const baseMro = heap.payload[btd.mro] as Ref[];
  td.mro = newTuple(heap, [r, ...baseMro]);
  heap.untrack(td.bases);
  heap.untrack(td.mro);
  heap.makeImmortal(td.bases);
  heap.makeImmortal(td.mro);
  btd.subclasses.push(r);
  heap.typeEpoch++;
  st.types.set(spec.name, r);
  return r;
}

/**
 * Set a type slot on a builtin type.
 *
 * @example
 * ```ts
 * setSlot(heap, heap.t.slice, 'repr', () => 'slice(...)');
 * ```
 */
export function setSlot<K extends keyof TypeSlots>(heap: Heap, type: Ref, name: K, fn: TypeSlots[K]): void {
  if (type === 0) return;
  (heap.payload[type] as TypeData).slots[name] = fn;
}

/**
 * The TypeData of a type ref.
 *
 * @example
 * ```ts
 * tdOf(heap, heap.t.int).name; // 'int'
 * ```
 */
export function tdOf(heap: Heap, type: Ref): TypeData {
  return heap.payload[type] as TypeData;
}
