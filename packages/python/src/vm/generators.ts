/**
 * Generator objects (generator functions and generator expressions). A generator is a heap
 * object of type `generator` holding its suspended frame: in 2.7 a separate frame object (so a
 * generator costs two objects), in 3.12 the frame lives inside the generator. Resuming runs the
 * compiled body (a JavaScript generator) with the generator's frame on the interpreter's stack.
 *
 * Finalization follows each version: 3.12 closes an unfinished generator in its finalizer
 * (PEP 442; `finally` blocks run, even during a collection); 2.7 closes it when it is freed, but
 * the collector treats a generator suspended inside a `try`/`with` block as uncollectable.
 */
import {
  defineGetSet,
  defineMethod,
  type FrameData,
  Kind,
  type NativeData,
  newStr,
  PyException,
  type Ref,
  type TypeData,
  call,
  callMethod,
  getAttrOrNull,
  isSubtype,
  iterNext,
  TypeFlag,
  typeLookup,
} from '@heaplab/heap';
import type { CodeUnit } from '../compiler/code.js';
import type { Frame } from './frame.js';
import type { Interpreter } from './interp.js';

interface GenState {
  frame: Frame;
  body: Generator<Ref, void, Ref> | null;
  started: boolean;
  running: boolean;
  done: boolean;
  /** What the body returned when it finished (owned), until taken; 0 if nothing. */
  returned: Ref;
  /**
   * 3.12 only (owned, 0 otherwise): the function the generator was made from (the frame's
   * f_funcobj, released when the frame is cleared) and gi_name/gi_qualname.
   */
  func: Ref;
  name: Ref;
  qualname: Ref;
}

/** Take the value the finished generator returned (new reference; None if none). */
function takeReturned(it: Interpreter, g: Ref): Ref {
  const st = state(it, g);
  const r = st.returned;
  st.returned = 0;
  return r === 0 ? it.heap.newRef(it.heap.None) : r;
}

/** Drop the returned value (a for loop or next() through tp_iternext ignores it). */
function dropReturned(it: Interpreter, g: Ref): void {
  const st = state(it, g);
  if (st.returned !== 0) {
    const r = st.returned;
    st.returned = 0;
    it.heap.decref(r);
  }
}

/** The StopIteration a finished generator's next()/send()/throw() raises: with its return value, if not None. */
function stopIteration(it: Interpreter, g: Ref): PyException {
  const heap = it.heap;
  const v = takeReturned(it, g);
  if (v === heap.None) {
    heap.decref(v);
    return heap.newException(heap.t.StopIteration, null);
  }
  try {
    const exc = call(heap, heap.t.StopIteration, [v]);
    return new PyException(exc, 'StopIteration');
  } finally {
    heap.decref(v);
  }
}

/** One step of a `yield from` delegation: a value to yield, or the subiterator's result (owned). */
export type DelegateStep = { done: false; value: Ref } | { done: true; value: Ref };

/** The value a StopIteration carries (new reference). */
function stopValue(it: Interpreter, exc: Ref): Ref {
  const heap = it.heap;
  const v = getAttrOrNull(heap, exc, 'value');
  return v === 0 ? heap.newRef(heap.None) : v;
}

function isStop(it: Interpreter, e: unknown): e is PyException {
  return e instanceof PyException && isSubtype(it.heap, it.heap.typ[e.exc]!, it.heap.t.StopIteration);
}

/**
 * `yield from`'s SEND: resume the subiterator with `sent` (borrowed): `next()` for None, else its
 * `send()`. A generator's return value (or a StopIteration's value) ends the delegation.
 */
export function delegateSend(it: Interpreter, iter: Ref, sent: Ref): DelegateStep {
  const heap = it.heap;
  if (heap.typ[iter] === heap.t.generator) {
    const st = state(it, iter);
    if (!st.started && sent !== heap.None) throw heap.newException(heap.t.TypeError, "can't send non-None value to a just-started generator");
    const r = resume(it, iter, sent);
    return r === 0 ? { done: true, value: takeReturned(it, iter) } : { done: false, value: r };
  }
  try {
    if (sent === heap.None) {
      // A class's own __next__ is called directly, so the value its StopIteration carries is seen.
      const t = heap.typ[iter]!;
      const own = ((heap.payload[t] as TypeData).tflags & TypeFlag.HEAPTYPE) !== 0 ? typeLookup(heap, t, '__next__') : 0;
      if (own !== 0) return { done: false, value: call(heap, own, [iter]) };
      const r = iterNext(heap, iter);
      return r === 0 ? { done: true, value: heap.newRef(heap.None) } : { done: false, value: r };
    }
    return { done: false, value: callMethod(heap, iter, 'send', [sent]) };
  } catch (e) {
    if (!isStop(it, e)) throw e;
    const v = stopValue(it, e.exc);
    it.discard(e);
    return { done: true, value: v };
  }
}

/**
 * An exception thrown into a generator suspended in `yield from` (owned `e`): GeneratorExit
 * closes the subiterator and propagates; anything else goes to its `throw()` when it has one.
 */
export function delegateThrow(it: Interpreter, iter: Ref, e: PyException): DelegateStep {
  const heap = it.heap;
  const isGen = heap.typ[iter] === heap.t.generator;
  if (isSubtype(heap, heap.typ[e.exc]!, heap.t.GeneratorExit)) {
    try {
      if (isGen) close(it, iter);
      else {
        const m = getAttrOrNull(heap, iter, 'close');
        if (m !== 0) {
          try {
            heap.decref(call(heap, m, []));
          } finally {
            heap.decref(m);
          }
        }
      }
    } catch (err) {
      it.discard(e);
      throw err;
    }
    throw e;
  }
  if (isGen) {
    const r = throwInto(it, iter, e);
    return r === 0 ? { done: true, value: takeReturned(it, iter) } : { done: false, value: r };
  }
  const m = getAttrOrNull(heap, iter, 'throw');
  if (m === 0) throw e;
  try {
    const exc = e.exc;
    heap.rc[exc]++;
    it.discard(e);
    try {
      return { done: false, value: call(heap, m, [exc]) };
    } finally {
      heap.decref(exc);
    }
  } catch (err) {
    if (!isStop(it, err)) throw err;
    const v = stopValue(it, err.exc);
    it.discard(err);
    return { done: true, value: v };
  } finally {
    heap.decref(m);
  }
}

function state(it: Interpreter, g: Ref): GenState {
  return (it.heap.payload[g] as NativeData).ext as GenState;
}

/** Release a finished generator's frame. */
function finish(it: Interpreter, g: Ref): void {
  const heap = it.heap;
  const st = state(it, g);
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
      heap.decref(fo); // 2.7: the frame object owns the locals
      return;
    }
    fd.fast = [];
    heap.decref(fo);
  }
  for (const v of fast) if (v !== 0) heap.decref(v);
  // _PyFrame_ClearExceptCode: f_funcobj goes after the locals.
  const func = st.func;
  st.func = 0;
  if (func !== 0) heap.decref(func);
}

/** Is the generator suspended inside a try/with block (2.7's PyGen_NeedsFinalizing)? */
function suspendedInBlock(it: Interpreter, g: Ref): boolean {
  const st = state(it, g);
  return st.started && !st.done && ((st.frame as Frame & { tryDepth?: number }).tryDepth ?? 0) > 0;
}

/** Install the `generator` type's behaviour. */
export function installGenerators(it: Interpreter): void {
  const heap = it.heap;
  const gtype = heap.t.generator;
  const slots = (heap.payload[gtype] as TypeData).slots;
  slots.iter = (h, g) => h.newRef(g);
  slots.iternext = (_h, g) => {
    const r = resume(it, g, 0);
    if (r === 0) dropReturned(it, g);
    return r;
  };
  slots.traverse = (h, g, out) => {
    const st = state(it, g);
    // 3.12 gen_traverse: gi_name, gi_qualname, then the frame (f_funcobj, f_code, locals).
    if (st.name !== 0) out.push(st.name);
    if (st.qualname !== 0) out.push(st.qualname);
    if (!st.done) {
      if (st.func !== 0) {
        out.push(st.func);
        out.push(st.frame.code.codeRef);
      }
      if (st.frame.frameObj !== 0 && (h.payload[st.frame.frameObj] as FrameData).ownsLocals !== false) out.push(st.frame.frameObj);
      else for (const v of st.frame.fast) if (v !== 0) out.push(v);
    }
    // 2.7 gen_traverse: gi_frame, then gi_code (kept after the generator finishes).
    if (h.profile.version === '2.7') out.push(st.frame.code.codeRef);
  };
  slots.clear = (h, g) => {
    dropReturned(it, g);
    finish(it, g);
    const st = state(it, g);
    for (const field of ['name', 'qualname'] as const) {
      const v = st[field];
      st[field] = 0;
      if (v !== 0) h.decref(v);
    }
  };
  slots.repr = (h, g) => {
    const st = state(it, g);
    const name = h.profile.version === '2.7' ? st.frame.code.name : st.frame.code.qualname;
    return `<generator object ${name} at 0x${h.addressOf(g).toString(16)}>`;
  };
  // Finalizer: close an unfinished generator.
  slots.finalize = (h, g) => {
    const st = state(it, g);
    if (st.done) return;
    if (!st.started) return; // close() of an unstarted generator leaves its frame in place
    try {
      close(it, g);
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      h.hooks.writeUnraisable(e.exc, g);
      e.release(h);
    }
  };
  const prev = heap.nativeHasFinalizer;
  heap.nativeHasFinalizer = (r) => {
    if (heap.typ[r] !== gtype) return prev ? prev(r) : false;
    const st = state(it, r);
    if (st.done) return false;
    return heap.profile.finalization === 'legacy' ? suspendedInBlock(it, r) : true;
  };
  const is27 = heap.profile.version === '2.7';
  defineMethod(heap, gtype, is27 ? 'next' : '__next__', (_h, g) => {
    const r = resume(it, g, 0);
    if (r === 0) throw stopIteration(it, g);
    return r;
  });
  defineMethod(heap, gtype, 'send', (h, g, args) => {
    const v = args[0] ?? h.None;
    const st = state(it, g);
    if (!st.started && v !== h.None) throw h.newException(h.t.TypeError, "can't send non-None value to a just-started generator");
    const r = resume(it, g, v);
    if (r === 0) throw stopIteration(it, g);
    return r;
  });
  defineMethod(heap, gtype, 'throw', (h, g, args) => {
    const t = args[0];
    if (t === undefined) throw h.newException(h.t.TypeError, 'throw expected at least 1 argument, got 0');
    let exc: Ref;
    if (h.kind[t] === Kind.TYPE) exc = call(h, t, args[1] !== undefined && args[1] !== h.None ? [args[1]] : []);
    else exc = h.newRef(t);
    const r = throwInto(it, g, new PyException(exc, h.typeName(exc)));
    if (r === 0) throw stopIteration(it, g);
    return r;
  });
  defineMethod(heap, gtype, 'close', (h, g) => {
    close(it, g);
    return h.newRef(h.None);
  });
  defineGetSet(heap, gtype, 'gi_running', (h, g) => h.newRef(state(it, g).running ? h.True : h.False));
  defineGetSet(heap, gtype, 'gi_frame', (h, g) => {
    const st = state(it, g);
    if (st.done) return h.newRef(h.None);
    return h.newRef(it.materializeFrame(st.frame));
  });
  defineGetSet(heap, gtype, 'gi_code', (h, g) => h.newRef(state(it, g).frame.code.codeRef));
  defineGetSet(heap, gtype, '__name__', (h, g) => newStr(h, state(it, g).frame.code.name));
  if (!is27) defineGetSet(heap, gtype, '__qualname__', (h, g) => newStr(h, state(it, g).frame.code.qualname));
}

/** Create the generator for a generator frame (the body has not started). */
export function makeGenerator(it: Interpreter, func: Ref, f: Frame): Ref {
  const heap = it.heap;
  const unit = f.code as CodeUnit & { genBody?: (f: Frame) => Generator<Ref, void, Ref> };
  if (unit.genBody === undefined) {
    for (const v of f.fast) if (v !== 0) heap.decref(v);
    heap.decref(func);
    throw heap.newException(heap.t.NotImplementedError, 'this generator is not supported by HeapLab');
  }
  f.isGenerator = true;
  // 2.7: the call's reference to the function is not kept by the generator; 3.12: the generator's
  // frame keeps it (f_funcobj) until the frame is cleared.
  const st: GenState = { frame: f, body: null, started: false, running: false, done: false, returned: 0, func: 0, name: 0, qualname: 0 };
  if (it.profile.framesAlwaysMaterialized) heap.decref(func);
  else {
    st.func = func;
    st.name = newStr(heap, unit.name);
    st.qualname = newStr(heap, unit.qualname);
  }
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

/** Run the generator until its next yield: the yielded value (new ref) or 0 when finished. */
function step(it: Interpreter, g: Ref, action: (body: Generator<Ref, void, Ref>) => IteratorResult<Ref, void>): Ref {
  const heap = it.heap;
  const st = state(it, g);
  if (st.done || st.body === null) return 0;
  if (st.running) throw heap.newException(heap.t.ValueError, 'generator already executing');
  st.running = true;
  st.started = true;
  const f = st.frame;
  (f as { back: Frame | null }).back = it.frame;
  if (it.depth >= it.recursionLimit) {
    st.running = false;
    throw heap.newException(heap.t.RecursionError, it.profile.messages.recursion);
  }
  it.depth++;
  const prev = it.frame;
  it.frame = f;
  try {
    const r = action(st.body);
    if (r.done) {
      if (f.retval !== 0) {
        dropReturned(it, g);
        st.returned = f.retval;
        f.retval = 0;
      }
      finish(it, g);
      return 0;
    }
    return r.value;
  } catch (e) {
    if (e instanceof PyException) it.addTraceback(e, f);
    if (f.retval !== 0) {
      heap.decref(f.retval);
      f.retval = 0;
    }
    finish(it, g);
    throw e;
  } finally {
    st.running = false;
    it.depth--;
    it.frame = prev;
  }
}

/** Resume with `sent` (borrowed; 0 or None means next()). */
function resume(it: Interpreter, g: Ref, sent: Ref): Ref {
  const heap = it.heap;
  const v = sent === 0 ? heap.None : sent;
  return step(it, g, (body) => {
    heap.rc[v]++;
    return body.next(v);
  });
}

/** Raise `e` at the generator's suspension point. */
function throwInto(it: Interpreter, g: Ref, e: PyException): Ref {
  const st = state(it, g);
  if (st.done || st.body === null || !st.started) {
    if (!st.done) finish(it, g);
    throw e;
  }
  return step(it, g, (body) => body.throw(e));
}

/** `generator.close()`: GeneratorExit at the suspension point; yielding again is an error. */
function close(it: Interpreter, g: Ref): void {
  const heap = it.heap;
  const st = state(it, g);
  if (st.done) return;
  if (!st.started) {
    finish(it, g);
    return;
  }
  const exit = heap.newException(heap.t.GeneratorExit, null);
  let r: Ref;
  try {
    r = throwInto(it, g, exit);
  } catch (e) {
    if (e instanceof PyException && (isSubtype(heap, heap.typ[e.exc]!, heap.t.GeneratorExit) || isSubtype(heap, heap.typ[e.exc]!, heap.t.StopIteration))) {
      it.discard(e);
      return;
    }
    throw e;
  }
  if (r !== 0) {
    heap.decref(r);
    throw heap.newException(heap.t.RuntimeError, 'generator ignored GeneratorExit');
  }
  dropReturned(it, g);
}
