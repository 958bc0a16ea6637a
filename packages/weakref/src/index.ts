/**
 * @heaplab/weakref — two faces:
 *
 * 1. Python's `weakref` module on a `@heaplab/heap` heap (`createWeakrefPythonModule`): ref,
 *    proxy, KeyedRef, WeakSet, WeakKeyDictionary, WeakValueDictionary and, in 3.12, WeakMethod
 *    and finalize, as heap objects that hold the same objects CPython's implementation holds.
 * 2. Iterable weak containers for everyday TypeScript (`WeakValueMap`, `IterableWeakSet`,
 *    `IterableWeakMap`), built on the platform's `WeakRef` and `FinalizationRegistry`.
 */
export { createWeakrefPythonModule, createUnderscoreWeakrefModule, createWeakrefsetPythonModule, type WeakrefModuleOptions } from './pymodule.js';
export {
  installWeakrefTypes,
  newRef,
  newProxy,
  getweakrefcount,
  getweakrefs,
  removeDeadWeakref,
  isProxy,
  isRef,
} from './reftypes.js';
export { weakSetClass } from './weakset.js';
export { keyedRefClass, newKeyedRef, weakValueDictionaryClass } from './weakvaluedict.js';
export { weakKeyDictionaryClass } from './weakkeydict.js';
export { weakMethodClass, newWeakMethod } from './weakmethod.js';
export { finalizeClass, runFinalizersAtExit } from './finalize.js';
export { iterationGuardClass } from './iterguard.js';
export { WeakValueMap } from './js/WeakValueMap.js';
export { IterableWeakSet } from './js/IterableWeakSet.js';
export { IterableWeakMap } from './js/IterableWeakMap.js';
