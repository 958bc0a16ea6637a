/**
 * Test scaffolding: a minimal 2.7 classic-class runtime (what the interpreter installs on
 * `classobj`/`instance`), so the weakref module's classic-class variant of
 * WeakValueDictionary/WeakKeyDictionary can be tested without `@heaplab/python`. It follows
 * CPython 2.7's `classobject.c`: instances own a dict from birth, attributes are looked up in the
 * instance dict then depth-first through the bases, descriptors are bound, and operators go
 * through the instance's attributes.
 */
import {
  Kind,
  type PyException,
  call,
  dictDelStr,
  dictGetStr,
  dictSetStr,
  hashOf,
  isTrue,
  newDict,
  type ClassicClassData,
  type Heap,
  type Ref,
  type TypeData,
} from '@heaplab/heap';

function lookup(heap: Heap, cls: Ref, name: string): Ref {
  const data = heap.payload[cls] as ClassicClassData;
  const v = dictGetStr(heap, data.dict, name);
  if (v !== 0) return v;
  for (const b of heap.payload[data.bases] as Ref[]) {
    const x = lookup(heap, b, name);
    if (x !== 0) return x;
  }
  return 0;
}

function bind(heap: Heap, v: Ref, inst: Ref, cls: Ref): Ref {
  const get = (heap.payload[heap.typ[v]!] as TypeData).slots.descrGet;
  if (get !== undefined) return get(heap, v, inst, cls);
  return heap.newRef(v);
}

function getattr2(heap: Heap, inst: Ref, name: string): Ref {
  const [cls, dict] = heap.payload[inst] as [Ref, Ref];
  if (name === '__class__') return heap.newRef(cls);
  if (name === '__dict__') return heap.newRef(dict);
  const own = dictGetStr(heap, dict, name);
  if (own !== 0) return heap.newRef(own);
  const v = lookup(heap, cls, name);
  return v === 0 ? 0 : bind(heap, v, inst, cls);
}

function getattr(heap: Heap, inst: Ref, name: string): Ref {
  const r = getattr2(heap, inst, name);
  if (r !== 0) return r;
  const cls = (heap.payload[inst] as Ref[])[0]!;
  const n = (heap.payload[cls] as ClassicClassData).name;
  throw heap.newException(heap.t.AttributeError, `${heap.payload[n] as string} instance has no attribute '${name}'`);
}

function special(heap: Heap, inst: Ref, name: string, args: readonly Ref[]): Ref {
  const m = getattr(heap, inst, name);
  try {
    return call(heap, m, args);
  } finally {
    heap.decref(m);
  }
}

/** Give `classobj` and `instance` their classic behaviour (2.7 heaps only). */
export function installTestClassicRuntime(heap: Heap): void {
  const cls = heap.typeData(heap.t.classobj).slots;
  const inst = heap.typeData(heap.t.instance).slots;
  cls.getattro = (h, c, name) => {
    const data = h.payload[c] as ClassicClassData;
    if (name === '__dict__') return h.newRef(data.dict);
    if (name === '__name__') return h.newRef(data.name);
    if (name === '__bases__') return h.newRef(data.bases);
    const v = lookup(h, c, name);
    if (v === 0) throw h.newException(h.t.AttributeError, `class ${h.payload[data.name] as string} has no attribute '${name}'`);
    return bind(h, v, 0, c);
  };
  cls.call = (h, c, args, kw) => {
    const dict = newDict(h);
    const obj = h.alloc(h.t.instance, Kind.CLASSIC_INSTANCE, [c, dict]);
    h.incref(c);
    h.track(obj);
    try {
      const init = getattr2(h, obj, '__init__');
      if (init !== 0) {
        try {
          h.decref(call(h, init, args, kw));
        } finally {
          h.decref(init);
        }
      }
    } catch (e) {
      h.decref(obj);
      throw e;
    }
    return obj;
  };
  inst.getattro = getattr;
  inst.getattroOrNull = (h, o, name) => {
    try {
      return getattr(h, o, name);
    } catch (e) {
      if (h.isExceptionOf(e, h.t.AttributeError)) {
        h.decref((e as PyException).exc);
        return 0;
      }
      throw e;
    }
  };
  inst.setattro = (h, o, name, value) => {
    const dict = (h.payload[o] as Ref[])[1]!;
    if (value === 0) dictDelStr(h, dict, name);
    else dictSetStr(h, dict, name, value);
  };
  inst.repr = (h, o) => {
    const r = getattr2(h, o, '__repr__');
    if (r === 0) return `<instance at 0x${h.addressOf(o).toString(16)}>`;
    try {
      const s = call(h, r, []);
      try {
        return h.payload[s] as string;
      } finally {
        h.decref(s);
      }
    } finally {
      h.decref(r);
    }
  };
  inst.hash = (h, o) => {
    const r = special(h, o, '__hash__', []);
    try {
      return hashOf(h, r);
    } finally {
      h.decref(r);
    }
  };
  const ops = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
  inst.richcompare = (h, a, b, op) => {
    if (h.kind[a] !== Kind.CLASSIC_INSTANCE) return h.newRef(h.NotImplemented);
    const m = getattr2(h, a, ops[op]!);
    if (m === 0) return h.newRef(h.NotImplemented);
    try {
      return call(h, m, [b]);
    } finally {
      h.decref(m);
    }
  };
  inst.len = (h, o) => {
    const r = special(h, o, '__len__', []);
    try {
      return Number(h.payload[r] as number);
    } finally {
      h.decref(r);
    }
  };
  inst.bool = (h, o) => {
    const m = getattr2(h, o, '__len__');
    if (m === 0) return true;
    h.decref(m);
    return inst.len!(h, o) > 0;
  };
  inst.getitem = (h, o, k) => special(h, o, '__getitem__', [k]);
  inst.setitem = (h, o, k, v) => h.decref(v === 0 ? special(h, o, '__delitem__', [k]) : special(h, o, '__setitem__', [k, v]));
  inst.contains = (h, o, x) => {
    const r = special(h, o, '__contains__', [x]);
    try {
      return isTrue(h, r);
    } finally {
      h.decref(r);
    }
  };
  inst.iter = (h, o) => special(h, o, '__iter__', []);
}
