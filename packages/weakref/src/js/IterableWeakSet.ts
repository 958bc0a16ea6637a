/**
 * `IterableWeakSet`: a `Set` of objects that does not keep its members alive and can be
 * iterated — what `WeakSet` cannot do — the JavaScript counterpart of Python's `weakref.WeakSet`.
 */

/**
 * A `Set<T>` holding its members weakly. Members disappear once garbage-collected; `size`,
 * `has` and iteration never report a collected member.
 *
 * @example
 * ```ts
 * import { IterableWeakSet } from '@heaplab/weakref';
 * const listeners = new IterableWeakSet<{ notify(): void }>();
 * const l = { notify() {} };
 * listeners.add(l);
 * for (const x of listeners) x.notify(); // only live listeners
 * listeners.size; // 1 while `l` is reachable
 * ```
 */
export class IterableWeakSet<T extends object> implements Set<T> {
  /** member -> its WeakRef (for has/delete), without keeping the member alive. */
  readonly #refs = new WeakMap<T, WeakRef<T>>();
  /** Insertion order for iteration. */
  readonly #order = new Set<WeakRef<T>>();
  readonly #registry = new FinalizationRegistry<WeakRef<T>>((ref) => {
    this.#order.delete(ref);
  });

  /** Build from an iterable of members, like `new Set(values)`. */
  constructor(values?: Iterable<T> | null) {
    if (values != null) for (const v of values) this.add(v);
  }

  /** Add `value` (no effect if present). */
  add(value: T): this {
    if (this.#refs.has(value)) return this;
    const ref = new WeakRef(value);
    this.#refs.set(value, ref);
    this.#order.add(ref);
    this.#registry.register(value, ref, ref);
    return this;
  }

  /** Is `value` a member? */
  has(value: T): boolean {
    return this.#refs.has(value);
  }

  /** Remove `value`; true if it was a member. */
  delete(value: T): boolean {
    const ref = this.#refs.get(value);
    if (ref === undefined) return false;
    this.#refs.delete(value);
    this.#order.delete(ref);
    this.#registry.unregister(ref);
    return true;
  }

  /** Remove every member. */
  clear(): void {
    for (const ref of this.#order) {
      const v = ref.deref();
      if (v !== undefined) this.#refs.delete(v);
      this.#registry.unregister(ref);
    }
    this.#order.clear();
  }

  /** Number of live members. */
  get size(): number {
    for (const ref of this.#order) if (ref.deref() === undefined) this.#drop(ref);
    return this.#order.size;
  }

  #drop(ref: WeakRef<T>): void {
    this.#order.delete(ref);
    this.#registry.unregister(ref);
  }

  /** Live members in insertion order. */
  *values(): SetIterator<T> {
    for (const ref of this.#order) {
      const v = ref.deref();
      if (v === undefined) {
        this.#drop(ref);
        continue;
      }
      yield v;
    }
    return undefined;
  }

  /** Same as `values()` (Set semantics). */
  keys(): SetIterator<T> {
    return this.values();
  }

  /** `[value, value]` pairs (Set semantics). */
  *entries(): SetIterator<[T, T]> {
    for (const v of this.values()) yield [v, v];
    return undefined;
  }

  [Symbol.iterator](): SetIterator<T> {
    return this.values();
  }

  /** Call `fn(value, value, set)` for each live member. */
  forEach(fn: (value: T, value2: T, set: Set<T>) => void, thisArg?: unknown): void {
    for (const v of this.values()) fn.call(thisArg, v, v, this);
  }

  get [Symbol.toStringTag](): string {
    return 'IterableWeakSet';
  }
}
