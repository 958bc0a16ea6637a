/**
 * Generator objects for generator expressions. A generator is a heap object of type
 * `generator` holding its suspended frame: in 2.7 a separate frame object (so a genexp costs two
 * objects), in 3.12 the frame lives inside the generator. Resuming runs the compiled loops (a
 * JavaScript generator) with the generator's frame pushed on the interpreter's frame stack.
 */
import { type FrameData, type Heap, Kind, type NativeData, PyException, type Ref, type TypeData } from '@heaplab/heap';
import type { CodeUnit } from '../compiler/code.js';
import type { Frame } from './frame.js';
import type { Interpreter } from './interp.js';

interface GenState {
  frame: Frame;
  body: Generator<Ref, void, void> | null;
  running: boolean;
  done: boolean;
}

function state(heap: Heap, g: Ref): GenState {
  return (heap.payload[g] as NativeData).ext as GenState;
}

/** Release a finished generator's frame. */
function finish(it: Interpreter, g: Ref): void {
  const heap = it.heap;
  const st = state(heap, g);
  if (st.done) return;
  st.done = true;
  st.body = null;
  const f = st.frame;
  const fast = f.fast;
  f.fast = [];
  if (f.frameObj !== 0) {
    const fo = f.frameObj;
    f.frameObj = 0;
    const fd = heap.payload[fo] as FrameData;
    if (fd.ownsLocals !== false) {
      // 2.7: the frame object owns the locals; dropping it releases them.
      (heap.payload[g] as NativeData).refs = [];
      heap.decref(fo);
      return;
    }
    fd.fast = [];
    heap.decref(fo);
  }
  for (const v of fast) if (v !== 0) heap.decref(v);
}

/** Install the `generator` type's behaviour. */
export function installGenerators(it: Interpreter): void {
  const heap = it.heap;
  const slots = (heap.payload[heap.t.generator] as TypeData).slots;
  slots.iter = (h, g) => h.newRef(g);
  slots.iternext = (h, g) => resume(it, g);
  slots.traverse = (h, g, out) => {
    const st = state(h, g);
    if (st.done) return;
    if (st.frame.frameObj !== 0 && (h.payload[st.frame.frameObj] as FrameData).ownsLocals !== false) out.push(st.frame.frameObj);
    else for (const v of st.frame.fast) if (v !== 0) out.push(v);
  };
  slots.clear = (h, g) => finish(it, g);
  slots.repr = (h, g) => {
    const st = state(h, g);
    const name = h.profile.version === '2.7' ? st.frame.code.name : st.frame.code.qualname;
    return `<generator object ${name} at 0x${h.addressOf(g).toString(16)}>`;
  };
}

/** Create the generator for a generator frame (the function's body has not started). */
export function makeGenerator(it: Interpreter, func: Ref, f: Frame): Ref {
  const heap = it.heap;
  const unit = f.code as CodeUnit & { genBody?: (f: Frame) => Generator<Ref, void, void> };
  if (unit.genBody === undefined) {
    for (const v of f.fast) if (v !== 0) heap.decref(v);
    heap.decref(func);
    throw heap.newException(heap.t.NotImplementedError, 'generator functions are not supported by HeapLab');
  }
  f.isGenerator = true;
  // The call's reference to the function is not kept by the generator.
  heap.decref(func);
  const st: GenState = { frame: f, body: null, running: false, done: false };
  const data: NativeData = { refs: [], ext: st };
  if (it.profile.framesAlwaysMaterialized) {
    // 2.7: a frame object owned by the generator (gi_frame).
    const fd: FrameData = {
      back: 0,
      code: unit.codeRef,
      globals: f.globals,
      builtins: f.builtins,
      locals: 0,
      func: 0,
      fast: f.fast,
      stack: [],
      lineno: f.lineno,
      ownsLocals: true,
      ext: f,
    };
    heap.rc[unit.codeRef]++;
    heap.rc[f.globals]++;
    heap.rc[f.builtins]++;
    const fo = heap.alloc(heap.t.frame, Kind.FRAME, fd);
    heap.track(fo);
    f.frameObj = fo;
  }
  const g = heap.alloc(heap.t.generator, Kind.NATIVE, data);
  heap.track(g);
  st.body = unit.genBody(f);
  return g;
}

function resume(it: Interpreter, g: Ref): Ref {
  const heap = it.heap;
  const st = state(heap, g);
  if (st.done || st.body === null) return 0;
  if (st.running) throw heap.newException(heap.t.ValueError, 'generator already executing');
  st.running = true;
  const f = st.frame;
  (f as { back: Frame | null }).back = it.frame;
  it.depth++;
  const prev = it.frame;
  it.frame = f;
  try {
    const r = st.body.next();
    if (r.done) {
      finish(it, g);
      return 0;
    }
    return r.value;
  } catch (e) {
    if (e instanceof PyException) it.addTraceback(e, f);
    finish(it, g);
    throw e;
  } finally {
    st.running = false;
    it.depth--;
    it.frame = prev;
  }
}
