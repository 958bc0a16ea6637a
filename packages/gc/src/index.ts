/**
 * @heaplab/gc — CPython's generational cycle collector and the `gc` module API, on a
 * `@heaplab/heap` heap.
 */
export { Collector, type CollectionResult } from './collector.js';
export { ReferrerIndex, scanReferrers } from './referrers.js';
export { TrackedOrder, trackedOrder } from './order.js';
export { GcModule, attachCollector, type GenerationStats } from './api.js';
export { createGcPythonModule } from './pymodule.js';
export { debugCycle, debugStatsHeader, debugStatsDone, pointer } from './debug.js';
export { dumpShutdownStats } from './shutdown.js';
