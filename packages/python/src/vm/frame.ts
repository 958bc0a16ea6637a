/**
 * Execution frames. A `Frame` is the interpreter's record of one running code block (CPython's
 * `_PyInterpreterFrame`): its fast locals (owned references), globals, builtins, the locals dict
 * of module and class bodies, and the current line. The heap-visible frame *object* (`frameObj`,
 * kind FRAME) exists from the start in 2.7 and is created on demand in 3.12
 * (`sys._getframe()`, tracebacks); it shares the same `fast` array.
 */
import type { Ref } from '@heaplab/heap';
import type { CodeUnit } from '../compiler/code.js';
import type { Pos } from '../parser/ast.js';

/** Statement completion codes returned by compiled statements. */
export const Completion = {
  NEXT: 0,
  BREAK: 1,
  CONTINUE: 2,
  RETURN: 3,
} as const;

export class Frame {
  /** Current line (updated per statement). */
  lineno: number;
  /** The node being evaluated where it matters for tracebacks (3.12 caret ranges). */
  pos: Pos | null = null;
  /** The heap frame object, or 0 until materialized. */
  frameObj: Ref = 0;
  /** Return value (owned) when a statement completes with RETURN. */
  retval: Ref = 0;
  /** Exceptions being handled (innermost last), for `sys.exc_info()` and bare `raise`. */
  readonly handling: { exc: Ref; tb: Ref }[] = [];
  /** Generator frames: not freed on return. */
  isGenerator = false;

  constructor(
    readonly code: CodeUnit,
    /** Owned fast locals: varnames, then cells, then free variables. */
    public fast: Ref[],
    /** Borrowed (held by the function or the module). */
    readonly globals: Ref,
    readonly builtins: Ref,
    /** Locals dict of module/class bodies (borrowed), 0 for functions. */
    readonly locals: Ref,
    readonly back: Frame | null,
    /** The function object running (borrowed; the call holds it), 0 for module/class bodies. */
    readonly func: Ref,
  ) {
    this.lineno = code.firstlineno;
  }
}
