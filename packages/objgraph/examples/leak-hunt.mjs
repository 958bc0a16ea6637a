// The seed article's leak hunt, on a simulated CPython 3.12 heap:
//   _cache = []
//   class OBJ(object): pass
//   def func_to_leak():
//       o = OBJ(); _cache.append(o)
//       if True: return          # "this seem ugly, but it always exists"
//       _cache.remove(o)
// objgraph.show_growth() before and after the call shows one new OBJ; a backref chain from it to
// a module shows who keeps it alive, and show_chain draws that chain.
import { Heap, call, dictSetItem, dictSetStr, intern, listAppend, moduleDict, newClass, newDict, newList, newModule, newStr } from '@heaplab/heap';
import { attachCollector } from '@heaplab/gc';
import { Objgraph } from '@heaplab/objgraph';

const heap = new Heap({ version: '3.12' });
const gc = attachCollector(heap);
const og = new Objgraph(heap, gc);

// A __main__ module registered in sys.modules, with `_cache = []` and `class OBJ(object): pass`.
heap.sysModules = newDict(heap);
const main = newModule(heap, '__main__');
dictSetItem(heap, heap.sysModules, intern(heap, '__main__'), main);
const globals = moduleDict(heap, main);
const cache = newList(heap, []);
dictSetStr(heap, globals, '_cache', cache);
const ns = newDict(heap);
dictSetStr(heap, ns, '__module__', newStr(heap, '__main__'));
const OBJ = newClass(heap, { name: 'OBJ', bases: [], namespace: ns });
dictSetStr(heap, globals, 'OBJ', OBJ);

function funcToLeak() {
  const o = call(heap, OBJ, []); // o = OBJ()
  listAppend(heap, cache, o); //    _cache.append(o)
  heap.decref(o); //                 return early: the local goes, the cache entry stays
}

og.showGrowth({ limit: 3 }); // the first call records the peaks
funcToLeak();
console.log('after call func_to_leak');
og.showGrowth(); // OBJ        1        +1

const leaked = og.byType('OBJ')[0];
const chain = og.findBackrefChain(leaked, (x) => og.isProperModule(x));
console.log(chain.map((r) => heap.typeOf(r).name).join(' -> ')); // module -> dict -> list -> OBJ
og.showChain([chain], { filename: 'obj_chain.dot' }); // Graph written to obj_chain.dot (4 nodes)
og.showChain([chain], { filename: 'obj_chain.svg' }); // ... Image generated as obj_chain.svg
