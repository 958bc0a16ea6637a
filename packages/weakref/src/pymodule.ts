/**
 * The module objects a program gets from `import weakref` (and `_weakref`, `_weakrefset`), per
 * profile, built on one heap.
 */
import {
  Kind,
  dictGetStr,
  dictSetStr,
  moduleDict,
  newBuiltinFunction,
  newList,
  newModule,
  newStr,
  newTuple,
  type Heap,
  type Ref,
} from '@heaplab/heap';
import { finalizeClass } from './finalize.js';
import { stateOf } from './internal/state.js';
import { generatorType, iterationGuardClass } from './iterguard.js';
import { installWeakrefTypes, removeDeadWeakrefBuiltin, weakrefModuleFunctions } from './reftypes.js';
import { weakKeyDictionaryClass } from './weakkeydict.js';
import { weakMethodClass } from './weakmethod.js';
import { weakSetClass } from './weakset.js';
import { keyedRefClass, weakValueDictionaryClass } from './weakvaluedict.js';

function put(heap: Heap, mod: Ref, name: string, value: Ref, steal = false): void {
  dictSetStr(heap, moduleDict(heap, mod), name, value);
  if (steal) heap.decref(value);
}

function putStr(heap: Heap, mod: Ref, name: string, s: string): void {
  put(heap, mod, name, newStr(heap, s), true);
}

function cached(heap: Heap, name: string, build: () => Ref): Ref {
  const st = stateOf(heap);
  let m = st.modules.get(name);
  if (m === undefined) {
    m = build();
    st.modules.set(name, m);
    registerInSysModules(heap, name, m);
  }
  return heap.newRef(m);
}

/** Put the module in the runtime's `sys.modules` if it has one and the name is free. */
function registerInSysModules(heap: Heap, name: string, m: Ref): void {
  const mods = heap.sysModules;
  if (mods === 0 || heap.kind[mods] !== Kind.DICT) return;
  if (dictGetStr(heap, mods, name) === 0) dictSetStr(heap, mods, name, m);
}

/**
 * `_weakref`: the C module — `ref`, `proxy`, `getweakrefcount`, `getweakrefs`, the types and
 * `_remove_dead_weakref`. Returns a new reference (the module is created once per heap).
 *
 * @example
 * ```ts
 * import { Heap, getAttr } from '@heaplab/heap';
 * import { createUnderscoreWeakrefModule } from '@heaplab/weakref';
 * const heap = new Heap();
 * const m = createUnderscoreWeakrefModule(heap);
 * getAttr(heap, m, 'ref') === heap.t.weakref; // true
 * ```
 */
export function createUnderscoreWeakrefModule(heap: Heap): Ref {
  installWeakrefTypes(heap);
  return cached(heap, '_weakref', () => {
    const m = newModule(heap, '_weakref');
    putStr(heap, m, '__doc__', 'Weak-reference support module.');
    for (const [name, fn] of weakrefModuleFunctions(heap)) {
      if (name === '_remove_dead_weakref') put(heap, m, name, removeDeadWeakrefBuiltin(heap));
      else put(heap, m, name, newBuiltinFunction(heap, name, fn, 0, '_weakref'), true);
    }
    put(heap, m, 'ref', heap.t.weakref);
    put(heap, m, 'ReferenceType', heap.t.weakref);
    put(heap, m, 'ProxyType', heap.t.weakproxy);
    put(heap, m, 'CallableProxyType', heap.t.weakcallableproxy);
    return m;
  });
}

/**
 * `_weakrefset`: `WeakSet` and `_IterationGuard`. Returns a new reference.
 *
 * @example
 * ```ts
 * import { Heap, getAttr, reprOf } from '@heaplab/heap';
 * import { createWeakrefsetPythonModule } from '@heaplab/weakref';
 * const heap = new Heap();
 * reprOf(heap, getAttr(heap, createWeakrefsetPythonModule(heap), 'WeakSet')); // "<class '_weakrefset.WeakSet'>"
 * ```
 */
export function createWeakrefsetPythonModule(heap: Heap): Ref {
  installWeakrefTypes(heap);
  // The generator type the containers' methods return exists from the start, like CPython's.
  generatorType(heap);
  return cached(heap, '_weakrefset', () => {
    const m = newModule(heap, '_weakrefset');
    put(heap, m, 'ref', heap.t.weakref);
    put(heap, m, '_IterationGuard', iterationGuardClass(heap));
    put(heap, m, 'WeakSet', weakSetClass(heap));
    const all = newStr(heap, 'WeakSet');
    put(heap, m, '__all__', newList(heap, [all]), true);
    heap.decref(all);
    return m;
  });
}

/** Options for `createWeakrefPythonModule`. */
export interface WeakrefModuleOptions {
  /**
   * Schedule a function for interpreter exit (what `atexit.register` does). `weakref.finalize`
   * registers its exit hook through it on first use, as CPython's does; without it the runtime
   * can call `runFinalizersAtExit(heap)` itself at shutdown. The function passed carries
   * `describe()`, which returns (as a new reference) the object an error escaping it is reported
   * against: the bound method `finalize._exitfunc`.
   */
  registerAtExit?: (fn: (() => void) & { describe?: () => Ref }) => void;
}

/**
 * The `weakref` module as `import weakref` gives it in the heap's version: `ref`, `proxy`,
 * `getweakrefcount`, `getweakrefs`, `ReferenceType`, `ProxyType`, `CallableProxyType`,
 * `ProxyTypes`, `WeakSet`, `WeakKeyDictionary`, `WeakValueDictionary`, `KeyedRef`, and in 3.12
 * `WeakMethod` and `finalize` (2.7 also re-exports `ReferenceError`). Created once per heap;
 * returns a new reference. When the heap has `sys.modules`, `weakref`, `_weakref` and
 * `_weakrefset` are registered there as CPython's import would. Pass `registerAtExit` so that
 * `weakref.finalize(..., atexit=True)` finalizers run at exit.
 *
 * @example
 * ```ts
 * import { Heap, getAttr, call, callMethod, length, newClass, newDict } from '@heaplab/heap';
 * import { createWeakrefPythonModule } from '@heaplab/weakref';
 * const heap = new Heap({ version: '3.12' });
 * const weakref = createWeakrefPythonModule(heap);
 * const ws = call(heap, getAttr(heap, weakref, 'WeakSet'), []);
 * const A = newClass(heap, { name: 'A', bases: [], namespace: newDict(heap) });
 * const a = call(heap, A, []);
 * callMethod(heap, ws, 'add', [a]);
 * length(heap, ws); // 1
 * heap.decref(a);
 * length(heap, ws); // 0
 * ```
 */
export function createWeakrefPythonModule(heap: Heap, options: WeakrefModuleOptions = {}): Ref {
  installWeakrefTypes(heap);
  if (options.registerAtExit !== undefined) stateOf(heap).registerAtExit = options.registerAtExit;
  const is27 = heap.profile.version === '2.7';
  const under = createUnderscoreWeakrefModule(heap);
  heap.decref(under);
  const set = createWeakrefsetPythonModule(heap);
  heap.decref(set);
  return cached(heap, 'weakref', () => {
    const m = newModule(heap, 'weakref');
    putStr(heap, m, '__doc__', 'Weak references and weak containers (PEP 205), simulated by HeapLab.');
    const fns = moduleDict(heap, under);
    for (const name of ['getweakrefcount', 'getweakrefs', 'proxy', '_remove_dead_weakref']) put(heap, m, name, dictGetStr(heap, fns, name));
    put(heap, m, 'ref', heap.t.weakref);
    put(heap, m, 'ReferenceType', heap.t.weakref);
    put(heap, m, 'ProxyType', heap.t.weakproxy);
    put(heap, m, 'CallableProxyType', heap.t.weakcallableproxy);
    put(heap, m, 'ProxyTypes', newTuple(heap, [heap.t.weakproxy, heap.t.weakcallableproxy]), true);
    put(heap, m, 'WeakSet', weakSetClass(heap));
    put(heap, m, '_IterationGuard', iterationGuardClass(heap));
    put(heap, m, 'WeakValueDictionary', weakValueDictionaryClass(heap));
    put(heap, m, 'KeyedRef', keyedRefClass(heap));
    put(heap, m, 'WeakKeyDictionary', weakKeyDictionaryClass(heap));
    if (is27) put(heap, m, 'ReferenceError', heap.t.ReferenceError);
    else {
      put(heap, m, 'WeakMethod', weakMethodClass(heap));
      put(heap, m, 'finalize', finalizeClass(heap));
    }
    const names = is27
      ? ['ref', 'proxy', 'getweakrefcount', 'getweakrefs', 'WeakKeyDictionary', 'ReferenceError', 'ReferenceType', 'ProxyType', 'CallableProxyType', 'ProxyTypes', 'WeakValueDictionary', 'WeakSet']
      : ['ref', 'proxy', 'getweakrefcount', 'getweakrefs', 'WeakKeyDictionary', 'ReferenceType', 'ProxyType', 'CallableProxyType', 'ProxyTypes', 'WeakValueDictionary', 'WeakSet', 'WeakMethod', 'finalize'];
    const strs = names.map((n) => newStr(heap, n));
    put(heap, m, '__all__', newList(heap, strs), true);
    for (const s of strs) heap.decref(s);
    return m;
  });
}
