/**
 * The operations compiled code needs from the runtime library (operators, subscripts, string
 * formatting, the 2.7 print statement). The interpreter fills this table from `../lib` once;
 * the compiler only knows this interface.
 */
import type { Heap, Ref } from '@heaplab/heap';

export interface RuntimeOps {
  binaryOp(heap: Heap, op: string, a: Ref, b: Ref): Ref;
  inplaceOp(heap: Heap, op: string, a: Ref, b: Ref): Ref;
  unaryOp(heap: Heap, op: string, a: Ref): Ref;
  compareOp(heap: Heap, op: string, a: Ref, b: Ref): Ref;
  getItem(heap: Heap, obj: Ref, key: Ref): Ref;
  setItem(heap: Heap, obj: Ref, key: Ref, value: Ref): void;
  delItem(heap: Heap, obj: Ref, key: Ref): void;
  /** f-string replacement field: format `value` with conversion (-1, 115 s, 114 r, 97 a) and spec (a str ref or 0). */
  formatValue(heap: Heap, value: Ref, conversion: number, spec: Ref): Ref;
  /** The 2.7 print statement. `dest` is 0 for sys.stdout. */
  print27(heap: Heap, dest: Ref, values: readonly Ref[], nl: boolean): void;
  /** `str(x)` as a new str ref. */
  str(heap: Heap, x: Ref): Ref;
  /** `repr(x)` as a new str ref. */
  repr(heap: Heap, x: Ref): Ref;
}
