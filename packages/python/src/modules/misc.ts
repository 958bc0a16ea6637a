/**
 * Small standard modules the subset uses: `time`, `functools` (partial, reduce, wraps),
 * `__future__`, `copy` (copy/deepcopy of simple objects).
 */
import {
  call,
  defineGetSet,
  dictEntries,
  dictSetStr,
  getAttrOrNull,
  type Heap,
  intern,
  iterateToArray,
  Kind,
  moduleDict,
  newBuiltinFunction,
  newClass,
  newDict,
  newFloat,
  newInt,
  newModule,
  newStr,
  newTuple,
  type NativeFn,
  type Ref,
  setAttr,
  materializeDict,
  allocInstance,
  dictSetItem,
  newList,
  newSet,
  setItems,
  listItems,
  type TypeData,
  TypeFlag,
} from '@heaplab/heap';
import type { Interpreter } from '../vm/interp.js';
import { partialType } from './partial.js';

function def(heap: Heap, m: Ref, name: string, fn: NativeFn): void {
  const f = newBuiltinFunction(heap, name, fn, m, heap.payload[moduleDict(heap, m)] ? ((heap.payload[m] as { name: string }).name) : null);
  dictSetStr(heap, moduleDict(heap, m), name, f);
  heap.decref(f);
}

/** `time`: wall clock and a monotonic clock; `sleep` advances a virtual clock (programs are deterministic). */
export function createTimeModule(it: Interpreter): Ref {
  const heap = it.heap;
  const m = newModule(heap, 'time');
  let virtual = 0;
  const now = () => Date.now() / 1000 + virtual;
  const perf = () => performance.now() / 1000 + virtual;
  def(heap, m, 'time', (h) => newFloat(h, now()));
  def(heap, m, 'perf_counter', (h) => newFloat(h, perf()));
  def(heap, m, 'monotonic', (h) => newFloat(h, perf()));
  def(heap, m, 'process_time', (h) => newFloat(h, perf()));
  def(heap, m, 'clock', (h) => newFloat(h, perf()));
  def(heap, m, 'sleep', (h, _s, args) => {
    const a = args[0];
    if (a === undefined) throw h.newException(h.t.TypeError, 'sleep() takes exactly one argument (0 given)');
    const v = Number(h.payload[a] as number);
    if (!(h.kind[a] === Kind.INT || h.kind[a] === Kind.FLOAT || h.kind[a] === Kind.BOOL)) {
      throw h.newException(h.t.TypeError, h.profile.version === '2.7' ? 'a float is required' : `'${h.typeName(a)}' object cannot be interpreted as an integer`);
    }
    if (v < 0) throw h.newException(h.t.ValueError, 'sleep length must be non-negative');
    virtual += v;
    return h.newRef(h.None);
  });
  return m;
}

/** `__future__`: the feature objects (bound by `from __future__ import x`). */
export function createFutureModule(it: Interpreter): Ref {
  const heap = it.heap;
  const m = newModule(heap, '__future__');
  const ns = newDict(heap);
  const mod = intern(heap, '__future__');
  dictSetStr(heap, ns, '__module__', mod);
  heap.decref(mod);
  const cls = newClass(heap, { name: '_Feature', bases: [], namespace: ns });
  heap.decref(ns);
  const names = ['nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function', 'unicode_literals'];
  if (it.version !== '2.7') names.push('barry_as_FLUFL', 'generator_stop', 'annotations');
  const d = moduleDict(heap, m);
  for (const n of names) {
    const f = call(heap, cls, []);
    dictSetStr(heap, d, n, f);
    heap.decref(f);
  }
  heap.decref(cls);
  return m;
}

/** `functools`: partial, reduce, wraps/update_wrapper. */
export function createFunctoolsModule(it: Interpreter): Ref {
  const heap = it.heap;
  const m = newModule(heap, 'functools');
  const d = moduleDict(heap, m);
  // partial: the C type of Modules/_functoolsmodule.c (see partial.ts), shared by every import.
  const partial = partialType(heap);
  dictSetStr(heap, d, 'partial', partial);
  def(heap, m, 'reduce', (h, _s, args) => {
    if (args.length < 2) throw h.newException(h.t.TypeError, `reduce expected at least 2 arguments, got ${args.length}`);
    const items = iterateToArray(h, args[1]!);
    let acc = args.length > 2 ? h.newRef(args[2]!) : 0;
    try {
      for (const x of items) {
        if (acc === 0) {
          acc = h.newRef(x);
          continue;
        }
        const next = call(h, args[0]!, [acc, x]);
        h.decref(acc);
        acc = next;
      }
    } finally {
      for (const x of items) h.decref(x);
    }
    if (acc === 0) throw h.newException(h.t.TypeError, 'reduce() of empty iterable with no initial value');
    return acc;
  });
  const copyAttrs = (h: Heap, wrapper: Ref, wrapped: Ref) => {
    for (const a of ['__module__', '__name__', '__qualname__', '__doc__']) {
      const v = getAttrOrNull(h, wrapped, a);
      if (v !== 0) {
        try {
          setAttr(h, wrapper, a, v);
        } catch {
          // read-only attribute
        }
        h.decref(v);
      }
    }
    if (h.profile.version !== '2.7') setAttr(h, wrapper, '__wrapped__', wrapped);
  };
  def(heap, m, 'update_wrapper', (h, _s, args) => {
    copyAttrs(h, args[0]!, args[1]!);
    return h.newRef(args[0]!);
  });
  def(heap, m, 'wraps', (h, _s, args) => {
    const wrapped = args[0]!;
    return newBuiltinFunction(
      h,
      'decorator',
      (h2, self, a) => {
        copyAttrs(h2, a[0]!, self);
        return h2.newRef(a[0]!);
      },
      wrapped,
    );
  });
  return m;
}

/** `copy`: shallow `copy` and `deepcopy` for builtin containers and instances. */
export function createCopyModule(it: Interpreter): Ref {
  const heap = it.heap;
  const m = newModule(heap, 'copy');
  const shallow = (h: Heap, x: Ref): Ref => {
    switch (h.kind[x]) {
      case Kind.LIST:
        if (h.typ[x] === h.t.list) return newList(h, listItems(h, x));
        break;
      case Kind.DICT:
        if (h.typ[x] === h.t.dict) {
          const d = newDict(h);
          const e = dictEntries(h, x);
          for (let i = 0; i < e.length; i += 2) dictSetItem(h, d, e[i]!, e[i + 1]!);
          return d;
        }
        break;
      case Kind.SET:
        if (h.typ[x] === h.t.set) return newSet(h, setItems(h, x));
        break;
      case Kind.INSTANCE: {
        const td = h.payload[h.typ[x]!] as TypeData;
        if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) {
          // copy.copy reads obj.__dict__ (which materializes it in 3.12) and updates the new instance's.
          const y = allocInstance(h, h.typ[x]!);
          if ((td.tflags & TypeFlag.HAS_DICT) !== 0) {
            const src = materializeDict(h, x);
            const dst = materializeDict(h, y);
            const e = dictEntries(h, src);
            for (let i = 0; i < e.length; i += 2) dictSetItem(h, dst, e[i]!, e[i + 1]!);
          }
          return y;
        }
        break;
      }
    }
    return h.newRef(x);
  };
  def(heap, m, 'copy', (h, _s, args) => shallow(h, args[0]!));
  def(heap, m, 'deepcopy', (h, _s, args) => {
    const memo = new Map<Ref, Ref>();
    const deep = (x: Ref): Ref => {
      const seen = memo.get(x);
      if (seen !== undefined) return h.newRef(seen);
      switch (h.kind[x]) {
        case Kind.LIST: {
          const l = newList(h, []);
          memo.set(x, l);
          for (const it2 of listItems(h, x)) {
            const c = deep(it2);
            listItems(h, l).push(c);
          }
          return l;
        }
        case Kind.DICT: {
          const d = newDict(h);
          memo.set(x, d);
          const e = dictEntries(h, x);
          for (let i = 0; i < e.length; i += 2) {
            const k = deep(e[i]!);
            const v = deep(e[i + 1]!);
            dictSetItem(h, d, k, v);
            h.decref(k);
            h.decref(v);
          }
          return d;
        }
        case Kind.TUPLE: {
          const items = (h.payload[x] as Ref[]).map(deep);
          const t = newTuple(h, items);
          for (const i of items) h.decref(i);
          return t;
        }
        default:
          return shallow(h, x);
      }
    };
    return deep(args[0]!);
  });
  void newStr;
  void newInt;
  void defineGetSet;
  return m;
}
