/**
 * Whether a type is a heap type (made by a class statement): instances of heap types own and
 * visit their class (`subtype_traverse`), instances of builtin types do not.
 */
import { type TypeData, TypeFlag } from '@heaplab/heap';

/**
 * Does this type payload belong to a heap type?
 *
 * @example
 * ```ts
 * import { Heap } from '@heaplab/heap';
 * import { isHeapType } from './heaptype.js';
 * const heap = new Heap();
 * isHeapType(heap.payload[heap.t.list]); // false
 * ```
 */
export function isHeapType(td: unknown): boolean {
  return ((td as TypeData).tflags & TypeFlag.HEAPTYPE) !== 0;
}
