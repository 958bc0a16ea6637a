/**
 * `WeakValueMap`: a `Map` whose values are held weakly — the JavaScript counterpart of Python's
 * `WeakValueDictionary`, built on `WeakRef` and `FinalizationRegistry`.
 */

interface ValueHoldings<K> {
  readonly key: K;
  readonly ref: WeakRef<object>;
}

/**
 * A `Map<K, V>` that does not keep its values alive. An entry disappears once its value has
 * been garbage-collected: lookups, `size` and iteration never report a dead entry (they check
 * the `WeakRef` and drop what is gone), and a `FinalizationRegistry` removes entries whose
 * values were collected in the meantime.
 *
 * @example
 * ```ts
 * import { WeakValueMap } from '@heaplab/weakref';
 * const cache = new WeakValueMap<string, { data: number[] }>();
 * let big: { data: number[] } | undefined = { data: [1, 2, 3] };
 * cache.set('big', big);
 * cache.get('big') === big; // true
 * big = undefined;          // once collected, cache.has('big') becomes false
 * ```
 */
export class WeakValueMap<K, V extends object> implements Map<K, V> {
  readonly #entries = new Map<K, WeakRef<V>>();
  readonly #registry = new FinalizationRegistry<ValueHoldings<K>>((h) => {
    if (this.#entries.get(h.key) === h.ref) this.#entries.delete(h.key);
  });

  /** Build from `[key, value]` pairs, like `new Map(entries)`. */
  constructor(entries?: Iterable<readonly [K, V]> | null) {
    if (entries != null) for (const [k, v] of entries) this.set(k, v);
  }

  /** The live value for `key`, or undefined. */
  get(key: K): V | undefined {
    const ref = this.#entries.get(key);
    if (ref === undefined) return undefined;
    const v = ref.deref();
    if (v === undefined) this.#drop(key, ref);
    return v;
  }

  /** Is there a live value for `key`? */
  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** Store `value` weakly under `key` (replacing any previous value). */
  set(key: K, value: V): this {
    const old = this.#entries.get(key);
    if (old !== undefined) this.#registry.unregister(old);
    const ref = new WeakRef(value);
    this.#entries.set(key, ref);
    this.#registry.register(value, { key, ref }, ref);
    return this;
  }

  /** Remove `key`; true if a live entry was removed. */
  delete(key: K): boolean {
    const ref = this.#entries.get(key);
    if (ref === undefined) return false;
    this.#registry.unregister(ref);
    this.#entries.delete(key);
    return ref.deref() !== undefined;
  }

  /** Remove every entry. */
  clear(): void {
    for (const ref of this.#entries.values()) this.#registry.unregister(ref);
    this.#entries.clear();
  }

  /** Number of live entries (dead ones are purged first). */
  get size(): number {
    for (const [k, ref] of this.#entries) if (ref.deref() === undefined) this.#drop(k, ref);
    return this.#entries.size;
  }

  #drop(key: K, ref: WeakRef<V>): void {
    this.#registry.unregister(ref);
    this.#entries.delete(key);
  }

  /** Live `[key, value]` pairs in insertion order. */
  *entries(): MapIterator<[K, V]> {
    for (const [k, ref] of this.#entries) {
      const v = ref.deref();
      if (v === undefined) {
        this.#drop(k, ref);
        continue;
      }
      yield [k, v];
    }
    return undefined;
  }

  /** Keys of live entries. */
  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
    return undefined;
  }

  /** Live values. */
  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
    return undefined;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /** Call `fn(value, key, map)` for each live entry. */
  forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }

  get [Symbol.toStringTag](): string {
    return 'WeakValueMap';
  }
}
