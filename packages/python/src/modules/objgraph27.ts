/**
 * objgraph 3.5.0's chain search (`find_ref_chain`, `find_backref_chain`, `_find_chain`) for 2.7,
 * as Python functions compiled into the objgraph module.
 *
 * objgraph's search is a Python function, and on CPython 2.7 that is visible: a running frame's
 * locals are traversed by the collector, so `gc.get_referrers(target)` inside `_find_chain` lists
 * `_find_chain`'s own frame (it holds `target` in a local). The frame keeps the last result list
 * in a local, so the frame and that list form a cycle that outlives the call: the frame, the one
 * of `find_backref_chain` (its `f_back`), their locals (the BFS queue, the parent map, the ignore
 * set, the chain and the lists of referrers that refer to each other) stay alive until the next
 * collection — they are what the next `gc.collect()` counts, and objects they hold (the target,
 * the objects on the chain) are freed only then. Running the search in the interpreter gives all
 * of that for free. 3.12 does not traverse the locals of a running frame, so it keeps the native
 * search of `@heaplab/objgraph`.
 *
 * The module also gets `gc` and `sys` as globals, as objgraph's own imports give it. Those
 * imports (`inspect` → `collections.namedtuple`, which reprs a tuple of field names) are also the
 * first container repr of a 2.7 script that imports objgraph: Py_ReprEnter's thread-state dict and
 * `Py_Repr` list exist from then on, so they are not new objects at the script's first repr.
 */
import { dictSetStr, moduleDict, type Ref, reprEnterState } from '@heaplab/heap';
import type { Interpreter } from '../vm/interp.js';
import { Frame } from '../vm/frame.js';

/** Where the compiled functions appear to live (tracebacks through them name this file). */
export const OBJGRAPH27_FILENAME = 'objgraph.py';

// The locals are the ones objgraph's function has (queue, depth, parent, ignore, target, tdepth,
// referrers, source, chain): which of them hold tracked objects decides what the frame keeps
// alive after the call.
const OBJGRAPH27_CHAIN_SOURCE = `
def find_ref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    return _find_chain(obj, predicate, gc.get_referents,
                       max_depth=max_depth, extra_ignore=extra_ignore)[::-1]


def find_backref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    return _find_chain(obj, predicate, gc.get_referrers,
                       max_depth=max_depth, extra_ignore=extra_ignore)


def _find_chain(obj, predicate, edge_func, max_depth=20, extra_ignore=()):
    queue = [obj]
    depth = {id(obj): 0}
    parent = {id(obj): None}
    ignore = set(extra_ignore)
    ignore.add(id(extra_ignore))
    ignore.add(id(queue))
    ignore.add(id(depth))
    ignore.add(id(parent))
    ignore.add(id(ignore))
    ignore.add(id(sys._getframe()))
    ignore.add(id(sys._getframe(1)))
    gc.collect()
    while queue:
        target = queue.pop(0)
        if predicate(target):
            chain = [target]
            while parent[id(target)] is not None:
                target = parent[id(target)]
                chain.append(target)
            return chain
        tdepth = depth[id(target)]
        if tdepth >= max_depth:
            continue
        referrers = edge_func(target)
        ignore.add(id(referrers))
        for source in referrers:
            if id(source) in ignore or id(source) in depth:
                continue
            depth[id(source)] = tdepth + 1
            parent[id(source)] = target
            queue.append(source)
    return [obj]
`;

/** Replace the 2.7 objgraph module's chain functions by Python ones (see the file comment). */
export function installObjgraph27Chains(it: Interpreter, module: Ref): void {
  const heap = it.heap;
  if (it.compileModule === null) return;
  const g = moduleDict(heap, module);
  reprEnterState(heap);
  for (const name of ['gc', 'sys']) {
    const m = it.importModule(name);
    dictSetStr(heap, g, name, m);
    heap.decref(m);
  }
  const unit = it.compileModule(OBJGRAPH27_CHAIN_SOURCE, OBJGRAPH27_FILENAME);
  it.sources.set(OBJGRAPH27_FILENAME, OBJGRAPH27_CHAIN_SOURCE.split('\n'));
  const frame = new Frame(unit, new Array(unit.nfast).fill(0), g, it.builtinsDict, g, it.frame, 0);
  it.runFrame(frame, 0);
}
