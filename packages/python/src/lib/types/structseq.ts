/**
 * Named-tuple-like types built on `tuple` (CPython's structseq: `sys.version_info`,
 * `UnraisableHookArgs`): a tuple subclass whose items are also read by field name, and whose
 * repr names each field.
 */
import { defineGetSet, dictSetStr, type Heap, intern, newClass, newDict, type Ref, reprOf } from '@heaplab/heap';

/**
 * A new tuple subclass `name` in module `module` (a new reference), with a read-only attribute
 * per field (item `i` for `fields[i]`) and the repr `reprName(field=value, ...)`.
 *
 * @example
 * ```ts
 * import { Heap } from '@heaplab/heap';
 * import { newStructSeqType } from './structseq.js';
 * const heap = new Heap();
 * const T = newStructSeqType(heap, 'sys', 'version_info', ['major', 'minor'], 'sys.version_info');
 * // instances: heap.alloc(T, Kind.TUPLE, [major, minor]); repr 'sys.version_info(major=3, minor=12)'
 * ```
 */
export function newStructSeqType(heap: Heap, module: string, name: string, fields: readonly string[], reprName: string): Ref {
  const ns = newDict(heap);
  const mod = intern(heap, module);
  dictSetStr(heap, ns, '__module__', mod);
  heap.decref(mod);
  const cls = newClass(heap, { name, bases: [heap.t.tuple], namespace: ns });
  heap.decref(ns);
  fields.forEach((field, i) => {
    defineGetSet(heap, cls, field, (h, self) => h.newRef((h.payload[self] as Ref[])[i]!));
  });
  (heap.payload[cls] as { slots: { repr?: (h: Heap, r: Ref) => string } }).slots.repr = (h, self) => {
    const items = h.payload[self] as Ref[];
    return `${reprName}(${fields.map((field, i) => `${field}=${reprOf(h, items[i]!)}`).join(', ')})`;
  };
  return cls;
}
