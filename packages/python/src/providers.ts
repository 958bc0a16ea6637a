/**
 * The importable modules that come from other HeapLab packages: `weakref` and `objgraph`.
 */
import type { Ref } from '@heaplab/heap';
import { createWeakrefPythonModule } from '@heaplab/weakref';
import { createObjgraphPythonModule } from '@heaplab/objgraph';
import { installObjgraph27Chains, installObjgraph27Graphs } from './modules/objgraph27.js';
import type { Interpreter } from './vm/interp.js';

/** Providers for `import weakref` and `import objgraph`. */
export function createModuleProviders(): Record<string, (it: Interpreter) => Ref> {
  return {
    weakref: (it) => createWeakrefPythonModule(it.heap, { registerAtExit: (fn) => it.atexit.push(fn) }),
    objgraph: (it) => {
      const m = createObjgraphPythonModule(it.heap, it.gc, { writeFile: (p, d) => it.fs.writeFile(p, d), readFile: (p) => it.fs.readFile(p) });
      if (it.version === '2.7') {
        installObjgraph27Chains(it, m);
        installObjgraph27Graphs(it, m);
      }
      return m;
    },
  };
}
