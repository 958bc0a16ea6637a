/**
 * Wiring the runtime library (`./lib`) into an interpreter: the evaluator hooks the library
 * needs (current globals/locals, `super()` arguments, imports, `sys.stdout`, the file system),
 * the builtins module, and the operation table compiled code calls.
 */
import {
  dictSetStr,
  dictDelStr,
  type FrameData,
  Kind,
  moduleDict,
  newDict,
  type Ref,
  reprOf,
  strOf,
  newStr,
} from '@heaplab/heap';
import type { Interpreter } from './vm/interp.js';
import type { Frame } from './vm/frame.js';
import type { RuntimeHooks } from './lib/hooks.js';
import { binaryOp, inplaceOp, unaryOp } from './lib/number.js';
import { compareOp } from './lib/compare.js';
import { getItem, setItem, delItem } from './lib/subscript.js';
import { createBuiltinsModule, printStatement27 } from './lib/builtins.js';
import { formatFString } from './lib/format.js';
import { installBuiltinTypes } from './lib/install.js';

/** `frame.f_locals` of a function frame: a dict snapshot kept on the frame object (new reference). */
export function frameLocals(it: Interpreter, f: Frame): Ref {
  const heap = it.heap;
  if (f.locals !== 0) return heap.newRef(f.locals);
  const fo = it.materializeFrame(f);
  const data = heap.payload[fo] as FrameData;
  if (data.locals === 0) data.locals = newDict(heap);
  const d = data.locals;
  const code = f.code;
  const nv = code.varnames.length;
  const names = [...code.varnames, ...code.cellvars, ...code.freevars];
  for (let i = 0; i < names.length; i++) {
    let v = f.fast[i] ?? 0;
    if (i >= nv && v !== 0) v = (heap.payload[v] as Ref[])[0]!;
    if (v === 0) dictDelStr(heap, d, names[i]!);
    else dictSetStr(heap, d, names[i]!, v);
  }
  return heap.newRef(d);
}

/** Install the runtime library on `it`: builtin type behaviour, builtins module, ops table. */
export function wireRuntimeLibrary(it: Interpreter): void {
  const heap = it.heap;
  const hooks: RuntimeHooks = {
    stdout: () => it.sysAttr('stdout'),
    stderr: () => it.sysAttr('stderr'),
    globals: () => (it.frame !== null ? it.frame.globals : it.builtinsDict),
    locals: () => {
      const f = it.frame;
      if (f === null) return it.builtinsDict;
      const r = frameLocals(it, f);
      heap.decref(r); // borrowed: the frame keeps it
      return r;
    },
    superArgs: () => {
      const f = it.frame;
      if (f === null || f.code.kind === 'module' || f.code.kind === 'class') return null;
      const code = f.code;
      if (code.argcount === 0 && code.varargsIndex < 0) throw heap.newException(heap.t.RuntimeError, 'super(): no arguments');
      const fi = code.freevars.indexOf('__class__');
      if (fi < 0) throw heap.newException(heap.t.RuntimeError, 'super(): __class__ cell not found');
      const cell = f.fast[code.varnames.length + code.cellvars.length + fi]!;
      const cls = (heap.payload[cell] as Ref[])[0]!;
      if (cls === 0) throw heap.newException(heap.t.RuntimeError, 'super(): empty __class__ cell');
      let obj = f.fast[0]!;
      const ci = code.cellvars.indexOf(code.varnames[0]!);
      if (ci >= 0) obj = (heap.payload[f.fast[code.varnames.length + ci]!] as Ref[])[0]!;
      if (obj === 0) throw heap.newException(heap.t.RuntimeError, 'super(): arg[0] deleted');
      return [cls, obj];
    },
    importModule: (name) => it.importModule(name),
    fs: {
      readFile: (p) => it.fs.readFile(p),
      writeFile: (p, d) => it.fs.writeFile(p, d),
      appendFile: (p, d) => it.fs.appendFile(p, d),
    },
  };
  installBuiltinTypes(heap, hooks);
  it.builtinsModule = createBuiltinsModule(heap, hooks);
  it.builtinsDict = moduleDict(heap, it.builtinsModule);
  it.ops = {
    binaryOp: binaryOp as never,
    inplaceOp: inplaceOp as never,
    unaryOp: unaryOp as never,
    compareOp: compareOp as never,
    getItem,
    setItem,
    delItem,
    formatValue: (h, value, conversion, spec) => formatFString(h, value, conversion, spec),
    print27: (h, dest, values, nl) => printStatement27(h, hooks, dest, values, nl),
    str: (h, x) => (h.kind[x] === Kind.STR && h.typ[x] === h.t.str ? h.newRef(x) : newStr(h, strOf(h, x))),
    repr: (h, x) => newStr(h, reprOf(h, x)),
  };
}
