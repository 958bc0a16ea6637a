/**
 * Errors.
 *
 * Two families: `HeapError` subclasses are *TypeScript API misuse* (a released handle, a freed
 * object, a wrong kind) and say what the caller did wrong; `PyException` is a *Python exception*
 * raised inside the simulation, carrying (and owning one reference to) the exception object that
 * Python code can catch.
 */
import type { Ref } from './ref.js';

/** Base class of every error the heap throws for API misuse. The heap is left consistent. */
export class HeapError extends Error {
  override name = 'HeapError';
}

/** A handle was used after `release()` (or after its `using` scope ended). */
export class ReleasedHandleError extends HeapError {
  override name = 'ReleasedHandleError';
}

/** `release()` was called twice on the same handle. */
export class DoubleReleaseError extends HeapError {
  override name = 'DoubleReleaseError';
}

/** A reference names a slot whose object has been freed (or never existed). */
export class FreedObjectError extends HeapError {
  override name = 'FreedObjectError';
}

/** An object of the wrong kind was passed (e.g. a dict where a list is required). */
export class WrongKindError extends HeapError {
  override name = 'WrongKindError';
}

/** A handle from a different heap was passed. */
export class ForeignHandleError extends HeapError {
  override name = 'ForeignHandleError';
}

/** The heap's object budget was exceeded (raised as MemoryError inside the simulation). */
export class ObjectBudgetError extends HeapError {
  override name = 'ObjectBudgetError';
}

/**
 * A Python exception propagating through TypeScript code. `exc` is an owned reference to the
 * exception instance; whoever catches the PyException and does not re-throw it must `decref`
 * it (or hand it on).
 */
export class PyException extends Error {
  override name = 'PyException';
  /**
   * Owned reference to the traceback an interpreter attached while the exception propagated
   * through Python frames (0 or absent: none). It keeps those frames — and their locals —
   * alive, so code that swallows a PyException must drop it too: use `release`.
   */
  tb?: Ref;
  constructor(
    /** Owned reference to the exception instance. */
    public exc: Ref,
    /** `"TypeError: unhashable type: 'list'"` — for JS stack traces and debugging. */
    summary: string,
  ) {
    super(summary);
  }

  /** Drop the references this exception owns (the exception object and its traceback). */
  release(heap: { decref(r: Ref): void }): void {
    if (this.tb) {
      heap.decref(this.tb);
      this.tb = 0;
    }
    if (this.exc !== 0) {
      heap.decref(this.exc);
      this.exc = 0;
    }
  }
}
