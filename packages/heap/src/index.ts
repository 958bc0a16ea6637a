/**
 * @heaplab/heap — CPython's object layer as data: types, objects, exact reference counts,
 * deallocation in CPython's order, weak-reference slots and version profiles.
 */
export * from './ref.js';
export * from './errors.js';
export * from './kinds.js';
export * from './profile.js';
export * from './store.js';
export * from './typedata.js';
export * from './layouts.js';
export * from './hash.js';
export * from './dict.js';
export * from './set.js';
export { Heap, IMMORTAL_BIAS, type GcState, type ScriptStartState, type CollectorHook, type HeapHooks, type HeapOptions } from './heap.js';
export type { BuiltinTypes } from './builtins.js';
export { builtinsModuleName } from './builtins.js';
export * from './objects.js';
export * from './instances.js';
export * from './protocol.js';
export * from './traverse.js';
export * from './weakrefs.js';
export * from './callables.js';
export * from './classes.js';
export * from './args.js';
export * from './repr.js';
export * from './handles.js';
export * from './iter.js';
export * from './invariants.js';
export * from './warnings.js';
