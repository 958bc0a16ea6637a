/**
 * A tiny stand-in for the interpreter, for tests: classes defined "in __main__", calls, method
 * calls, exceptions caught as `{type, message}`, and the collector attached — so a test can be
 * written as a transcription of a Python scenario.
 */
import {
  Heap,
  Kind,
  PyException,
  call,
  callMethod,
  dictSetStr,
  getAttr,
  getIter,
  intValue,
  isTrue,
  iterNext,
  length,
  newBuiltinFunction,
  newClass,
  newDict,
  newInt,
  newStr,
  newTuple,
  reprOf,
  setAttr,
  strOf,
  type NativeFn,
  type Ref,
  type PythonVersion,
  defineMethod,
  refreshSlots,
} from '@heaplab/heap';
import { attachCollector, type GcModule } from '@heaplab/gc';
import { createWeakrefPythonModule } from '../pymodule.js';
import { installTestClassicRuntime } from './classic.js';

/** A caught Python exception. */
export interface Raised {
  type: string;
  message: string;
  exc: Ref;
}

/** One heap with the weakref module imported. */
export class Py {
  readonly heap: Heap;
  readonly gc: GcModule;
  readonly weakref: Ref;
  readonly stderr: string[] = [];

  constructor(
    readonly version: PythonVersion,
    opts: { classic?: boolean } = {},
  ) {
    this.heap = new Heap({ version, writeStderr: (s) => this.stderr.push(s), writeStdout: () => {} });
    this.gc = attachCollector(this.heap);
    if (opts.classic === true) installTestClassicRuntime(this.heap);
    this.weakref = createWeakrefPythonModule(this.heap);
    this.heap.hooks.writeUnraisable = (exc) => {
      this.stderr.push(`unraisable ${this.heap.typeOf(exc).name}: ${strOf(this.heap, exc)}`);
    };
  }

  get is27(): boolean {
    return this.version === '2.7';
  }

  /** `weakref.<name>` (borrowed). */
  w(name: string): Ref {
    const r = getAttr(this.heap, this.weakref, name);
    this.heap.decref(r);
    return r;
  }

  /** `class Name(bases): <methods>` in `__main__`. */
  cls(name: string, methods: Record<string, NativeFn> = {}, opts: { bases?: Ref[]; slots?: string[] } = {}): Ref {
    const h = this.heap;
    const ns = newDict(h);
    const mod = newStr(h, '__main__');
    dictSetStr(h, ns, '__module__', mod);
    h.decref(mod);
    if (opts.slots !== undefined) {
      const names = opts.slots.map((s) => newStr(h, s));
      const t = newTuple(h, names);
      for (const n of names) h.decref(n);
      dictSetStr(h, ns, '__slots__', t);
      h.decref(t);
    }
    const c = newClass(h, { name, bases: opts.bases ?? [], namespace: ns });
    h.decref(ns);
    for (const [m, fn] of Object.entries(methods)) defineMethod(h, c, m, fn);
    refreshSlots(h, c);
    return c;
  }

  /** `callable(*args)` (new reference). */
  call(f: Ref, ...args: Ref[]): Ref {
    return call(this.heap, f, args);
  }

  /** `callable(*args, **kw)` (new reference). */
  callKw(f: Ref, args: Ref[], kw: Record<string, Ref>): Ref {
    const names = Object.keys(kw);
    return call(this.heap, f, [...args, ...names.map((n) => kw[n]!)], names.length > 0 ? names : null);
  }

  /** `obj.name(*args)` (new reference). */
  m(obj: Ref, name: string, ...args: Ref[]): Ref {
    return callMethod(this.heap, obj, name, args);
  }

  /** `obj.name(*args)`, result dropped. */
  do(obj: Ref, name: string, ...args: Ref[]): void {
    this.heap.decref(this.m(obj, name, ...args));
  }

  /** `getattr(obj, name)` (new reference). */
  get(obj: Ref, name: string): Ref {
    return getAttr(this.heap, obj, name);
  }

  set(obj: Ref, name: string, value: Ref): void {
    setAttr(this.heap, obj, name, value);
  }

  /** A builtin function usable as a callback. */
  fn(name: string, impl: (args: readonly Ref[]) => Ref | undefined): Ref {
    return newBuiltinFunction(this.heap, name, (h, _s, args) => {
      const r = impl(args);
      return r === undefined ? h.newRef(h.None) : r;
    });
  }

  int(v: number): Ref {
    return newInt(this.heap, v);
  }

  str(s: string): Ref {
    return newStr(this.heap, s);
  }

  len(obj: Ref): number {
    return length(this.heap, obj);
  }

  truthy(obj: Ref): boolean {
    return isTrue(this.heap, obj);
  }

  repr(obj: Ref): string {
    return reprOf(this.heap, obj);
  }

  strOf(obj: Ref): string {
    return strOf(this.heap, obj);
  }

  num(r: Ref): number {
    return Number(intValue(this.heap, r));
  }

  /** Items of an iterable as new references. */
  list(iterable: Ref): Ref[] {
    const it = getIter(this.heap, iterable);
    const out: Ref[] = [];
    try {
      for (;;) {
        const x = iterNext(this.heap, it);
        if (x === 0) break;
        out.push(x);
      }
    } finally {
      this.heap.decref(it);
    }
    return out;
  }

  /** The JS strings of a Python list/tuple of str (or the reprs of other items). */
  texts(refs: readonly Ref[]): string[] {
    return refs.map((r) => (this.heap.kind[r] === Kind.STR ? (this.heap.payload[r] as string) : this.repr(r)));
  }

  /** Run `fn`; return the Python exception it raised (the test fails if none). */
  raises(fn: () => unknown): Raised {
    try {
      fn();
    } catch (e) {
      if (e instanceof PyException) {
        const r = { type: this.heap.typeOf(e.exc).name, message: strOf(this.heap, e.exc), exc: e.exc };
        return r;
      }
      throw e;
    }
    throw new Error('expected a Python exception');
  }

  /** `gc.collect()`. */
  collect(): number {
    return this.gc.collect();
  }

  decref(...refs: Ref[]): void {
    for (const r of refs) this.heap.decref(r);
  }
}

/** Both profiles, for `describe.each`. */
export const VERSIONS: readonly PythonVersion[] = ['2.7', '3.12'];
