/**
 * Named-tuple-like types built on `tuple` (CPython's structseq: `sys.version_info`,
 * `UnraisableHookArgs`): a tuple subclass whose items are also read by field name, and whose
 * repr names each field.
 */
import { defineGetSet, dictDelStr, dictSetStr, type Heap, intern, newClass, newDict, type Ref, reprOf, TypeFlag, type TypeData } from '@heaplab/heap';

/**
 * A new static tuple subclass `name` in module `module` (a new reference), with a read-only attribute
 * per field (item `i` for `fields[i]`) and the repr `reprName(field=value, ...)`; `gcType: false`
 * makes it a non-GC type (2.7's structseqs).
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
export function newStructSeqType(heap: Heap, module: string, name: string, fields: readonly string[], reprName: string, gcType = true): Ref {
  const ns = newDict(heap);
  const mod = intern(heap, module);
  dictSetStr(heap, ns, '__module__', mod);
  heap.decref(mod);
  const cls = newClass(heap, { name, bases: [heap.t.tuple], namespace: ns });
  heap.decref(ns);
  // A C-level (static) type, made so before any instance exists (instances of a static type do
  // not own it): no instance __dict__, immutable, immortal and untracked. 2.7's structseq types
  // are not even GC types: the collector and gc.get_referents never look inside their instances.
  const td = heap.payload[cls] as TypeData;
  dictDelStr(heap, td.dict, '__dict__');
  td.tflags &= ~(TypeFlag.HEAPTYPE | TypeFlag.HAS_DICT);
  td.tflags |= TypeFlag.IMMUTABLE;
  if (!gcType) td.tflags &= ~TypeFlag.GC;
  heap.untrack(cls);
  heap.makeImmortal(cls);
  fields.forEach((field, i) => {
    defineGetSet(heap, cls, field, (h, self) => h.newRef((h.payload[self] as Ref[])[i]!));
  });
  (heap.payload[cls] as { slots: { repr?: (h: Heap, r: Ref) => string } }).slots.repr = (h, self) => {
    const items = h.payload[self] as Ref[];
    return `${reprName}(${fields.map((field, i) => `${field}=${reprOf(h, items[i]!)}`).join(', ')})`;
  };
  return cls;
}
