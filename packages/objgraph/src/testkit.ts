/**
 * Test helpers: build, on a HeapLab heap, the object graphs small Python scripts build, so that
 * objgraph's output on both can be compared. Not part of the package's API.
 */
import {
  call,
  dictSetItem,
  dictSetStr,
  Heap,
  intern,
  listAppend,
  moduleDict,
  newClass,
  newDict,
  newInt,
  newList,
  newModule,
  newStr,
  newTuple,
  type Ref,
  setAttr,
} from '@heaplab/heap';
import { attachCollector, type GcModule } from '@heaplab/gc';
import { Objgraph, type ObjgraphIO } from './objgraph.js';

/** The normalization rules of /work/shared/conformance/normalize.py. */
export function normalize(text: string): string {
  return text
    .replace(/0x[0-9a-fA-F]+/g, '0xADDR')
    .replace(/(<[\w.]+ )[0-9A-Fa-f]{6,16}(>)/g, '$1ADDR$2')
    .replace(/\bo\d{5,}\b/g, 'oADDR')
    .replace(/\d+\.\d+s elapsed/g, 'Ts elapsed');
}

/** An in-memory file system for objgraph's file output. */
export class MemoryIO implements ObjgraphIO {
  readonly files = new Map<string, string | Uint8Array>();
  tempDir = '/tmp';
  viewer: string[] | null = null;
  writeFile(path: string, data: string | Uint8Array): void {
    this.files.set(path, data);
  }
  text(path: string): string {
    const d = this.files.get(path);
    if (typeof d !== 'string') throw new Error(`no text file ${path}`);
    return d;
  }
}

/** A heap with a collector, a `__main__` module registered in `sys.modules`, and objgraph. */
export class Scene {
  readonly heap: Heap;
  readonly gc: GcModule;
  readonly og: Objgraph;
  readonly io = new MemoryIO();
  readonly out: string[] = [];
  readonly main: Ref;
  readonly globals: Ref;

  constructor(version: '2.7' | '3.12', options: { mainDunders?: boolean } = {}) {
    this.heap = new Heap({ version, writeStdout: (t) => this.out.push(t), writeStderr: (t) => this.out.push(t) });
    this.gc = attachCollector(this.heap);
    this.og = new Objgraph(this.heap, this.gc, { io: this.io });
    const heap = this.heap;
    heap.sysModules = newDict(heap);
    this.main = newModule(heap, '__main__');
    this.globals = moduleDict(heap, this.main);
    if (options.mainDunders !== false) {
      // What a script's globals hold besides its own names: 2.7 __name__ __doc__ __package__
      // __builtins__ __file__; 3.12 also __loader__ __spec__ __annotations__ __cached__.
      const names = version === '2.7' ? ['__package__', '__builtins__', '__file__'] : ['__package__', '__loader__', '__spec__', '__annotations__', '__builtins__', '__file__', '__cached__'];
      for (const n of names) dictSetStr(heap, this.globals, n, heap.None);
    }
    const name = intern(heap, '__main__');
    dictSetItem(heap, heap.sysModules, name, this.main);
    heap.decref(name);
  }

  /** stdout so far, and reset. */
  takeOut(): string {
    const s = this.out.join('');
    this.out.length = 0;
    return s;
  }

  /** `class Name(bases): ...` in `__main__` (new reference kept alive by the globals). */
  cls(name: string, options: { bases?: Ref[]; module?: string; del?: boolean; repr?: (self: Ref) => string } = {}): Ref {
    const heap = this.heap;
    const ns = newDict(heap);
    const mod = newStr(heap, options.module ?? '__main__');
    dictSetStr(heap, ns, '__module__', mod);
    heap.decref(mod);
    const c = newClass(heap, { name, bases: options.bases ?? [], namespace: ns });
    heap.decref(ns);
    if (options.del) {
      // Stand-in for a Python `def __del__(self): pass`: a finalizer slot plus a `__del__` attribute.
      const fn = this.builtin('__del__', () => heap.None);
      setAttr(heap, c, '__del__', fn);
      heap.decref(fn);
    }
    if (options.repr) {
      const r = options.repr;
      (heap.typeData(c).slots as { repr?: (h: Heap, self: Ref) => string }).repr = (_h, self) => r(self);
    }
    this.setGlobal(name, c);
    heap.decref(c);
    return c;
  }

  private builtin(name: string, fn: () => Ref): Ref {
    // A builtin function object stands in for a Python function in tests.
    return newBuiltin(this.heap, name, fn);
  }

  /** An instance of `cls` (new reference). */
  inst(cls: Ref): Ref {
    return call(this.heap, cls, []);
  }

  /** `globals()[name] = value`. */
  setGlobal(name: string, value: Ref): void {
    dictSetStr(this.heap, this.globals, name, value);
  }

  /** A list of the given refs (new reference; items increfed). */
  list(items: Ref[]): Ref {
    return newList(this.heap, items);
  }

  tuple(items: Ref[]): Ref {
    return newTuple(this.heap, items);
  }

  int(v: number): Ref {
    return newInt(this.heap, v);
  }

  str(s: string): Ref {
    return newStr(this.heap, s);
  }

  dict(entries: [Ref, Ref][] = []): Ref {
    const d = newDict(this.heap);
    for (const [k, v] of entries) dictSetItem(this.heap, d, k, v);
    return d;
  }

  append(l: Ref, x: Ref): void {
    listAppend(this.heap, l, x);
  }

  setattr(o: Ref, name: string, v: Ref): void {
    setAttr(this.heap, o, name, v);
  }
}

import { newBuiltinFunction } from '@heaplab/heap';
function newBuiltin(heap: Heap, name: string, fn: () => Ref): Ref {
  return newBuiltinFunction(heap, name, () => {
    heap.incref(heap.None);
    return fn();
  });
}
