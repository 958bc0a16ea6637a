/**
 * What the runtime library needs from the evaluator: the things only a running interpreter
 * knows (the current frame's namespaces, `sys.stdout`, the enclosing class of a `super()` call,
 * the import machinery) and the file system behind `open()`.
 *
 * The lead's evaluator implements this interface; tests use a fake.
 */
import type { Ref } from '@heaplab/heap';

/** The file system behind `open()`. Paths are passed as the program wrote them. */
export interface RuntimeFs {
  /** The whole file as text, or `null` if it does not exist. */
  readFile(path: string): string | null;
  /** Create or truncate the file and write `data`. */
  writeFile(path: string, data: string): void;
  /** Append `data` (creating the file if needed). */
  appendFile(path: string, data: string): void;
}

/**
 * Evaluator services used by builtins. Unless a member says otherwise, every `Ref` a hook
 * returns is **borrowed** (valid until the evaluator next runs Python code); the library increfs
 * what it keeps.
 *
 * @example
 * ```ts
 * import { Heap, newDict } from '@heaplab/heap';
 * import type { RuntimeHooks } from './hooks.js';
 * const heap = new Heap();
 * const g = newDict(heap);
 * const hooks: RuntimeHooks = {
 *   stdout: () => heap.None, stderr: () => heap.None,
 *   globals: () => g, locals: () => g, superArgs: () => null,
 *   importModule: () => { throw heap.newException(heap.t.ImportError, 'no imports'); },
 *   fs: { readFile: () => null, writeFile: () => {}, appendFile: () => {} },
 * };
 * ```
 */
export interface RuntimeHooks {
  /** The current `sys.stdout` (borrowed), resolved at call time by `print`. */
  stdout(): Ref;
  /** The current `sys.stderr` (borrowed). */
  stderr(): Ref;
  /** The current `sys.stdin` (borrowed) for `input()`/`raw_input()`; optional (EOFError without it). */
  stdin?(): Ref;
  /** The current frame's globals dict (borrowed): `globals()`, `type(name, bases, ns)`'s `__module__`. */
  globals(): Ref;
  /**
   * The current frame's locals as a mapping (borrowed): `locals()`, `vars()`, `dir()`. For a
   * function frame the evaluator builds (and keeps) a dict snapshot, as CPython's `f_locals` does.
   */
  locals(): Ref;
  /**
   * Zero-argument `super()`: the class the calling function was defined in (its `__class__`
   * cell) and the function's first argument, both borrowed; `null` when the caller is not such a
   * function (then `super()` raises `RuntimeError: super(): no arguments`). The hook may itself
   * throw CPython's other errors (`super(): __class__ cell not found`, `super(): empty __class__
   * cell`).
   */
  superArgs(): [type: Ref, obj: Ref] | null;
  /**
   * `__import__(name, globals, locals, fromlist, level)`: a **new** reference to the module
   * (the top-level package when `fromlist` is empty, as CPython's `__import__`). `fromlist` is
   * borrowed (None or a sequence of names).
   */
  importModule(name: string, fromlist: Ref, level: number): Ref;
  /** The file system behind `open()`. */
  fs: RuntimeFs;
}
