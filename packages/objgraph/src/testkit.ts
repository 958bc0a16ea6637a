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
  openViewer?: (dotPath: string) => void;
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

import { Kind, type ClassicClassData, type CodeData, type FunctionData, newBoundMethod } from '@heaplab/heap';

/** A code object (new reference). */
export function newCode(heap: Heap, name: string, filename: string, firstlineno: number): Ref {
  const data: CodeData = { consts: [], name, qualname: name, filename, firstlineno, varnames: [], argcount: 0, cellvars: [], freevars: [], flags: 0 };
  return heap.alloc(heap.t.code, Kind.CODE, data);
}

/** A Python function object `name` defined in `globals` (new reference; tracked). */
export function newFunction(heap: Heap, globals: Ref, name: string, filename = 'tests.py', firstlineno = 1): Ref {
  const code = newCode(heap, name, filename, firstlineno);
  const n = newStr(heap, name);
  heap.incref(n);
  heap.incref(globals);
  heap.incref(heap.None);
  const mod = newStr(heap, '__main__');
  const fd: FunctionData = {
    code,
    globals,
    builtins: 0,
    name: n,
    qualname: n,
    defaults: 0,
    kwdefaults: 0,
    closure: 0,
    doc: heap.None,
    module: mod,
    dict: 0,
    annotations: 0,
  };
  const f = heap.alloc(heap.t.function, Kind.FUNCTION, fd);
  heap.track(f);
  return f;
}

/** A bound method of `func` on `self` (new reference). */
export function bindMethod(heap: Heap, func: Ref, self: Ref, cls: Ref = 0): Ref {
  return newBoundMethod(heap, func, self, cls);
}

/** 2.7 only: an old-style class `class Name: pass` (new reference). */
export function newClassicClass(heap: Heap, name: string, module = '__main__'): Ref {
  const dict = newDict(heap);
  const m = newStr(heap, module);
  dictSetStr(heap, dict, '__module__', m);
  heap.decref(m);
  const data: ClassicClassData = { name: newStr(heap, name), bases: newTuple(heap, []), dict, getattr: 0, setattr: 0, delattr: 0 };
  const c = heap.alloc(heap.t.classobj, Kind.CLASSIC_CLASS, data);
  heap.track(c);
  return c;
}

/** 2.7 only: an instance of an old-style class (new reference). */
export function newClassicInstance(heap: Heap, cls: Ref): Ref {
  heap.incref(cls);
  const r = heap.alloc(heap.t.instance, Kind.CLASSIC_INSTANCE, [cls, newDict(heap)]);
  heap.track(r);
  return r;
}
