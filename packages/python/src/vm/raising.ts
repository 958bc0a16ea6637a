/**
 * Raising and handling exceptions: `raise` in both dialects (2.7's `raise E, v, tb`), 3.12's
 * `__cause__`/`__context__` chaining, matching `except` clauses, and the "currently handled
 * exception" that `sys.exc_info()` and a bare `raise` see — which in 2.7 outlives the handler
 * until the function returns.
 */
import {
  call,
  type ExceptionData,
  type Heap,
  isSubtype,
  Kind,
  PyException,
  type Ref,
  type TypeData,
  TypeFlag,
  newTupleSteal,
  typeLookup,
  newBoundMethod,
  subclassCheckAllocations,
  withArgsTuple,
} from '@heaplab/heap';
import type { Frame } from './frame.js';
import type { Interpreter } from './interp.js';

type PyExc = PyException & { tb?: Ref; lastFrame?: Frame | null };

/** Is `r` an exception class (a subtype of BaseException)? */
function isExceptionClass(heap: Heap, r: Ref): boolean {
  return heap.kind[r] === Kind.TYPE && isSubtype(heap, r, heap.t.BaseException);
}

/** Is `r` an exception instance? */
function isExceptionInstance(heap: Heap, r: Ref): boolean {
  return isSubtype(heap, heap.typ[r]!, heap.t.BaseException);
}

/**
 * Build the PyException for a `raise` statement. Consumes `e`, `v`, `tb` and `cause` (owned;
 * `v`/`tb` may be 0; `cause` is -1 when there is no `from` clause).
 */
export function makeRaise(it: Interpreter, f: Frame, e: Ref, v: Ref, tb: Ref, cause: Ref): PyException {
  const heap = it.heap;
  const is27 = heap.profile.version === '2.7';
  let inst: Ref;
  try {
    if (is27 && isExceptionClass(heap, e) && v !== 0 && isExceptionInstance(heap, v) && isSubtype(heap, heap.typ[v]!, e)) {
      // 2.7 `raise Class, instance` (PyErr_NormalizeException): an instance of the class is used as is.
      heap.rc[v]++;
      inst = v;
    } else if (isExceptionClass(heap, e)) {
      let args: Ref[] = [];
      if (v !== 0 && v !== heap.None) {
        if (heap.kind[v] === Kind.TUPLE && is27) args = heap.payload[v] as Ref[];
        else args = [v];
      }
      inst = call(heap, e, args);
      if (!isExceptionInstance(heap, inst)) {
        const tn = heap.typeName(inst);
        heap.decref(inst);
        throw heap.newException(
          heap.t.TypeError,
          is27 ? `calling ${reprType(heap, e)} should have returned an instance of BaseException, not ${tn}` : `calling ${reprType(heap, e)} should have returned an instance of BaseException, not ${tn}`,
        );
      }
    } else if (isExceptionInstance(heap, e)) {
      if (v !== 0 && v !== heap.None) throw heap.newException(heap.t.TypeError, 'instance exception may not have a separate value');
      heap.rc[e]++;
      inst = e;
    } else {
      throw heap.newException(
        heap.t.TypeError,
        is27 ? `exceptions must be old-style classes or derived from BaseException, not ${heap.typeName(e)}` : 'exceptions must derive from BaseException',
      );
    }
  } catch (err) {
    if (cause > 0) heap.decref(cause);
    if (tb !== 0) heap.decref(tb);
    throw err;
  } finally {
    heap.decref(e);
    if (v !== 0) heap.decref(v);
  }
  const pe = new PyException(inst, heap.typeName(inst)) as PyExc;
  if (!is27 && heap.kind[inst] === Kind.EXCEPTION) {
    const data = heap.payload[inst] as ExceptionData;
    if (cause !== -1) {
      let c = cause;
      if (c !== heap.None && isExceptionClass(heap, c)) {
        const made = call(heap, c, []);
        heap.decref(c);
        c = made;
      } else if (c !== heap.None && !isExceptionInstance(heap, c)) {
        heap.decref(c);
        heap.decref(inst);
        throw heap.newException(heap.t.TypeError, 'exception causes must derive from BaseException');
      }
      const old = data.cause;
      data.cause = c === heap.None ? (heap.decref(c), 0) : c;
      heap.xdecref(old);
      data.suppressContext = true;
    }
    // A raised exception object keeps growing the traceback it already has.
    if (data.traceback !== 0) {
      heap.rc[data.traceback]++;
      pe.tb = data.traceback;
    }
    setContextFromHandled(it, inst);
  }
  if (tb !== 0) {
    if (heap.kind[tb] === Kind.TRACEBACK) {
      pe.tb = tb;
      // 2.7 `raise t, v, tb` is WHY_RERAISE: the raising frame adds no traceback entry.
      if (is27) pe.lastFrame = f;
    } else heap.decref(tb);
  }
  return pe;
}

function reprType(heap: Heap, t: Ref): string {
  return `<class '${(heap.payload[t] as TypeData).name}'>`;
}

/** 3.12: an exception raised while another is handled gets it as `__context__`. */
function setContextFromHandled(it: Interpreter, inst: Ref): void {
  const heap = it.heap;
  const cur = it.currentException();
  if (cur === null || cur.exc === inst || heap.kind[inst] !== Kind.EXCEPTION) return;
  const data = heap.payload[inst] as ExceptionData;
  if (data.context !== 0) return;
  // Avoid creating a context cycle.
  for (let c = cur.exc; c !== 0 && heap.kind[c] === Kind.EXCEPTION; c = (heap.payload[c] as ExceptionData).context) {
    if (c === inst) return;
  }
  heap.rc[cur.exc]++;
  data.context = cur.exc;
}

/**
 * 3.x: an exception that is caught gets the exception being handled at that point as its
 * `__context__` (if it has none) — CPython chains at raise time, and an exception raised and
 * caught inside a handler (a nested try) never propagates out of it to be chained later.
 */
export function chainCaught(it: Interpreter, caught: PyException): void {
  if (it.heap.profile.version !== '2.7') setContextFromHandled(it, caught.exc);
}

/** Chain `inner` to the exception handled by `token` (an exception raised inside a handler). */
export function setContext(it: Interpreter, inner: PyException, token: HandlingToken | null): void {
  const heap = it.heap;
  if (token === null || heap.profile.version === '2.7' || heap.kind[inner.exc] !== Kind.EXCEPTION) return;
  const data = heap.payload[inner.exc] as ExceptionData;
  if (data.context !== 0 || inner.exc === token.exc) return;
  for (let c = token.exc; c !== 0 && heap.kind[c] === Kind.EXCEPTION; c = (heap.payload[c] as ExceptionData).context) {
    if (c === inner.exc) return;
  }
  heap.rc[token.exc]++;
  data.context = token.exc;
}

/** A bare `raise`: the exception being handled, with its traceback. */
export function reraise(it: Interpreter, f: Frame): never {
  const heap = it.heap;
  const cur = it.currentException();
  if (cur === null) {
    if (heap.profile.version === '2.7') throw heap.newException(heap.t.TypeError, 'exceptions must be old-style classes or derived from BaseException, not NoneType');
    throw heap.newException(heap.t.RuntimeError, 'No active exception to reraise');
  }
  heap.rc[cur.exc]++;
  const pe = new PyException(cur.exc, heap.typeName(cur.exc)) as PyExc;
  if (cur.tb !== 0) {
    heap.rc[cur.tb]++;
    pe.tb = cur.tb;
  }
  pe.lastFrame = f;
  throw pe;
}

/**
 * An `except` block is entered with exception `exc` (before its clauses are tested): 2.7's
 * PyErr_NormalizeException checks that an exception raised as an instance is an instance of its
 * type with PyObject_IsSubclass (see `subclassCheckAllocations`); an exception native code raised
 * as a bare value (not yet normalized) is instantiated instead, which HeapLab did on raising.
 */
export function enterExceptBlock(it: Interpreter, exc: Ref): void {
  const heap = it.heap;
  if (heap.lazyExceptions.has(exc) || heap.kind[heap.typ[exc]!] !== Kind.TYPE) return;
  subclassCheckAllocations(heap, heap.typ[exc]!);
}

/** Does the handler's type expression match exception `exc`? (evaluates `typeFn` in `f`) */
export function exceptionMatches(it: Interpreter, f: Frame, exc: Ref, typeFn: (f: Frame) => Ref): boolean {
  const heap = it.heap;
  const t = typeFn(f);
  try {
    return matches(heap, exc, t);
  } finally {
    heap.decref(t);
  }
}

function matches(heap: Heap, exc: Ref, t: Ref): boolean {
  if (heap.kind[t] === Kind.TUPLE) {
    for (const x of heap.payload[t] as Ref[]) if (matches(heap, exc, x)) return true;
    return false;
  }
  if (heap.kind[t] === Kind.TYPE && isSubtype(heap, t, heap.t.BaseException)) {
    subclassCheckAllocations(heap, heap.typ[exc]!);
    return isSubtype(heap, heap.typ[exc]!, t);
  }
  if (heap.profile.version === '2.7') return exc === t;
  throw heap.newException(heap.t.TypeError, 'catching classes that do not inherit from BaseException is not allowed');
}

/** The "currently handled" exception entry pushed while a handler (or finally) runs. */
export interface HandlingToken {
  exc: Ref;
  tb: Ref;
  pushed: boolean;
}

/**
 * Start handling `e` in frame `f`: it becomes `sys.exc_info()`. The token holds its own
 * references. In 2.7, `finally` blocks do not change `sys.exc_info()`.
 */
export function beginHandling(it: Interpreter, f: Frame, e: PyException, isFinally: boolean): HandlingToken {
  const heap = it.heap;
  if (!isFinally) heap.lazyExceptions.delete(e.exc);
  const tb = (e as PyExc).tb ?? 0;
  const token: HandlingToken = { exc: e.exc, tb, pushed: false };
  if (isFinally && heap.profile.version === '2.7') return token;
  heap.rc[e.exc]++;
  if (tb !== 0) heap.rc[tb]++;
  if (heap.profile.version === '2.7') {
    // 2.7 keeps the last handled exception in the thread state until the frame returns.
    releaseFrameHandling(it, f);
    f.handling.push({ exc: token.exc, tb: token.tb });
  }
  it.excStack.push({ exc: token.exc, tb: token.tb });
  token.pushed = true;
  return token;
}

/** Leave a handler. 3.12 forgets the handled exception; 2.7 keeps it until the frame returns. */
export function endHandling(it: Interpreter, f: Frame, token: HandlingToken): void {
  const heap = it.heap;
  if (!token.pushed) return;
  if (heap.profile.version === '2.7') return;
  const i = it.excStack.lastIndexOf(it.excStack.find((x) => x.exc === token.exc && x.tb === token.tb)!);
  if (i >= 0) it.excStack.splice(i, 1);
  heap.decref(token.exc);
  if (token.tb !== 0) heap.decref(token.tb);
  void f;
}

/** 2.7: drop the exception a frame kept as `sys.exc_info()` (on return or when it handles another). */
export function releaseFrameHandling(it: Interpreter, f: Frame): void {
  const heap = it.heap;
  while (f.handling.length > 0) {
    const h = f.handling.pop()!;
    const i = it.excStack.lastIndexOf(it.excStack.find((x) => x.exc === h.exc && x.tb === h.tb)!);
    if (i >= 0) it.excStack.splice(i, 1);
    heap.decref(h.exc);
    if (h.tb !== 0) heap.decref(h.tb);
  }
}

/** Release a PyException that will not propagate further. */
export function discard(it: Interpreter, e: PyException): void {
  e.release(it.heap);
}

/**
 * `with`: look up `__enter__`/`__exit__` on the type (2.7 looks up `__exit__` first), call
 * `__enter__`, and return its result with the bound `__exit__`.
 */
export function withEnter(it: Interpreter, mgr: Ref): [Ref, Ref] {
  const heap = it.heap;
  const is27 = heap.profile.version === '2.7';
  const find = (name: string): Ref => {
    const d = typeLookup(heap, heap.typ[mgr]!, name);
    if (d === 0) {
      if (is27) throw heap.newException(heap.t.AttributeError, name);
      throw heap.newException(heap.t.TypeError, `'${heap.typeName(mgr)}' object does not support the context manager protocol`);
    }
    const get = (heap.payload[heap.typ[d]!] as TypeData).slots.descrGet;
    if (get !== undefined) return get(heap, d, mgr, heap.typ[mgr]!);
    if (heap.kind[d] === Kind.FUNCTION) return newBoundMethod(heap, d, mgr, heap.typ[mgr]!);
    heap.rc[d]++;
    return d;
  };
  let exit: Ref;
  let enter: Ref;
  if (is27) {
    exit = find('__exit__');
    try {
      enter = find('__enter__');
    } catch (e) {
      heap.decref(exit);
      throw e;
    }
  } else {
    enter = find('__enter__');
    try {
      exit = find('__exit__');
    } catch (e) {
      heap.decref(enter);
      throw e;
    }
  }
  try {
    const v = call(heap, enter, []);
    return [v, exit];
  } catch (e) {
    heap.decref(exit);
    throw e;
  } finally {
    heap.decref(enter);
  }
}

/**
 * `with`'s call of `__exit__(type, value, tb)`, taking the three arguments: 2.7's WITH_CLEANUP
 * calls it from C (PyObject_CallFunctionObjArgs builds an argument tuple, and a bound method
 * copies it with `self`, see heap `methodCall`); 3.12 calls it as CALL does.
 */
export function callExit(it: Interpreter, exit: Ref, type: Ref, value: Ref, tb: Ref): Ref {
  const heap = it.heap;
  const args = [type, value, tb];
  if (!heap.profile.evalCallsBuildArgsTuple) return it.callOwned(exit, args, null);
  try {
    return withArgsTuple(heap, args, null, () => call(heap, exit, args));
  } finally {
    for (const a of args) heap.decref(a);
  }
}

export { newTupleSteal, TypeFlag };
