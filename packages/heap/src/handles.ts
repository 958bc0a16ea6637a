/**
 * Handles: the TypeScript-friendly way to hold heap objects.
 *
 * A `Handle` owns exactly one reference. Releasing it (explicitly, or when a `using` declaration
 * goes out of scope) drops that reference; the object dies when nothing else holds it — exactly
 * as a Python variable going out of scope. Using a released handle, releasing twice, or mixing
 * handles of different heaps throws a typed error and leaves the heap untouched.
 */
import { DoubleReleaseError, ForeignHandleError, FreedObjectError, ReleasedHandleError, WrongKindError } from './errors.js';
import type { Heap } from './heap.js';
import { Flag, Kind } from './kinds.js';
import { dictSetItem, intValue, listAppend, newBool, newDict, newFloat, newInt, newList, newStr, strValue } from './objects.js';
import { call, getAttr, setAttr, isTrue, length } from './protocol.js';
import type { Ref } from './ref.js';
import { reprOf } from './repr.js';

/** A JS value that converts to a Python object (see `toPy`). */
export type PyLike = Handle | null | undefined | boolean | number | bigint | string | readonly PyLike[] | { readonly [k: string]: PyLike };

/**
 * An owned reference to a heap object.
 *
 * @example
 * ```ts
 * import { Heap, Handle, newList } from '@heaplab/heap';
 * const heap = new Heap();
 * {
 *   using l = new Handle(heap, newList(heap, []));
 *   l.append(l);          // a self-cycle
 *   l.refcount();         // 3, as sys.getrefcount(l) would say
 * }                       // the handle's reference is dropped here
 * ```
 */
export class Handle implements Disposable {
  private _ref: Ref;
  private readonly gen: number;
  private released = false;

  /** Take ownership of `ref` (a new reference the caller hands over). */
  constructor(
    readonly heap: Heap,
    ref: Ref,
  ) {
    if (!heap.isLive(ref)) throw new FreedObjectError(`no live object at ref ${ref}`);
    this._ref = ref;
    this.gen = heap.generation[ref]!;
  }

  /** The reference (borrowed: valid while the handle is held). */
  get ref(): Ref {
    if (this.released) throw new ReleasedHandleError('this handle was released');
    if (this.heap.generation[this._ref] !== this.gen || !this.heap.isLive(this._ref)) {
      throw new FreedObjectError(`the object behind this handle was freed (ref ${this._ref})`);
    }
    return this._ref;
  }

  /** Has `release()` been called? */
  get isReleased(): boolean {
    return this.released;
  }

  /** Drop the handle's reference. A second call throws DoubleReleaseError. */
  release(): void {
    if (this.released) throw new DoubleReleaseError('this handle was already released');
    const r = this.ref;
    this.released = true;
    this.heap.decref(r);
    this.heap.safePoint();
  }

  [Symbol.dispose](): void {
    if (!this.released) this.release();
  }

  /** Another handle to the same object (one more reference). */
  dup(): Handle {
    const r = this.ref;
    this.heap.incref(r);
    return new Handle(this.heap, r);
  }

  /** `sys.getrefcount(obj)`: the reference count plus one for the call's own argument. */
  refcount(): number {
    return getrefcount(this.heap, this.ref);
  }

  /** `id(obj)`. */
  id(): number {
    return this.heap.addressOf(this.ref);
  }

  /** `type(obj).__name__`. */
  typeName(): string {
    return this.heap.typeOf(this.ref).name;
  }

  /** `repr(obj)`. */
  repr(): string {
    return reprOf(this.heap, this.ref);
  }

  /** `getattr(obj, name)` as a new handle. */
  get(name: string): Handle {
    return new Handle(this.heap, getAttr(this.heap, this.ref, name));
  }

  /** `setattr(obj, name, value)`. */
  set(name: string, value: PyLike): this {
    const v = toPy(this.heap, value);
    try {
      setAttr(this.heap, this.ref, name, v);
    } finally {
      this.heap.decref(v);
    }
    return this;
  }

  /** `delattr(obj, name)`. */
  del(name: string): this {
    setAttr(this.heap, this.ref, name, 0);
    return this;
  }

  /** `obj(*args)` as a new handle. */
  call(...args: PyLike[]): Handle {
    const refs = args.map((a) => toPy(this.heap, a));
    try {
      return new Handle(this.heap, call(this.heap, this.ref, refs));
    } finally {
      for (const r of refs) this.heap.decref(r);
    }
  }

  /** `list.append(value)` (lists only). */
  append(value: PyLike): this {
    if (this.heap.kind[this.ref] !== Kind.LIST) throw new WrongKindError(`append() needs a list, not '${this.typeName()}'`);
    const v = toPy(this.heap, value);
    listAppend(this.heap, this.ref, v);
    this.heap.decref(v);
    return this;
  }

  /** `d[key] = value` (dicts only). */
  setItem(key: PyLike, value: PyLike): this {
    if (this.heap.kind[this.ref] !== Kind.DICT) throw new WrongKindError(`setItem() needs a dict, not '${this.typeName()}'`);
    const k = toPy(this.heap, key);
    const v = toPy(this.heap, value);
    try {
      dictSetItem(this.heap, this.ref, k, v);
    } finally {
      this.heap.decref(k);
      this.heap.decref(v);
    }
    return this;
  }

  /** `len(obj)`. */
  len(): number {
    return length(this.heap, this.ref);
  }

  /** `bool(obj)`. */
  truthy(): boolean {
    return isTrue(this.heap, this.ref);
  }

  /** The JS value of an int, float, str or bool. */
  value(): number | bigint | string | boolean | null {
    const r = this.ref;
    switch (this.heap.kind[r]) {
      case Kind.BOOL:
        return r === this.heap.True;
      case Kind.INT:
        return intValue(this.heap, r);
      case Kind.FLOAT:
        return this.heap.payload[r] as number;
      case Kind.STR:
        return strValue(this.heap, r);
      case Kind.SINGLETON:
        return null;
    }
    throw new WrongKindError(`'${this.typeName()}' has no JS value`);
  }
}

/**
 * `sys.getrefcount(obj)` for a reference the caller holds: the count plus one (the argument),
 * or 2**32-1 for 3.12's immortal objects.
 */
export function getrefcount(heap: Heap, r: Ref): number {
  if (heap.profile.immortalObjects && (heap.flags[r]! & Flag.IMMORTAL) !== 0) return heap.refcount(r);
  return heap.refcount(r) + 1;
}

/**
 * Convert a JS value to a new Python object reference: `null`/`undefined` → None, booleans,
 * integers (`number` that is an integer, or `bigint`) → int, other numbers → float, strings →
 * str, arrays → list, plain objects → dict with str keys, a `Handle` → its object.
 *
 * @example
 * ```ts
 * import { Heap, toPy, reprOf } from '@heaplab/heap';
 * const heap = new Heap();
 * reprOf(heap, toPy(heap, { a: [1, 2.5, 'x', null] })); // "{'a': [1, 2.5, 'x', None]}"
 * ```
 */
export function toPy(heap: Heap, value: PyLike): Ref {
  if (value instanceof Handle) {
    if (value.heap !== heap) throw new ForeignHandleError('this handle belongs to a different heap');
    const r = value.ref;
    heap.incref(r);
    return r;
  }
  if (value === null || value === undefined) return heap.newRef(heap.None);
  if (typeof value === 'boolean') return newBool(heap, value);
  if (typeof value === 'bigint') return newInt(heap, value);
  if (typeof value === 'number') return Number.isInteger(value) ? newInt(heap, value) : newFloat(heap, value);
  if (typeof value === 'string') return newStr(heap, value);
  if (Array.isArray(value)) {
    const items = value.map((v) => toPy(heap, v as PyLike));
    const l = newList(heap, items);
    for (const i of items) heap.decref(i);
    return l;
  }
  const d = newDict(heap);
  for (const [k, v] of Object.entries(value as Record<string, PyLike>)) {
    const key = newStr(heap, k);
    const val = toPy(heap, v);
    dictSetItem(heap, d, key, val);
    heap.decref(key);
    heap.decref(val);
  }
  return d;
}
