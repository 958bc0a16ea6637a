/**
 * Python 2's classic classes (`class A:` with no new-style base): `classobj` objects whose
 * instances (type `instance`) always own a dict from birth, look attributes up depth-first
 * through the bases, honour `__getattr__`/`__setattr__`/`__delattr__` hooks, bind functions to
 * unbound/bound `instancemethod`s, and dispatch operators and `__del__` through the instance.
 */
import {
  call,
  type ClassicClassData,
  dictGetStr,
  dictSetStr,
  dictDelStr,
  Heap,
  intern,
  isTrue,
  Kind,
  newBoundMethod,
  newDict,
  newStr,
  PyException,
  type Ref,
  type TypeData,
  hashOf,
  CompareOp,
  newTuple,
} from '@heaplab/heap';
import type { Interpreter } from './interp.js';

/** Create a classic class (new reference). `name` and `bases` are borrowed, `ns` is borrowed (its items are copied by reference). */
export function newClassicClass(it: Interpreter, name: Ref, bases: readonly Ref[], ns: Ref): Ref {
  const heap = it.heap;
  for (const b of bases) {
    if (heap.kind[b] !== Kind.CLASSIC_CLASS) throw heap.newException(heap.t.TypeError, 'PyClass_New: base must be a class');
  }
  if (dictGetStr(heap, ns, '__doc__') === 0) dictSetStr(heap, ns, '__doc__', heap.None);
  heap.rc[ns]++;
  heap.rc[name]++;
  const data: ClassicClassData = {
    name,
    bases: newTuple(heap, bases),
    dict: ns,
    getattr: 0,
    setattr: 0,
    delattr: 0,
  };
  const r = heap.alloc(heap.t.classobj, Kind.CLASSIC_CLASS, data);
  refreshHooks(heap, r);
  heap.track(r);
  return r;
}

/** Cache the class's `__getattr__`/`__setattr__`/`__delattr__` (as 2.7's set_slot does). */
function refreshHooks(heap: Heap, cls: Ref): void {
  const data = heap.payload[cls] as ClassicClassData;
  for (const [field, name] of [
    ['getattr', '__getattr__'],
    ['setattr', '__setattr__'],
    ['delattr', '__delattr__'],
  ] as const) {
    const v = classLookup(heap, cls, name);
    const old = data[field];
    heap.xincref(v);
    data[field] = v;
    heap.xdecref(old);
  }
}

/** `class_lookup`: the class dict, then each base depth-first (borrowed, 0 if absent). */
export function classLookup(heap: Heap, cls: Ref, name: string): Ref {
  const data = heap.payload[cls] as ClassicClassData;
  const v = dictGetStr(heap, data.dict, name);
  if (v !== 0) return v;
  for (const b of heap.payload[data.bases] as Ref[]) {
    const x = classLookup(heap, b, name);
    if (x !== 0) return x;
  }
  return 0;
}

function className(heap: Heap, cls: Ref): string {
  const n = (heap.payload[cls] as ClassicClassData).name;
  return heap.kind[n] === Kind.STR ? (heap.payload[n] as string) : '?';
}

/** Bind a class attribute found for an instance (functions become bound methods). */
function bindForInstance(heap: Heap, v: Ref, inst: Ref, cls: Ref): Ref {
  if (heap.kind[v] === Kind.FUNCTION) return newBoundMethod(heap, v, inst, cls);
  const get = (heap.payload[heap.typ[v]!] as TypeData).slots.descrGet;
  if (get !== undefined) return get(heap, v, inst, cls);
  heap.rc[v]++;
  return v;
}

/** `instance_getattr2`: instance dict, then class lookup (no `__getattr__`). Returns 0 if absent. */
export function instanceGetattr2(heap: Heap, inst: Ref, name: string): Ref {
  const [cls, dict] = heap.payload[inst] as Ref[];
  const own = dictGetStr(heap, dict!, name);
  if (own !== 0) {
    heap.rc[own]++;
    return own;
  }
  const v = classLookup(heap, cls!, name);
  if (v === 0) return 0;
  return bindForInstance(heap, v, inst, cls!);
}

function instanceGetattr(heap: Heap, inst: Ref, name: string): Ref {
  const [cls, dict] = heap.payload[inst] as Ref[];
  if (name === '__dict__') return heap.newRef(dict!);
  if (name === '__class__') return heap.newRef(cls!);
  const r = instanceGetattr2(heap, inst, name);
  if (r !== 0) return r;
  const hook = (heap.payload[cls!] as ClassicClassData).getattr;
  if (hook !== 0) {
    const n = intern(heap, name);
    try {
      const bound = newBoundMethod(heap, hook, inst, cls!);
      try {
        return call(heap, bound, [n]);
      } finally {
        heap.decref(bound);
      }
    } finally {
      heap.decref(n);
    }
  }
  throw heap.newException(heap.t.AttributeError, `${className(heap, cls!)} instance has no attribute '${name}'`);
}

function instanceSetattr(heap: Heap, inst: Ref, name: string, value: Ref): void {
  const [cls, dict] = heap.payload[inst] as Ref[];
  const hook = value === 0 ? (heap.payload[cls!] as ClassicClassData).delattr : (heap.payload[cls!] as ClassicClassData).setattr;
  if (hook !== 0) {
    const n = intern(heap, name);
    const bound = newBoundMethod(heap, hook, inst, cls!);
    try {
      heap.decref(value === 0 ? call(heap, bound, [n]) : call(heap, bound, [n, value]));
    } finally {
      heap.decref(bound);
      heap.decref(n);
    }
    return;
  }
  if (name === '__dict__' || name === '__class__') {
    if (value === 0) throw heap.newException(heap.t.TypeError, `${name} must be set to a ${name === '__dict__' ? 'dictionary' : 'class'}`);
    const p = heap.payload[inst] as Ref[];
    const i = name === '__dict__' ? 1 : 0;
    const old = p[i]!;
    heap.rc[value]++;
    p[i] = value;
    if (i === 0) heap.retypes++;
    heap.decref(old);
    return;
  }
  if (value === 0) {
    if (!dictDelStr(heap, dict!, name)) throw heap.newException(heap.t.AttributeError, `${className(heap, cls!)} instance has no attribute '${name}'`);
    return;
  }
  dictSetStr(heap, dict!, name, value);
}

/** Call a special method found through the instance (with `__getattr__`), or return 0 if absent. */
function instanceSpecial(heap: Heap, inst: Ref, name: string, args: readonly Ref[]): Ref {
  let m: Ref;
  try {
    m = instanceGetattr(heap, inst, name);
  } catch (e) {
    if (heap.isExceptionOf(e, heap.t.AttributeError)) {
      (e as PyException).release(heap);
      return 0;
    }
    throw e;
  }
  try {
    return call(heap, m, args);
  } finally {
    heap.decref(m);
  }
}

/** Install the behaviour of `classobj` and `instance` (2.7 profile only). */
export function installClassicClasses(it: Interpreter): void {
  const heap = it.heap;
  if (heap.t.classobj === 0) return;
  const clsSlots = (heap.payload[heap.t.classobj] as TypeData).slots;
  const instSlots = (heap.payload[heap.t.instance] as TypeData).slots;

  clsSlots.getattro = (h, cls, name) => {
    const data = h.payload[cls] as ClassicClassData;
    if (name === '__dict__') return h.newRef(data.dict);
    if (name === '__bases__') return h.newRef(data.bases);
    if (name === '__name__') return h.newRef(data.name);
    const v = classLookup(h, cls, name);
    if (v === 0) throw h.newException(h.t.AttributeError, `class ${className(h, cls)} has no attribute '${name}'`);
    if (h.kind[v] === Kind.FUNCTION) return newBoundMethod(h, v, 0, cls);
    const get = (h.payload[h.typ[v]!] as TypeData).slots.descrGet;
    if (get !== undefined) return get(h, v, 0, cls);
    h.rc[v]++;
    return v;
  };
  clsSlots.setattro = (h, cls, name, value) => {
    const data = h.payload[cls] as ClassicClassData;
    if (value === 0) {
      if (!dictDelStr(h, data.dict, name)) throw h.newException(h.t.AttributeError, `class ${className(h, cls)} has no attribute '${name}'`);
    } else dictSetStr(h, data.dict, name, value);
    if (name === '__getattr__' || name === '__setattr__' || name === '__delattr__') refreshHooks(h, cls);
  };
  clsSlots.call = (h, cls, args, kw) => {
    const dict = newDict(h);
    let inst: Ref;
    try {
      inst = h.alloc(h.t.instance, Kind.CLASSIC_INSTANCE, [cls, dict]);
    } catch (e) {
      h.decref(dict);
      throw e;
    }
    h.rc[cls]++;
    h.track(inst);
    try {
      const init = instanceGetattr2(h, inst, '__init__');
      if (init === 0) {
        if (args.length > 0) throw h.newException(h.t.TypeError, 'this constructor takes no arguments');
        return inst;
      }
      try {
        const r = call(h, init, args, kw);
        if (r !== h.None) {
          h.decref(r);
          throw h.newException(h.t.TypeError, '__init__() should return None');
        }
        h.decref(r);
      } finally {
        h.decref(init);
      }
      return inst;
    } catch (e) {
      h.decref(inst);
      throw e;
    }
  };

  instSlots.getattro = instanceGetattr;
  instSlots.getattroOrNull = (h, inst, name) => {
    try {
      return instanceGetattr(h, inst, name);
    } catch (e) {
      if (h.isExceptionOf(e, h.t.AttributeError)) {
        (e as PyException).release(h);
        return 0;
      }
      throw e;
    }
  };
  instSlots.setattro = instanceSetattr;
  instSlots.repr = (h, inst) => {
    const r = instanceSpecial(h, inst, '__repr__', []);
    if (r === 0) {
      const cls = (h.payload[inst] as Ref[])[0]!;
      const mod = dictGetStr(h, (h.payload[cls] as ClassicClassData).dict, '__module__');
      const modName = mod !== 0 && h.kind[mod] === Kind.STR ? `${h.payload[mod] as string}.` : '';
      return `<${modName}${className(h, cls)} instance at 0x${h.addressOf(inst).toString(16)}>`;
    }
    try {
      if (h.kind[r] !== Kind.STR) throw h.newException(h.t.TypeError, '__repr__ returned non-string (type ' + h.typeName(r) + ')');
      return h.payload[r] as string;
    } finally {
      h.decref(r);
    }
  };
  instSlots.str = (h, inst) => {
    const r = instanceSpecial(h, inst, '__str__', []);
    if (r === 0) return instSlots.repr!(h, inst);
    try {
      return h.payload[r] as string;
    } finally {
      h.decref(r);
    }
  };
  instSlots.call = (h, inst, args, kw) => {
    let m: Ref;
    try {
      m = instanceGetattr(h, inst, '__call__');
    } catch (e) {
      // instance_call replaces the AttributeError (the one __getattr__ raised, too).
      if (!h.isExceptionOf(e, h.t.AttributeError)) throw e;
      (e as PyException).release(h);
      const cls = (h.payload[inst] as Ref[])[0]!;
      throw h.newException(h.t.AttributeError, `${className(h, cls)} instance has no __call__ method`);
    }
    try {
      return call(h, m, args, kw);
    } finally {
      h.decref(m);
    }
  };
  instSlots.hash = (h, inst) => {
    const r = instanceSpecial(h, inst, '__hash__', []);
    if (r === 0) {
      const hasEq = instanceGetattr2(h, inst, '__eq__') !== 0 || instanceGetattr2(h, inst, '__cmp__') !== 0;
      if (hasEq) throw h.newException(h.t.TypeError, 'unhashable instance');
      return Math.floor(h.addressOf(inst) / 16) | 0;
    }
    try {
      return hashOf(h, r);
    } finally {
      h.decref(r);
    }
  };
  const names = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
  instSlots.richcompare = (h, a, b, op) => {
    if (h.kind[a] !== Kind.CLASSIC_INSTANCE) return h.newRef(h.NotImplemented);
    const r = instanceSpecial(h, a, names[op]!, [b]);
    if (r === 0) {
      if (op === CompareOp.EQ || op === CompareOp.NE) return h.newRef(h.NotImplemented);
      return h.newRef(h.NotImplemented);
    }
    return r;
  };
  instSlots.len = (h, inst) => {
    const r = instanceSpecial(h, inst, '__len__', []);
    if (r === 0) throw h.newException(h.t.AttributeError, `${className(h, (h.payload[inst] as Ref[])[0]!)} instance has no attribute '__len__'`);
    try {
      return Number(h.payload[r] as number);
    } finally {
      h.decref(r);
    }
  };
  instSlots.bool = (h, inst) => {
    let r = instanceSpecial(h, inst, '__nonzero__', []);
    if (r === 0) r = instanceSpecial(h, inst, '__len__', []);
    if (r === 0) return true;
    try {
      return isTrue(h, r);
    } finally {
      h.decref(r);
    }
  };
  instSlots.getitem = (h, inst, key) => {
    const m = instanceGetattr(h, inst, '__getitem__');
    try {
      return call(h, m, [key]);
    } finally {
      h.decref(m);
    }
  };
  instSlots.setitem = (h, inst, key, value) => {
    const m = instanceGetattr(h, inst, value === 0 ? '__delitem__' : '__setitem__');
    try {
      h.decref(value === 0 ? call(h, m, [key]) : call(h, m, [key, value]));
    } finally {
      h.decref(m);
    }
  };
  instSlots.contains = (h, inst, item) => {
    const r = instanceSpecial(h, inst, '__contains__', [item]);
    if (r === 0) throw h.newException(h.t.TypeError, 'argument of type \'instance\' is not iterable');
    try {
      return isTrue(h, r);
    } finally {
      h.decref(r);
    }
  };
  instSlots.iter = (h, inst) => {
    const r = instanceSpecial(h, inst, '__iter__', []);
    if (r === 0) throw h.newException(h.t.TypeError, 'iteration over non-sequence');
    return r;
  };
  instSlots.iternext = (h, inst) => {
    try {
      const r = instanceSpecial(h, inst, 'next', []);
      if (r === 0) throw h.newException(h.t.TypeError, 'instance has no next() method');
      return r;
    } catch (e) {
      if (h.isExceptionOf(e, h.t.StopIteration)) {
        (e as PyException).release(h);
        return 0;
      }
      throw e;
    }
  };
  // __del__: looked up on the class without __getattr__; reported as `<bound method A.__del__ of ...>`.
  instSlots.finalize = (h, inst) => {
    const del = instanceGetattr2(h, inst, '__del__');
    if (del === 0) return;
    try {
      h.decref(call(h, del, []));
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      h.hooks.writeUnraisable(e.exc, del);
      e.release(h);
    } finally {
      h.decref(del);
    }
  };
  const prevHasFinalizer = heap.classicHasFinalizer;
  heap.classicHasFinalizer = (r) => {
    if (heap.kind[r] !== Kind.CLASSIC_INSTANCE) return prevHasFinalizer ? prevHasFinalizer(r) : false;
    return classLookup(heap, (heap.payload[r] as Ref[])[0]!, '__del__') !== 0;
  };
  void newStr;
  void it;
}
