/**
 * `weakref.finalize` (3.12): `finalize(obj, func, *args, **kwargs)` calls `func(*args, **kwargs)`
 * when `obj` dies (or when the finalizer is called, or at exit if `atexit` is true), at most once.
 *
 * As in CPython, finalizer objects carry no state (`__slots__ = ()`): the class-level
 * `_registry` dict maps each live finalizer to a `finalize._Info` record (slots `weakref`,
 * `func`, `args`, `kwargs`, `atexit`, `index`), and `info.weakref` is `ref(obj, finalizer)` —
 * the finalizer itself is the weakref's callback.
 */
import {
  Kind,
  PyException,
  addressText,
  allocInstance,
  call,
  defineMethod,
  dictGetItem,
  dictGetStr,
  dictSetItem,
  dictSetStr,
  genericGetAttr,
  isTrue,
  moduleDict,
  isSubtype,
  newBoundMethod,
  newBuiltinFunction,
  newDict,
  newInt,
  newList,
  newStr,
  newTuple,
  newTupleSteal,
  setAttr,
  weakrefReferent,
  type DictData,
  type ExceptionData,
  type Heap,
  type NativeFn,
  type Ref,
} from '@heaplab/heap';
import { classAttr, classDescriptor, finishClass, makeClass, method } from './internal/classes.js';
import { dictPop } from './internal/dicts.js';
import { stateOf } from './internal/state.js';
import { bool, newProperty, none } from './internal/util.js';
import { newRef } from './reftypes.js';

function classDict(heap: Heap): Ref {
  return heap.typeData(finalizeClass(heap)).dict;
}

function registry(heap: Heap): Ref {
  const r = dictGetStr(heap, classDict(heap), '_registry');
  if (r === 0 || heap.kind[r] !== Kind.DICT) throw heap.newException(heap.t.AttributeError, "type object 'finalize' has no attribute '_registry'");
  return r;
}

function classFlag(heap: Heap, name: string): boolean {
  const v = dictGetStr(heap, classDict(heap), name);
  return v !== 0 && isTrue(heap, v);
}

function setClassFlag(heap: Heap, name: string, value: boolean): void {
  dictSetStr(heap, classDict(heap), name, value ? heap.True : heap.False);
  heap.typeEpoch++;
}

/** An `_Info` field (borrowed), or 0 when unset. */
function infoField(heap: Heap, info: Ref, name: string): Ref {
  const r = genericGetAttr(heap, info, name);
  if (r === 0) return 0;
  heap.decref(r); // member values are owned by the info object
  return r;
}

/** `(obj, func, args, kwargs or {})` for a live registration, or 0. */
function registrationTuple(heap: Heap, info: Ref, obj: Ref): Ref {
  const kwargs = infoField(heap, info, 'kwargs');
  const kw = kwargs === 0 || kwargs === heap.None ? newDict(heap) : heap.newRef(kwargs);
  return newTupleSteal(heap, [heap.newRef(obj), heap.newRef(infoField(heap, info, 'func')), heap.newRef(infoField(heap, info, 'args')), kw]);
}

/** `info.func(*info.args, **(info.kwargs or {}))`. */
function runInfo(heap: Heap, info: Ref): Ref {
  const func = infoField(heap, info, 'func');
  const args = infoField(heap, info, 'args');
  const kwargs = infoField(heap, info, 'kwargs');
  const pos = args === 0 ? [] : [...(heap.payload[args] as Ref[])];
  const names: string[] = [];
  const all = [...pos];
  if (kwargs !== 0 && kwargs !== heap.None) {
    const store = (heap.payload[kwargs] as DictData).store;
    for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
      names.push(heap.payload[store.keyAt(p)] as string);
      all.push(store.valueAt(p));
    }
  }
  for (const r of all) heap.incref(r);
  try {
    return call(heap, func, all, names.length > 0 ? names : null);
  } finally {
    for (const r of all) heap.decref(r);
  }
}

/** `finalize.__call__(self, _=None)`: run once, unless the interpreter is shutting down. */
function finalizeCall(heap: Heap, self: Ref): Ref {
  const info = dictPop(heap, registry(heap), self);
  if (info === 0) return none(heap);
  try {
    if (classFlag(heap, '_shutdown')) return none(heap);
    return runInfo(heap, info);
  } finally {
    heap.decref(info);
  }
}

function liveObj(heap: Heap, self: Ref): [Ref, Ref] | null {
  const info = dictGetItem(heap, registry(heap), self);
  if (info === 0) return null;
  const wr = infoField(heap, info, 'weakref');
  const obj = wr === 0 ? 0 : weakrefReferent(heap, wr);
  if (obj === 0) return null;
  return [info, obj];
}

/** Register `atexit`-style running of the live finalizers through the runtime's `atexit`, if any. */
function registerWithAtexit(heap: Heap): void {
  if (classFlag(heap, '_registered_with_atexit')) return;
  const registrar = stateOf(heap).registerAtExit;
  if (registrar !== null) {
    // `atexit.register(self._exitfunc)`: an error escaping it is reported against that bound
    // method, created only when a report needs it (`describe` returns a new reference).
    registrar(Object.assign(() => runFinalizersAtExit(heap), { describe: () => exitfuncBoundMethod(heap) }));
    setClassFlag(heap, '_registered_with_atexit', true);
    return;
  }
  const mods = heap.sysModules;
  if (mods === 0) return;
  const atexit = dictGetStr(heap, mods, 'atexit');
  if (atexit === 0 || heap.kind[atexit] !== Kind.MODULE) return;
  const register = dictGetStr(heap, moduleDict(heap, atexit), 'register');
  if (register === 0) return;
  const exitfunc = newExitfuncBuiltin(heap);
  try {
    heap.decref(call(heap, register, [exitfunc]));
  } finally {
    heap.decref(exitfunc);
  }
  setClassFlag(heap, '_registered_with_atexit', true);
}

/** `finalize._exitfunc` bound to the class as CPython's `self._exitfunc` is (new reference); reads `<bound method finalize._exitfunc of <class 'weakref.finalize'>>`. */
function exitfuncBoundMethod(heap: Heap): Ref {
  const fn = newExitfuncBuiltin(heap);
  try {
    return newBoundMethod(heap, fn, finalizeClass(heap), heap.typ[finalizeClass(heap)]!);
  } finally {
    heap.decref(fn);
  }
}

function newExitfuncBuiltin(heap: Heap): Ref {
  return newBuiltinFunction(heap, '_exitfunc', (h) => {
    runFinalizersAtExit(h);
    return none(h);
  }, finalizeClass(heap), null, true);
}

/** Live finalizers marked for exit, oldest first (`_select_for_exit`). */
function selectForExit(heap: Heap): Ref[] {
  const reg = registry(heap);
  const store = (heap.payload[reg] as DictData).store;
  const rows: [number, Ref][] = [];
  for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
    const f = store.keyAt(p);
    const info = store.valueAt(p);
    const ae = infoField(heap, info, 'atexit');
    if (ae !== 0 && isTrue(heap, ae)) {
      const idx = infoField(heap, info, 'index');
      rows.push([idx === 0 ? 0 : Number(heap.payload[idx] as number), f]);
    }
  }
  rows.sort((a, b) => a[0] - b[0]);
  return rows.map(([, f]) => f);
}

/**
 * `_exitfunc`'s `except Exception: sys.excepthook(*sys.exc_info())` for a finalizer that raised
 * `e`. Only an `Exception` is handled there; anything else escapes `_exitfunc`, and so does an
 * error of the hook itself (a raising hook, `sys.excepthook` set to None or deleted): then the
 * remaining finalizers do not run and the runtime's atexit machinery reports the escaped error
 * ("Exception ignored in atexit callback: <bound method finalize._exitfunc ...>").
 */
function reportAtExit(heap: Heap, e: PyException): void {
  const exc = e.exc;
  if (!isSubtype(heap, heap.typ[exc]!, heap.t.Exception)) throw e;
  try {
    const sys = heap.sysModules === 0 ? 0 : dictGetStr(heap, heap.sysModules, 'sys');
    const hook = sys === 0 || heap.kind[sys] !== Kind.MODULE ? 0 : dictGetStr(heap, moduleDict(heap, sys), 'excepthook');
    if (hook === 0) throw heap.newException(heap.t.AttributeError, "module 'sys' has no attribute 'excepthook'");
    if (hook === heap.None) throw heap.newException(heap.t.TypeError, "'NoneType' object is not callable");
    heap.incref(hook);
    try {
      heap.decref(call(heap, hook, [heap.typ[exc]!, exc, e.tb ? e.tb : heap.None]));
    } finally {
      heap.decref(hook);
    }
  } catch (e2) {
    if (e2 instanceof PyException) chainTo(heap, e2.exc, exc);
    throw e2;
  } finally {
    e.release(heap);
  }
}

/** An error raised inside `except Exception:` gets the handled exception as `__context__` (if it has none and no cycle results). */
function chainTo(heap: Heap, inner: Ref, handled: Ref): void {
  if (inner === handled || heap.kind[inner] !== Kind.EXCEPTION) return;
  const data = heap.payload[inner] as ExceptionData;
  if (data.context !== 0) return;
  for (let c = handled; c !== 0 && heap.kind[c] === Kind.EXCEPTION; c = (heap.payload[c] as ExceptionData).context) {
    if (c === inner) return;
  }
  heap.incref(handled);
  data.context = handled;
}

/**
 * `finalize._exitfunc()`: at interpreter exit, call every live finalizer whose `atexit` is true,
 * newest first, with the collector disabled; afterwards no finalizer runs any more. The runtime
 * calls this at shutdown (or registers it with its `atexit` module).
 *
 * @example
 * ```ts
 * import { Heap } from '@heaplab/heap';
 * import { runFinalizersAtExit } from '@heaplab/weakref';
 * runFinalizersAtExit(new Heap()); // nothing registered: nothing happens
 * ```
 */
export function runFinalizersAtExit(heap: Heap): void {
  const st = stateOf(heap);
  if (st.finalize === 0) return;
  const gc = heap.gc;
  let reenable = false;
  try {
    if ((heap.payload[registry(heap)] as DictData).store.used > 0) {
      if (gc.enabled) {
        reenable = true;
        gc.enabled = false;
      }
      let pending: Ref[] | null = null;
      for (;;) {
        if (pending === null || classFlag(heap, '_dirty')) {
          pending = selectForExit(heap);
          setClassFlag(heap, '_dirty', false);
        }
        if (pending.length === 0) break;
        const f = pending.pop()!;
        heap.incref(f);
        try {
          heap.decref(finalizeCall(heap, f));
        } catch (e) {
          if (!(e instanceof PyException)) throw e;
          reportAtExit(heap, e);
        } finally {
          heap.decref(f);
        }
      }
    }
  } finally {
    setClassFlag(heap, '_shutdown', true);
    if (reenable) gc.enabled = true;
  }
}

/**
 * The heap's `weakref.finalize` class (borrowed), created on first use (3.12 profile).
 *
 * @example
 * ```ts
 * import { Heap, call, newBuiltinFunction, newClass, newDict, getAttr } from '@heaplab/heap';
 * import { finalizeClass, installWeakrefTypes } from '@heaplab/weakref';
 * const heap = new Heap({ version: '3.12' });
 * installWeakrefTypes(heap);
 * const A = newClass(heap, { name: 'A', bases: [], namespace: newDict(heap) });
 * const a = call(heap, A, []);
 * let ran = 0;
 * const fn = newBuiltinFunction(heap, 'cleanup', (h) => { ran++; return h.newRef(h.None); });
 * const f = call(heap, finalizeClass(heap), [a, fn]);
 * heap.decref(a);
 * ran; // 1
 * getAttr(heap, f, 'alive') === heap.False; // true
 * ```
 */
export function finalizeClass(heap: Heap): Ref {
  const st = stateOf(heap);
  if (st.finalize !== 0) return st.finalize;
  const cls = makeClass(heap, { name: 'finalize', module: 'weakref', slots: [], doc: 'Runs a function once when an object dies, when called, or at exit.' });
  st.finalize = cls;
  const info = makeClass(heap, {
    name: '_Info',
    qualname: 'finalize._Info',
    module: 'weakref',
    slots: ['weakref', 'func', 'args', 'kwargs', 'atexit', 'index'],
  });
  st.finalizeInfo = info;
  classAttr(heap, cls, '_registry', newDict(heap));
  classAttr(heap, cls, '_shutdown', heap.newRef(heap.False));
  classAttr(heap, cls, '_dirty', heap.newRef(heap.False));
  classAttr(heap, cls, '_registered_with_atexit', heap.newRef(heap.False));
  classAttr(heap, cls, '_Info', info);

  method(
    heap,
    cls,
    '__init__',
    ['obj', 'func'],
    (h, self, a) => {
      registerWithAtexit(h);
      const rec = allocInstance(h, info);
      try {
        const wr = newRef(h, a.values[1]!, self);
        setAttr(h, rec, 'weakref', wr);
        h.decref(wr);
        setAttr(h, rec, 'func', a.values[2]!);
        const args = newTuple(h, a.extra);
        setAttr(h, rec, 'args', args);
        h.decref(args);
        if (a.kwargs.length > 0) {
          const kw = newDict(h);
          for (const [n, v] of a.kwargs) {
            const k = newStr(h, n);
            dictSetItem(h, kw, k, v);
            h.decref(k);
          }
          setAttr(h, rec, 'kwargs', kw);
          h.decref(kw);
        } else setAttr(h, rec, 'kwargs', h.None);
        setAttr(h, rec, 'atexit', h.True);
        const idx = newInt(h, st.finalizeIndex++);
        setAttr(h, rec, 'index', idx);
        h.decref(idx);
        dictSetItem(h, registry(h), self, rec);
      } finally {
        h.decref(rec);
      }
      setClassFlag(h, '_dirty', true);
      return none(h);
    },
    { posOnly: 2, varargs: true, varkw: true },
  );
  method(heap, cls, '__call__', ['_'], (h, self) => finalizeCall(h, self), { defaults: 1 });
  method(heap, cls, 'detach', [], (h, self) => {
    const live = liveObj(h, self);
    if (live === null) return none(h);
    const [rec, obj] = live;
    heap.incref(rec);
    heap.incref(obj);
    try {
      const popped = dictPop(h, registry(h), self);
      if (popped === 0) return none(h);
      h.decref(popped);
      return registrationTuple(h, rec, obj);
    } finally {
      heap.decref(rec);
      heap.decref(obj);
    }
  });
  method(heap, cls, 'peek', [], (h, self) => {
    const live = liveObj(h, self);
    if (live === null) return none(h);
    return registrationTuple(h, live[0], live[1]);
  });
  classDescriptor(
    heap,
    cls,
    'alive',
    newProperty(heap, 'alive', (h, _s, args) => bool(h, dictGetItem(h, registry(h), args[0]!) !== 0), undefined, 'Whether finalizer is alive'),
  );
  classDescriptor(
    heap,
    cls,
    'atexit',
    newProperty(
      heap,
      'atexit',
      (h, _s, args) => {
        const rec = dictGetItem(h, registry(h), args[0]!);
        if (rec === 0) return bool(h, false);
        const v = infoField(h, rec, 'atexit');
        return h.newRef(v === 0 ? h.False : v);
      },
      (h, _s, args) => {
        const rec = dictGetItem(h, registry(h), args[0]!);
        if (rec !== 0) setAttr(h, rec, 'atexit', isTrue(h, args[1]!) ? h.True : h.False);
        return none(h);
      },
      'Whether finalizer should be called at exit',
    ),
  );
  method(heap, cls, '__repr__', [], (h, self) => {
    const live = liveObj(h, self);
    const name = h.typeOf(self).name;
    if (live === null) return newStr(h, `<${name} object at ${addressText(h, self)}; dead>`);
    const obj = live[1];
    return newStr(h, `<${name} object at ${addressText(h, self)}; for '${h.typeOf(obj).name}' at ${addressText(h, obj)}>`);
  });
  const selectFn: NativeFn = (h) => {
    const fs = selectForExit(h);
    return newList(h, fs);
  };
  defineMethod(heap, cls, '_select_for_exit', selectFn, { binding: 'class' });
  defineMethod(
    heap,
    cls,
    '_exitfunc',
    (h) => {
      runFinalizersAtExit(h);
      return none(h);
    },
    { binding: 'class' },
  );
  finishClass(heap, cls);
  return cls;
}
