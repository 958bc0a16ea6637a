/**
 * Binding call arguments the way a Python `def` binds them, with the error messages of the
 * heap's CPython (2.7's `f() takes exactly 2 arguments (1 given)` or 3.12's
 * `C.f() missing 1 required positional argument: 'x'`).
 *
 * The weakref module's containers are Python classes in CPython; their methods are native here
 * but must reject bad calls with the messages a Python function would give.
 */
import type { Heap, Ref } from '@heaplab/heap';

/** A Python function signature (only the features the weakref module's functions use). */
export interface Signature {
  /** `co_name`, used by 2.7 messages (`__init__() takes ...`). */
  readonly name: string;
  /** `__qualname__`, used by 3.12 messages (`WeakSet.__init__() takes ...`). */
  readonly qualname: string;
  /** Positional-or-keyword parameter names, including `self` when the caller passes it. */
  readonly params: readonly string[];
  /** How many trailing parameters have defaults. */
  readonly defaults?: number;
  /** How many leading parameters are positional-only (3.12's `/`). */
  readonly posOnly?: number;
  /** Accepts `*args`. */
  readonly varargs?: boolean;
  /**
   * The first parameter is really part of `*args` (2.7's `def update(*args, **kw)`): it binds
   * positionally only, in both versions, so a `self=` keyword lands in `**kw`.
   */
  readonly selfInArgs?: boolean;
  /** Accepts `**kwargs`. */
  readonly varkw?: boolean;
}

/** Bound arguments: one borrowed ref (or 0 = use the default) per parameter, extras, keywords. */
export interface Bound {
  readonly values: Ref[];
  readonly extra: Ref[];
  readonly kwargs: [string, Ref][];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function quoteList(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0]!;
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/**
 * Bind `args`/`kwnames` (vectorcall convention, borrowed) to `sig`, throwing TypeError with the
 * profile's CPython message when they do not fit.
 *
 * For `def f(a, b=None)`, `bindArgs(heap, {name: 'f', qualname: 'f', params: ['a', 'b'],
 * defaults: 1}, [one], null).values` is `[one, 0]` (0: use the default).
 */
export function bindArgs(heap: Heap, sig: Signature, args: readonly Ref[], kwnames: readonly string[] | null): Bound {
  const is27 = heap.profile.version === '2.7';
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const params = sig.params;
  const nparams = params.length;
  const ndefaults = sig.defaults ?? 0;
  let posOnly = is27 ? 0 : (sig.posOnly ?? 0);
  if (sig.selfInArgs) posOnly = Math.max(posOnly, 1);
  const values: Ref[] = new Array<Ref>(nparams).fill(0);
  const extra: Ref[] = [];
  const kwargs: [string, Ref][] = [];
  const fname = is27 ? sig.name : sig.qualname;

  if (npos > nparams && !sig.varargs) {
    if (is27) {
      throw heap.newException(
        heap.t.TypeError,
        `${fname}() takes ${ndefaults > 0 ? 'at most' : 'exactly'} ${plural(nparams, 'argument')} (${npos + nkw} given)`,
      );
    }
    const takes = ndefaults > 0 ? `from ${nparams - ndefaults} to ${nparams} positional arguments` : plural(nparams, 'positional argument');
    throw heap.newException(heap.t.TypeError, `${fname}() takes ${takes} but ${npos} ${npos === 1 ? 'was' : 'were'} given`);
  }
  for (let i = 0; i < npos; i++) {
    if (i < nparams) values[i] = args[i]!;
    else extra.push(args[i]!);
  }
  const posOnlyAsKw: string[] = [];
  for (let k = 0; k < nkw; k++) {
    const name = kwnames![k]!;
    const value = args[npos + k]!;
    const idx = params.indexOf(name);
    if (idx >= posOnly && idx >= 0) {
      if (values[idx] !== 0) {
        throw heap.newException(
          heap.t.TypeError,
          is27 ? `${fname}() got multiple values for keyword argument '${name}'` : `${fname}() got multiple values for argument '${name}'`,
        );
      }
      values[idx] = value;
    } else if (sig.varkw) {
      kwargs.push([name, value]);
    } else if (idx >= 0) {
      posOnlyAsKw.push(name);
    } else {
      throw heap.newException(heap.t.TypeError, `${fname}() got an unexpected keyword argument '${name}'`);
    }
  }
  if (posOnlyAsKw.length > 0) {
    throw heap.newException(
      heap.t.TypeError,
      `${fname}() got some positional-only arguments passed as keyword arguments: '${posOnlyAsKw.join(', ')}'`,
    );
  }
  const required = nparams - ndefaults;
  const missing: string[] = [];
  for (let i = 0; i < required; i++) if (values[i] === 0) missing.push(params[i]!);
  if (missing.length > 0) {
    if (is27) {
      const given = values.filter((v) => v !== 0).length;
      throw heap.newException(
        heap.t.TypeError,
        `${fname}() takes ${sig.varargs || ndefaults > 0 ? 'at least' : 'exactly'} ${plural(required, 'argument')} (${given} given)`,
      );
    }
    throw heap.newException(
      heap.t.TypeError,
      `${fname}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${quoteList(missing)}`,
    );
  }
  return { values, extra, kwargs };
}

/**
 * `PyArg_UnpackTuple(args, name, min, max)`: positional only, with CPython's messages
 * (`__new__ expected at least 1 argument, got 0`; 2.7 says `arguments` after `at least 1`).
 */
export function unpackTuple(heap: Heap, name: string, args: readonly Ref[], min: number, max: number): readonly Ref[] {
  const is27 = heap.profile.version === '2.7';
  const n = args.length;
  if (n < min) {
    const word = is27 || min !== 1 ? 'arguments' : 'argument';
    throw heap.newException(heap.t.TypeError, `${name} expected ${min === max ? '' : 'at least '}${min} ${word}, got ${n}`);
  }
  if (n > max) {
    const word = max === 1 && !is27 ? 'argument' : 'arguments';
    throw heap.newException(heap.t.TypeError, `${name} expected ${min === max ? '' : 'at most '}${max} ${word}, got ${n}`);
  }
  return args;
}

/** Reject keyword arguments: `ref() takes no keyword arguments` (3.12) / `does not take` (2.7). */
export function noKeywords(heap: Heap, name: string, kwnames: readonly string[] | null): void {
  if (kwnames === null || kwnames.length === 0) return;
  throw heap.newException(
    heap.t.TypeError,
    heap.profile.version === '2.7' ? `${name}() does not take keyword arguments` : `${name}() takes no keyword arguments`,
  );
}

/** Positional part of a vectorcall argument array. */
export function positional(args: readonly Ref[], kwnames: readonly string[] | null): readonly Ref[] {
  return kwnames === null || kwnames.length === 0 ? args : args.slice(0, args.length - kwnames.length);
}
