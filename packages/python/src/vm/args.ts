/**
 * Binding call arguments to a function's parameters (CPython's `initialize_locals` in 3.12,
 * `PyEval_EvalCodeEx` in 2.7), with each version's TypeError messages.
 */
import { type Heap, newDict, newTupleSteal, dictSetStr, dictGetStr, type Ref, Kind } from '@heaplab/heap';
import type { CodeUnit } from '../compiler/code.js';

/** Format `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as 3.12's missing-argument messages do. */
function nameList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0]!;
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/**
 * Fill `fast` (all 0 on entry) from positional `args` and keyword `kwnames`/values (the
 * trailing part of `args`). Every stored value gets its own new reference. `defaults` and
 * `kwdefaults` are the function's (0 if none). Throws TypeError with CPython's message on a
 * mismatch; `fast` is then released by the caller.
 */
export function bindArguments(
  heap: Heap,
  code: CodeUnit,
  qualname: string,
  fast: Ref[],
  args: readonly Ref[],
  kwnames: readonly string[] | null,
  defaults: Ref,
  kwdefaults: Ref,
): void {
  const is27 = heap.profile.version === '2.7';
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const co = code.argcount;
  const fname = is27 ? code.name : qualname;
  const defs = defaults === 0 ? [] : (heap.payload[defaults] as Ref[]);

  // Fast path: exactly the positional parameters, nothing else.
  if (nkw === 0 && npos === co && code.varargsIndex < 0 && code.varkwIndex < 0 && code.kwonlyargcount === 0) {
    for (let i = 0; i < npos; i++) {
      const v = args[i]!;
      heap.rc[v]++;
      fast[i] = v;
    }
    return;
  }

  if (is27 && co === 0 && code.varargsIndex < 0 && code.varkwIndex < 0 && args.length > 0) {
    throw heap.newException(heap.t.TypeError, `${fname}() takes no arguments (${args.length} given)`);
  }

  // Positional parameters.
  const n = Math.min(npos, co);
  for (let i = 0; i < n; i++) {
    const v = args[i]!;
    heap.rc[v]++;
    fast[i] = v;
  }
  let kwdict: Ref = 0;
  if (code.varkwIndex >= 0) {
    kwdict = newDict(heap);
    fast[code.varkwIndex] = kwdict;
  }
  if (code.varargsIndex >= 0) {
    const extra: Ref[] = [];
    for (let i = co; i < npos; i++) {
      heap.rc[args[i]!]++;
      extra.push(args[i]!);
    }
    fast[code.varargsIndex] = newTupleSteal(heap, extra);
  } else if (npos > co && is27) {
    throw heap.newException(
      heap.t.TypeError,
      `${fname}() takes ${defs.length > 0 ? 'at most' : 'exactly'} ${co} argument${co === 1 ? '' : 's'} (${args.length} given)`,
    );
  }

  // Keyword arguments.
  if (kwnames !== null) {
    bindKeywords(heap, code, fname, fast, args, kwnames, npos, kwdict);
  }

  // 3.12 (initialize_locals) reports surplus positional arguments only after the keywords bound:
  // f(1, 2, k=3) is "unexpected keyword argument 'k'", f(1, 2, x=3) "multiple values for 'x'".
  if (code.varargsIndex < 0 && npos > co) {
    let kwonlyGiven = 0;
    if (kwnames !== null) {
      for (const k of kwnames) {
        const idx = code.varnames.indexOf(k);
        if (idx >= co && idx < co + code.kwonlyargcount) kwonlyGiven++;
      }
    }
    const sig = defs.length > 0 ? `from ${co - defs.length} to ${co}` : `${co}`;
    const plural = defs.length > 0 || co !== 1;
    const kwSig = kwonlyGiven > 0 ? ` positional argument${npos !== 1 ? 's' : ''} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? 's' : ''})` : '';
    throw heap.newException(
      heap.t.TypeError,
      `${fname}() takes ${sig} positional argument${plural ? 's' : ''} but ${npos}${kwSig} ${npos === 1 && kwonlyGiven === 0 ? 'was' : 'were'} given`,
    );
  }

  // Defaults for missing positional parameters.
  if (npos < co) {
    const firstDefault = co - defs.length;
    // 2.7 counts the parameters bound so far, before any default is filled in.
    let given27 = 0;
    if (is27) for (let i = 0; i < co; i++) if (fast[i] !== 0) given27++;
    const missing: string[] = [];
    for (let i = npos; i < co; i++) {
      if (fast[i] !== 0) continue;
      if (i >= firstDefault) {
        const d = defs[i - firstDefault]!;
        heap.rc[d]++;
        fast[i] = d;
      } else missing.push(code.varnames[i]!);
    }
    if (missing.length > 0) {
      if (is27) {
        const given = given27;
        const m = co - defs.length;
        throw heap.newException(
          heap.t.TypeError,
          `${fname}() takes ${code.varargsIndex >= 0 || defs.length > 0 ? 'at least' : 'exactly'} ${m} argument${m === 1 ? '' : 's'} (${given} given)`,
        );
      }
      throw heap.newException(
        heap.t.TypeError,
        `${fname}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${nameList(missing)}`,
      );
    }
  }

  // Keyword-only parameters.
  if (code.kwonlyargcount > 0) {
    const missing: string[] = [];
    for (let i = co; i < co + code.kwonlyargcount; i++) {
      if (fast[i] !== 0) continue;
      const name = code.varnames[i]!;
      const d = kwdefaults !== 0 && heap.kind[kwdefaults] === Kind.DICT ? dictGetStr(heap, kwdefaults, name) : 0;
      if (d !== 0) {
        heap.rc[d]++;
        fast[i] = d;
      } else missing.push(name);
    }
    if (missing.length > 0) {
      throw heap.newException(
        heap.t.TypeError,
        `${fname}() missing ${missing.length} required keyword-only argument${missing.length === 1 ? '' : 's'}: ${nameList(missing)}`,
      );
    }
  }
}

/** Bind keyword arguments to parameters or to the `**kwargs` dict (`kwdict`, 0 if none). */
function bindKeywords(
  heap: Heap,
  code: CodeUnit,
  fname: string,
  fast: Ref[],
  args: readonly Ref[],
  kwnames: readonly string[],
  npos: number,
  kwdict: Ref,
): void {
  const is27 = heap.profile.version === '2.7';
  const nkw = kwnames.length;
  const co = code.argcount;
  const total = co + code.kwonlyargcount;
  const posOnlyAsKw: string[] = [];
  for (let j = 0; j < nkw; j++) {
    const name = kwnames[j]!;
    const value = args[npos + j]!;
    let idx = -1;
    for (let p = code.posonlyargcount; p < total; p++) {
      if (code.varnames[p] === name) {
        idx = p;
        break;
      }
    }
    if (idx < 0) {
      if (kwdict !== 0) {
        if (!is27 && code.varnames.slice(0, code.posonlyargcount).includes(name) === false && dictGetStr(heap, kwdict, name) !== 0) {
          throw heap.newException(heap.t.TypeError, `${fname}() got multiple values for keyword argument '${name}'`);
        }
        dictSetStr(heap, kwdict, name, value);
        continue;
      }
      if (code.varnames.slice(0, code.posonlyargcount).includes(name)) {
        posOnlyAsKw.push(name);
        continue;
      }
      throw heap.newException(heap.t.TypeError, `${fname}() got an unexpected keyword argument '${name}'`);
    }
    if (fast[idx] !== 0) {
      throw heap.newException(
        heap.t.TypeError,
        is27 ? `${fname}() got multiple values for keyword argument '${name}'` : `${fname}() got multiple values for argument '${name}'`,
      );
    }
    heap.rc[value]++;
    fast[idx] = value;
  }
  if (posOnlyAsKw.length > 0) {
    throw heap.newException(
      heap.t.TypeError,
      `${fname}() got some positional-only arguments passed as keyword arguments: '${posOnlyAsKw.join(', ')}'`,
    );
  }
}
