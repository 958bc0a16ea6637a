/**
 * Type names as objgraph computes them: `_short_typename` (`type(obj).__name__`) and
 * `_long_typename` (`'%s.%s' % (type.__module__, type.__name__)`, or just the name when the type
 * has no truthy `__module__`). In the 2.7 profile an old-style instance is named after its class
 * (objgraph 3.5.0's `InstanceType` special case).
 */
import {
  builtinsModuleName,
  type ClassicClassData,
  dictGetStr,
  type Heap,
  Kind,
  type Ref,
  strOf,
  TypeFlag,
  type TypeData,
} from '@heaplab/heap';

/** The type objgraph names an object by: `type(obj)`, or an old-style instance's class (2.7). */
export function nameTypeOf(heap: Heap, r: Ref): Ref {
  if (heap.kind[r] === Kind.CLASSIC_INSTANCE) return (heap.payload[r] as Ref[])[0]!;
  return heap.typ[r]!;
}

/** Look up `name` in an old-style class and its bases, depth first (2.7 `class_lookup`); borrowed or 0. */
export function classicLookup(heap: Heap, cls: Ref, name: string, depth = 0): Ref {
  const c = heap.payload[cls] as ClassicClassData;
  if (c.dict !== 0) {
    const v = dictGetStr(heap, c.dict, name);
    if (v !== 0) return v;
  }
  if (c.bases !== 0 && depth < 1000) {
    for (const b of heap.payload[c.bases] as Ref[]) {
      if (heap.kind[b] !== Kind.CLASSIC_CLASS) continue;
      const v = classicLookup(heap, b, name, depth + 1);
      if (v !== 0) return v;
    }
  }
  return 0;
}

/**
 * `cls.__name__` of a type or old-style class.
 *
 * @example
 * ```ts
 * import { Heap } from '@heaplab/heap';
 * import { typeShortName } from '@heaplab/objgraph';
 * typeShortName(new Heap(), new Heap().t.list); // 'list'
 * ```
 */
export function typeShortName(heap: Heap, t: Ref): string {
  if (heap.kind[t] === Kind.CLASSIC_CLASS) {
    const n = (heap.payload[t] as ClassicClassData).name;
    return n !== 0 && heap.kind[n] === Kind.STR ? (heap.payload[n] as string) : '?';
  }
  const td = heap.payload[t] as TypeData;
  if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) return td.name;
  const dot = td.tpName.lastIndexOf('.');
  return dot >= 0 ? td.tpName.slice(dot + 1) : td.tpName;
}

/** `cls.__module__` as objgraph's `getattr(objtype, '__module__', None)` sees it: a string, or null for "no module" / a falsy value. */
export function typeModule(heap: Heap, t: Ref): string | null {
  let v: Ref = 0;
  if (heap.kind[t] === Kind.CLASSIC_CLASS) v = classicLookup(heap, t, '__module__');
  else {
    const td = heap.payload[t] as TypeData;
    if ((td.tflags & TypeFlag.HEAPTYPE) === 0) {
      const dot = td.tpName.lastIndexOf('.');
      return dot >= 0 ? td.tpName.slice(0, dot) : builtinsModuleName(heap);
    }
    if (td.dict !== 0) v = dictGetStr(heap, td.dict, '__module__');
    if (v === 0) return td.module || null;
  }
  if (v === 0 || v === heap.None) return null;
  const s = heap.kind[v] === Kind.STR ? (heap.payload[v] as string) : strOf(heap, v);
  return s === '' ? null : s;
}

/**
 * `_long_typename` for a type: `module.name`, or the bare name when `__module__` is missing/empty.
 *
 * @example
 * ```ts
 * import { Heap } from '@heaplab/heap';
 * import { typeLongName } from '@heaplab/objgraph';
 * const heap = new Heap({ version: '2.7' });
 * typeLongName(heap, heap.t.dict); // '__builtin__.dict'
 * ```
 */
export function typeLongName(heap: Heap, t: Ref): string {
  const name = typeShortName(heap, t);
  const module = typeModule(heap, t);
  return module !== null ? `${module}.${name}` : name;
}

/**
 * objgraph's `_short_typename(obj)`: `type(obj).__name__` (an old-style instance's class name in 2.7).
 *
 * @example
 * ```ts
 * import { Heap, newList } from '@heaplab/heap';
 * import { shortTypename } from '@heaplab/objgraph';
 * const heap = new Heap();
 * shortTypename(heap, newList(heap, [])); // 'list'
 * ```
 */
export function shortTypename(heap: Heap, r: Ref): string {
  return typeShortName(heap, nameTypeOf(heap, r));
}

/**
 * objgraph's `_long_typename(obj)`: the module-qualified type name.
 *
 * @example
 * ```ts
 * import { Heap, newList } from '@heaplab/heap';
 * import { longTypename } from '@heaplab/objgraph';
 * const heap = new Heap({ version: '3.12' });
 * longTypename(heap, newList(heap, [])); // 'builtins.list'
 * ```
 */
export function longTypename(heap: Heap, r: Ref): string {
  return typeLongName(heap, nameTypeOf(heap, r));
}

/** `shortnames ? _short_typename : _long_typename`. */
export function typename(heap: Heap, r: Ref, shortnames: boolean): string {
  return shortnames ? shortTypename(heap, r) : longTypename(heap, r);
}
