/**
 * Modules written in Python: compiled from source by the interpreter itself and executed in a
 * fresh module namespace, as an import of a `.py` file does (the module is in `sys.modules`
 * while its body runs; its functions are ordinary Python functions whose frames show up in
 * tracebacks with the module's file name and source lines).
 */
import { dictSetStr, moduleDict, newStr, type Ref } from '@heaplab/heap';
import type { Interpreter } from '../vm/interp.js';
import { Frame } from '../vm/frame.js';

/**
 * Import module `name` from `source`, as if read from `filename` (new reference). The module
 * gets `__file__` (2.7: the `.pyc` next to it, as CPython reports a module loaded from its
 * compiled file) and `__builtins__`; a failure while its body runs removes it from `sys.modules`
 * again and propagates.
 */
export function loadSourceModule(it: Interpreter, name: string, filename: string, source: string): Ref {
  const heap = it.heap;
  if (it.compileModule === null) throw it.error(heap.t.SystemError, 'no compiler');
  const unit = it.compileModule(source, filename);
  it.sources.set(filename, source.split('\n'));
  const m = it.newModule(name);
  const g = moduleDict(heap, m);
  dictSetStr(heap, g, '__builtins__', it.version === '2.7' ? it.builtinsDict : it.builtinsModule);
  const file = newStr(heap, it.version === '2.7' ? `${filename}c` : filename);
  dictSetStr(heap, g, '__file__', file);
  heap.decref(file);
  it.registerModule(name, m);
  const frame = new Frame(unit, new Array(unit.nfast).fill(0), g, it.builtinsDict, g, it.frame, 0);
  try {
    it.runFrame(frame, 0);
  } catch (e) {
    it.unregisterModule(name);
    heap.decref(m);
    throw e;
  }
  return m;
}
