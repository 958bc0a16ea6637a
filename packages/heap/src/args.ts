/**
 * Argument conversion for native functions, with CPython's messages per profile
 * (`PyArg_Parse*` and Argument Clinic's wording).
 */
import type { Heap } from './heap.js';
import { Kind } from './kinds.js';
import type { Ref } from './ref.js';

/** Profile-specific wording of argument-count errors. */
export interface ArgErrorWording {
  /** Name used in "X takes ..." messages, e.g. 'collect' (2.7 uses 'function' for some). */
  name: string;
}

/**
 * Convert an int-like argument to a JS number for a C `int` parameter (`"i"` format), raising
 * TypeError/OverflowError as CPython does.
 *
 * @example
 * ```ts
 * import { Heap, newInt, argToCInt } from '@heaplab/heap';
 * const heap = new Heap();
 * argToCInt(heap, newInt(heap, 3), 'collect'); // 3
 * ```
 */
export function argToCInt(heap: Heap, r: Ref, overflowStyle: 'c-int' | 'signed-max' = 'c-int'): number {
  const k = heap.kind[r];
  const is27 = heap.profile.version === '2.7';
  if (k === Kind.FLOAT) {
    throw heap.newException(heap.t.TypeError, is27 ? 'integer argument expected, got float' : "'float' object cannot be interpreted as an integer");
  }
  if (k !== Kind.INT && k !== Kind.BOOL) {
    throw heap.newException(heap.t.TypeError, is27 ? 'an integer is required' : `'${heap.typeName(r)}' object cannot be interpreted as an integer`);
  }
  const v = heap.payload[r] as number | bigint;
  const n = typeof v === 'bigint' ? v : BigInt(v);
  if (n > 2147483647n || n < -2147483648n) {
    if (is27 || overflowStyle === 'signed-max') {
      throw heap.newException(heap.t.OverflowError, n > 0n ? 'signed integer is greater than maximum' : 'signed integer is less than minimum');
    }
    throw heap.newException(heap.t.OverflowError, 'Python int too large to convert to C int');
  }
  return Number(n);
}

/** Number of positional arguments in a vectorcall argument array. */
export function positionalCount(args: readonly Ref[], kwnames: readonly string[] | null): number {
  return args.length - (kwnames === null ? 0 : kwnames.length);
}
