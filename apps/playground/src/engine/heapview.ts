/**
 * Reading a heap without disturbing it: labelled references (what `tp_traverse` visits, with the
 * attribute name, key or index that holds each one) and short labels for objects.
 *
 * Nothing here runs Python code, allocates heap objects or changes a refcount: snapshots are
 * taken between two statements of a running program, and a user `__repr__` running there would
 * execute lines of its own (and change what it is recording). Labels are built from payloads.
 */
import {
  type BuiltinData,
  type ClassicClassData,
  type CodeData,
  type DictData,
  type ExceptionData,
  type FrameData,
  type FunctionData,
  type Heap,
  type IteratorData,
  Kind,
  type ModuleData,
  type NativeData,
  type Ref,
  type SetStore,
  type TracebackData,
  TypeFlag,
  type TypeData,
  type WeakrefData,
  Flag,
  builtinRepr,
  referents,
  strRepr,
} from '@heaplab/heap';
import { EK } from './types.js';

/** Receives one labelled reference. */
export type EdgeSink = (to: Ref, label: string, kind: number) => void;

const FUNCTION_FIELD_NAMES: Record<string, [string, number]> = {
  code: ['__code__', EK.INTERNAL],
  globals: ['__globals__', EK.INTERNAL],
  builtins: ['__builtins__', EK.INTERNAL],
  module: ['__module__', EK.INTERNAL],
  defaults: ['__defaults__', EK.REF],
  kwdefaults: ['__kwdefaults__', EK.REF],
  doc: ['__doc__', EK.INTERNAL],
  name: ['__name__', EK.INTERNAL],
  dict: ['__dict__', EK.REF],
  closure: ['__closure__', EK.REF],
  annotations: ['__annotations__', EK.INTERNAL],
  qualname: ['__qualname__', EK.INTERNAL],
};

/** Dict keys that are bookkeeping in module globals and class namespaces. */
export function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith('__') && name.endsWith('__');
}

function emit(sink: EdgeSink, to: Ref, label: string, kind: number): void {
  if (to !== 0) sink(to, label, kind);
}

/**
 * The references `r` holds, labelled. Covers the same objects as `referents()` (the collector's
 * view), plus the weak reference of a weakref (kind `WEAK`), plus the string keys of dicts folded
 * into the labels of their values.
 */
export function labeledEdges(heap: Heap, r: Ref, sink: EdgeSink, scratch: Ref[] = []): void {
  if ((heap.flags[r]! & Flag.SIDE_DICT) !== 0 && heap.kind[r] !== Kind.EXCEPTION) {
    const side = heap.sideData.get(r);
    if (side !== undefined) for (const x of side) emit(sink, x, '__dict__', EK.REF);
  }
  switch (heap.kind[r]) {
    case Kind.TUPLE:
    case Kind.LIST: {
      const items = heap.payload[r] as Ref[];
      for (let i = 0; i < items.length; i++) emit(sink, items[i]!, `[${i}]`, EK.REF);
      return;
    }
    case Kind.DICT: {
      const store = (heap.payload[r] as DictData).store;
      for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
        const k = store.keyAt(p);
        const v = store.valueAt(p);
        if (heap.kind[k] === Kind.STR) {
          const name = heap.payload[k] as string;
          emit(sink, v, clip(name, 24), isDunder(name) ? EK.INTERNAL : EK.REF);
        } else {
          const kl = `[${valueLabel(heap, k, 16)}]`;
          emit(sink, k, 'key', EK.REF);
          emit(sink, v, kl, EK.REF);
        }
      }
      return;
    }
    case Kind.SET:
    case Kind.FROZENSET: {
      const store = heap.payload[r] as SetStore;
      for (let p = store.next(0); p >= 0; p = store.next(p + 1)) emit(sink, store.keyAt(p), '∈', EK.REF);
      return;
    }
    case Kind.INSTANCE: {
      const p = heap.payload[r] as Ref[];
      const td = heap.payload[heap.typ[r]!] as TypeData;
      const ns = td.slotNames.length;
      for (let i = 0; i < ns; i++) emit(sink, p[1 + i] ?? 0, td.slotNames[i]!, EK.REF);
      if (p[0] !== 0) emit(sink, p[0]!, '__dict__', EK.REF);
      else {
        const keys = td.sharedKeyList;
        for (let i = 1 + ns; i < p.length; i++) emit(sink, p[i]!, keys[i - 1 - ns] ?? '?', EK.REF);
      }
      if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) emit(sink, heap.typ[r]!, '__class__', EK.TYPE);
      return;
    }
    case Kind.TYPE: {
      const td = heap.payload[r] as TypeData;
      if ((td.tflags & TypeFlag.HEAPTYPE) === 0) return;
      emit(sink, td.dict, '__dict__', EK.INTERNAL);
      if (td.dict !== 0 && heap.kind[td.dict] === Kind.DICT) foldNamespace(heap, td.dict, sink);
      emit(sink, td.mro, '__mro__', EK.INTERNAL);
      emit(sink, td.bases, '__bases__', EK.INTERNAL);
      emit(sink, td.base, '__base__', EK.INTERNAL);
      return;
    }
    case Kind.FUNCTION: {
      const f = heap.payload[r] as FunctionData;
      for (const field of heap.profile.functionLayout.traverse) {
        const [name, kind] = FUNCTION_FIELD_NAMES[field] ?? [field, EK.REF];
        emit(sink, f[field] as Ref, name, kind);
      }
      return;
    }
    case Kind.METHOD: {
      const m = heap.payload[r] as Ref[];
      emit(sink, m[0]!, '__func__', EK.REF);
      emit(sink, m[1]!, '__self__', EK.REF);
      emit(sink, m[2] ?? 0, 'im_class', EK.INTERNAL);
      return;
    }
    case Kind.BUILTIN: {
      const b = heap.payload[r] as BuiltinData;
      emit(sink, b.self, '__self__', EK.REF);
      emit(sink, b.module, '__module__', EK.INTERNAL);
      return;
    }
    case Kind.CELL:
      emit(sink, (heap.payload[r] as Ref[])[0]!, 'cell_contents', EK.REF);
      return;
    case Kind.MODULE:
      emit(sink, (heap.payload[r] as ModuleData).dict, '__dict__', EK.REF);
      return;
    case Kind.FRAME: {
      const f = heap.payload[r] as FrameData & { ownsLocals?: boolean; ext?: unknown };
      emit(sink, f.back, 'f_back', EK.INTERNAL);
      emit(sink, f.code, 'f_code', EK.INTERNAL);
      emit(sink, f.globals, 'f_globals', EK.INTERNAL);
      emit(sink, f.locals, 'f_locals', EK.INTERNAL);
      emit(sink, f.func, 'f_func', EK.INTERNAL);
      if (f.ownsLocals !== false) {
        const names = frameLocalNames(heap, f);
        for (let i = 0; i < f.fast.length; i++) emit(sink, f.fast[i]!, names[i] ?? `local ${i}`, EK.REF);
        for (const x of f.stack) emit(sink, x, 'stack', EK.REF);
      }
      return;
    }
    case Kind.WEAKREF: {
      const w = heap.payload[r] as WeakrefData;
      emit(sink, w.callback, '__callback__', EK.REF);
      emit(sink, w.referent, 'weak', EK.WEAK);
      return;
    }
    case Kind.EXCEPTION: {
      const e = heap.payload[r] as ExceptionData;
      emit(sink, e.dict, '__dict__', EK.REF);
      emit(sink, e.args, 'args', EK.REF);
      emit(sink, e.message, 'message', EK.REF);
      emit(sink, e.notes, '__notes__', EK.REF);
      emit(sink, e.traceback, '__traceback__', EK.REF);
      emit(sink, e.cause, '__cause__', EK.REF);
      emit(sink, e.context, '__context__', EK.REF);
      return;
    }
    case Kind.TRACEBACK: {
      const tb = heap.payload[r] as TracebackData;
      emit(sink, tb.next, 'tb_next', EK.REF);
      emit(sink, tb.frame, 'tb_frame', EK.REF);
      return;
    }
    case Kind.CLASSIC_INSTANCE: {
      const p = heap.payload[r] as Ref[];
      emit(sink, p[0]!, '__class__', EK.TYPE);
      emit(sink, p[1] ?? 0, '__dict__', EK.REF);
      return;
    }
    case Kind.CLASSIC_CLASS: {
      const c = heap.payload[r] as ClassicClassData;
      emit(sink, c.bases, '__bases__', EK.INTERNAL);
      emit(sink, c.dict, '__dict__', EK.INTERNAL);
      if (c.dict !== 0 && heap.kind[c.dict] === Kind.DICT) foldNamespace(heap, c.dict, sink);
      emit(sink, c.name, '__name__', EK.INTERNAL);
      emit(sink, c.getattr, '__getattr__', EK.INTERNAL);
      emit(sink, c.setattr, '__setattr__', EK.INTERNAL);
      emit(sink, c.delattr, '__delattr__', EK.INTERNAL);
      return;
    }
    case Kind.ITERATOR:
      emit(sink, (heap.payload[r] as IteratorData).seq, 'seq', EK.REF);
      return;
    case Kind.STATICMETHOD:
    case Kind.CLASSMETHOD:
      emit(sink, (heap.payload[r] as Ref[])[0]!, '__func__', EK.REF);
      return;
    case Kind.PROPERTY: {
      const p = heap.payload[r] as Ref[];
      emit(sink, p[0]!, 'fget', EK.REF);
      emit(sink, p[1]!, 'fset', EK.REF);
      emit(sink, p[2]!, 'fdel', EK.REF);
      emit(sink, p[3]!, '__doc__', EK.INTERNAL);
      return;
    }
    case Kind.DESCRIPTOR:
    case Kind.CODE:
      return;
    case Kind.NATIVE: {
      const td = heap.payload[heap.typ[r]!] as TypeData;
      scratch.length = 0;
      if (td.slots.traverse !== undefined) td.slots.traverse(heap, r, scratch);
      else for (const x of (heap.payload[r] as NativeData).refs) if (x !== 0) scratch.push(x);
      for (const x of scratch) emit(sink, x, '', EK.REF);
      return;
    }
    default: {
      scratch.length = 0;
      referents(heap, r, scratch);
      for (const x of scratch) emit(sink, x, '', EK.REF);
    }
  }
}

/**
 * A class's attributes as if the class held them (the `FOLDED` shortcut through its namespace
 * dict): methods, including dunder methods like `__init__`/`__del__`, and class attributes;
 * not the bookkeeping entries (`__module__`, `__doc__`, `__dict__` descriptors...).
 */
function foldNamespace(heap: Heap, dict: Ref, sink: EdgeSink): void {
  const store = (heap.payload[dict] as DictData).store;
  for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
    const k = store.keyAt(p);
    if (heap.kind[k] !== Kind.STR) continue;
    const name = heap.payload[k] as string;
    const v = store.valueAt(p);
    if (isDunder(name) && heap.kind[v] !== Kind.FUNCTION) continue;
    emit(sink, v, clip(name, 24), EK.FOLDED);
  }
}

/** Names of a frame object's fast slots (varnames, cellvars, freevars) when known. */
function frameLocalNames(heap: Heap, f: FrameData & { ext?: unknown }): string[] {
  const ext = f.ext as { code?: { varnames?: string[]; cellvars?: string[]; freevars?: string[] } } | undefined;
  const code = ext?.code;
  if (code?.varnames) return [...code.varnames, ...(code.cellvars ?? []), ...(code.freevars ?? [])];
  if (f.code !== 0 && heap.kind[f.code] === Kind.CODE) {
    const cd = heap.payload[f.code] as CodeData;
    return [...cd.varnames, ...cd.cellvars, ...cd.freevars];
  }
  return [];
}

/** Cut a string to `n` characters, marking the cut. */
export function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** The object's id as CPython prints it. */
export function hexId(heap: Heap, r: Ref): string {
  return `0x${heap.addressOf(r).toString(16)}`;
}

/** Short type name: a class's `__name__`, `instance` classes by their class name in 2.7. */
export function typeLabel(heap: Heap, r: Ref): string {
  if (heap.kind[r] === Kind.CLASSIC_INSTANCE) {
    const cls = (heap.payload[r] as Ref[])[0]!;
    return classicName(heap, cls);
  }
  return (heap.payload[heap.typ[r]!] as TypeData).name;
}

function classicName(heap: Heap, cls: Ref): string {
  const name = (heap.payload[cls] as ClassicClassData).name;
  return name !== 0 && heap.kind[name] === Kind.STR ? (heap.payload[name] as string) : '?';
}

function strOfRef(heap: Heap, r: Ref): string | null {
  return r !== 0 && heap.kind[r] === Kind.STR ? (heap.payload[r] as string) : null;
}

/** Is this an atomic value (no references, printed by value)? */
export function isPrimitive(heap: Heap, r: Ref): boolean {
  switch (heap.kind[r]) {
    case Kind.SINGLETON:
    case Kind.BOOL:
    case Kind.INT:
    case Kind.FLOAT:
    case Kind.COMPLEX:
    case Kind.STR:
    case Kind.BYTES:
      return true;
  }
  return false;
}

/** The repr of an atomic value, cut to `n` characters (long strings: the repr of a prefix only). */
function primitiveRepr(heap: Heap, r: Ref, n: number): string {
  const kind = heap.kind[r];
  if ((kind === Kind.STR || kind === Kind.BYTES) && (heap.payload[r] as string).length > n) {
    // A megabyte string must not cost a megabyte per step: quote a prefix.
    const head = (heap.payload[r] as string).slice(0, n);
    let q: string;
    if (kind === Kind.BYTES) q = `b${strRepr(head, 'bytes')}`;
    else if (heap.profile.version !== '2.7') q = strRepr(head, 'str3');
    else if (heap.typ[r] === heap.t.unicode || heap.typeOf(r).name === 'unicode') q = `u${strRepr(head, 'unicode27')}`;
    else q = strRepr(head, 'bytes');
    return `${q.slice(0, Math.max(1, n - 2))}…`;
  }
  return clip(builtinRepr(heap, r), n);
}

/** A value inside a container label: atoms by repr, containers and objects abbreviated. */
export function valueLabel(heap: Heap, r: Ref, n: number): string {
  if (isPrimitive(heap, r)) return primitiveRepr(heap, r, n);
  switch (heap.kind[r]) {
    case Kind.LIST:
      return '[…]';
    case Kind.TUPLE:
      return '(…)';
    case Kind.DICT:
      return '{…}';
    case Kind.SET:
    case Kind.FROZENSET:
      return '{…}';
  }
  return `<${typeLabel(heap, r)}>`;
}

function seqPreview(heap: Heap, items: readonly Ref[], open: string, close: string, n: number, trailingComma: boolean): string {
  let s = open;
  for (let i = 0; i < items.length; i++) {
    const part = valueLabel(heap, items[i]!, 12);
    if (s.length + part.length + 2 > n) return `${s}… (${items.length})${close}`;
    s += (i > 0 ? ', ' : '') + part;
  }
  if (trailingComma && items.length === 1) s += ',';
  return s + close;
}

/**
 * A short label for an object, never running user code: `[1, 2, …]`, `'text'`, `f()`,
 * `class OBJ`, `0x7f…1a0` (the id, for instances), `module gc`.
 */
export function shortLabel(heap: Heap, r: Ref, n = 32): string {
  const kind = heap.kind[r];
  switch (kind) {
    case Kind.SINGLETON:
    case Kind.BOOL:
    case Kind.INT:
    case Kind.FLOAT:
    case Kind.COMPLEX:
    case Kind.STR:
    case Kind.BYTES:
      return primitiveRepr(heap, r, n);
    case Kind.LIST:
      return seqPreview(heap, heap.payload[r] as Ref[], '[', ']', n, false);
    case Kind.TUPLE:
      return seqPreview(heap, heap.payload[r] as Ref[], '(', ')', n, true);
    case Kind.DICT: {
      const store = (heap.payload[r] as DictData).store;
      let s = '{';
      let count = 0;
      let cut = false;
      for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
        count++;
        if (cut) continue;
        const part = `${valueLabel(heap, store.keyAt(p), 12)}: ${valueLabel(heap, store.valueAt(p), 12)}`;
        if (s.length + part.length + 2 > n) {
          cut = true;
          continue;
        }
        s += (count > 1 ? ', ' : '') + part;
      }
      return cut ? `${s}… (${count})}` : `${s}}`;
    }
    case Kind.SET:
    case Kind.FROZENSET: {
      const store = heap.payload[r] as SetStore;
      const items: Ref[] = [];
      for (let p = store.next(0); p >= 0; p = store.next(p + 1)) items.push(store.keyAt(p));
      if (items.length === 0) return kind === Kind.SET ? 'set()' : 'frozenset()';
      return seqPreview(heap, items, '{', '}', n, false);
    }
    case Kind.TYPE:
      return `class ${clip((heap.payload[r] as TypeData).name, n - 6)}`;
    case Kind.CLASSIC_CLASS:
      return `class ${clip(classicName(heap, r), n - 6)}`;
    case Kind.FUNCTION: {
      const f = heap.payload[r] as FunctionData;
      const name = strOfRef(heap, f.qualname) ?? strOfRef(heap, f.name) ?? '?';
      return `${clip(name, n - 2)}()`;
    }
    case Kind.BUILTIN:
      return `${clip((heap.payload[r] as BuiltinData).name, n - 2)}()`;
    case Kind.METHOD: {
      const m = heap.payload[r] as Ref[];
      const func = m[0]!;
      const name =
        heap.kind[func] === Kind.FUNCTION
          ? (strOfRef(heap, (heap.payload[func] as FunctionData).name) ?? '?')
          : heap.kind[func] === Kind.BUILTIN
            ? (heap.payload[func] as BuiltinData).name
            : '?';
      return m[1] !== 0 ? `bound ${clip(name, n - 6)}` : clip(name, n);
    }
    case Kind.MODULE:
      return clip((heap.payload[r] as ModuleData).name, n);
    case Kind.CELL: {
      const c = (heap.payload[r] as Ref[])[0]!;
      return c === 0 ? 'empty' : `→ ${valueLabel(heap, c, n - 2)}`;
    }
    case Kind.FRAME: {
      const f = heap.payload[r] as FrameData;
      const name = f.code !== 0 && heap.kind[f.code] === Kind.CODE ? (heap.payload[f.code] as CodeData).name : '?';
      return clip(`${name} line ${f.lineno}`, n);
    }
    case Kind.CODE:
      return clip(`code ${(heap.payload[r] as CodeData).name}`, n);
    case Kind.WEAKREF: {
      const w = heap.payload[r] as WeakrefData;
      return w.referent === 0 ? 'dead' : `→ ${valueLabel(heap, w.referent, n - 2)}`;
    }
    case Kind.EXCEPTION: {
      const e = heap.payload[r] as ExceptionData;
      const args = e.args !== 0 && heap.kind[e.args] === Kind.TUPLE ? (heap.payload[e.args] as Ref[]) : [];
      return seqPreview(heap, args, '(', ')', n, false);
    }
    case Kind.DESCRIPTOR:
      return clip((heap.payload[r] as { name: string }).name, n);
    case Kind.RANGE: {
      const g = heap.payload[r] as { start: number; stop: number; step: number };
      return clip(`range(${g.start}, ${g.stop}${g.step !== 1 ? `, ${g.step}` : ''})`, n);
    }
  }
  return hexId(heap, r);
}
