/**
 * `IterableWeakMap`: a `Map` with weakly held object keys that can be iterated — the
 * JavaScript counterpart of Python's `WeakKeyDictionary`.
 */

interface Slot<K extends object, V> {
  readonly ref: WeakRef<K>;
  value: V;
}

/**
 * A `Map<K, V>` whose keys are held weakly: an entry (and, with it, the map's reference to its
 * value) disappears once the key is garbage-collected. Values are kept as in a `WeakMap`, so a
 * value that refers back to its key does not keep the key alive. `size`, lookups and iteration
 * never report an entry whose key was collected.
 *
 * @example
 * ```ts
 * import { IterableWeakMap } from '@heaplab/weakref';
 * const meta = new IterableWeakMap<object, string>();
 * const node = {};
 * meta.set(node, 'root');
 * [...meta.values()]; // ['root'] while `node` is reachable
 * ```
 */
export class IterableWeakMap<K extends object, V> implements Map<K, V> {
  readonly #slots = new WeakMap<K, Slot<K, V>>();
  readonly #order = new Set<WeakRef<K>>();
  readonly #registry = new FinalizationRegistry<WeakRef<K>>((ref) => {
    this.#order.delete(ref);
  });

  /** Build from `[key, value]` pairs, like `new Map(entries)`. */
  constructor(entries?: Iterable<readonly [K, V]> | null) {
    if (entries != null) for (const [k, v] of entries) this.set(k, v);
  }

  /** The value for `key`, or undefined. */
  get(key: K): V | undefined {
    return this.#slots.get(key)?.value;
  }

  /** Does `key` have an entry? */
  has(key: K): boolean {
    return this.#slots.has(key);
  }

  /** Set the value for `key`. */
  set(key: K, value: V): this {
    const slot = this.#slots.get(key);
    if (slot !== undefined) {
      slot.value = value;
      return this;
    }
    const ref = new WeakRef(key);
    this.#slots.set(key, { ref, value });
    this.#order.add(ref);
    this.#registry.register(key, ref, ref);
    return this;
  }

  /** Remove `key`'s entry; true if there was one. */
  delete(key: K): boolean {
    const slot = this.#slots.get(key);
    if (slot === undefined) return false;
    this.#slots.delete(key);
    this.#order.delete(slot.ref);
    this.#registry.unregister(slot.ref);
    return true;
  }

  /** Remove every entry. */
  clear(): void {
    for (const ref of this.#order) {
      const k = ref.deref();
      if (k !== undefined) this.#slots.delete(k);
      this.#registry.unregister(ref);
    }
    this.#order.clear();
  }

  /** Number of entries whose key is alive. */
  get size(): number {
    for (const ref of this.#order) if (ref.deref() === undefined) this.#drop(ref);
    return this.#order.size;
  }

  #drop(ref: WeakRef<K>): void {
    this.#order.delete(ref);
    this.#registry.unregister(ref);
  }

  /** Live `[key, value]` pairs in insertion order. */
  *entries(): MapIterator<[K, V]> {
    for (const ref of this.#order) {
      const k = ref.deref();
      if (k === undefined) {
        this.#drop(ref);
        continue;
      }
      const slot = this.#slots.get(k);
      if (slot !== undefined) yield [k, slot.value];
    }
    return undefined;
  }

  /** Live keys. */
  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
    return undefined;
  }

  /** Values of live entries. */
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
    return 'IterableWeakMap';
  }
}
