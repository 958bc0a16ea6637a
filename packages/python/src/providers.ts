/**
 * The importable modules that come from other HeapLab packages: `weakref` and `objgraph`.
 */
import type { Ref } from '@heaplab/heap';
import { createWeakrefPythonModule } from '@heaplab/weakref';
import { createObjgraphPythonModule } from '@heaplab/objgraph';
import type { Interpreter } from './vm/interp.js';

/** Providers for `import weakref` and `import objgraph`. */
export function createModuleProviders(): Record<string, (it: Interpreter) => Ref> {
  return {
    weakref: (it) => createWeakrefPythonModule(it.heap, { registerAtExit: (fn) => it.atexit.push(fn) }),
    objgraph: (it) => createObjgraphPythonModule(it.heap, it.gc, { writeFile: (p, d) => it.fs.writeFile(p, d) }),
  };
}
