/**
 * `traceback`: printing and formatting exceptions and stacks the way each version's pure-Python
 * module does — `print_exc`, `format_exc`, `print_exception`, `format_exception`,
 * `format_exception_only`, `print_tb`, `format_tb`, `print_stack`, `format_stack`.
 *
 * The text is the interpreter's own traceback report (3.12 with its carets, chained exceptions
 * and `[Previous line repeated N more times]`), with the module's differences: 2.7 names the
 * exception by its class `__name__` only (no `__main__.`) and writes line by line; 3.12 writes
 * one piece per entry (`print(piece, file=file, end="")`). With no exception being handled,
 * `print_exc` prints `None` (2.7) / `NoneType: None` (3.12).
 */
import {
  callMethod,
  type ExceptionData,
  type FrameData,
  type Heap,
  Kind,
  newBuiltinFunction,
  newListSteal,
  newModule,
  newStr,
  dictSetStr,
  moduleDict,
  type NativeFn,
  positionalCount,
  type Ref,
  argToCInt,
  isSubtype,
} from '@heaplab/heap';
import type { Interpreter } from '../vm/interp.js';
import type { Frame } from '../vm/frame.js';
import { suggestionTrailer } from '../vm/suggestions.js';
import { formatExceptionChunks, formatTracebackChunks, tracebackEntries } from '../vm/traceback.js';

/** Bind `args`/`kwnames` to `params` (names; a leading `/` entry ends the positional-only ones). */
function bindParams(h: Heap, fname: string, params: readonly string[], args: readonly Ref[], kwnames: readonly string[] | null): (Ref | undefined)[] {
  const out: (Ref | undefined)[] = new Array(params.length).fill(undefined);
  const npos = positionalCount(args, kwnames);
  if (npos > params.length) {
    throw h.newException(h.t.TypeError, `${fname}() takes at most ${params.length} arguments (${npos} given)`);
  }
  for (let i = 0; i < npos; i++) out[i] = args[i]!;
  for (let j = 0; j < (kwnames?.length ?? 0); j++) {
    const name = kwnames![j]!;
    const i = params.indexOf(name);
    if (i < 0) throw h.newException(h.t.TypeError, `${fname}() got an unexpected keyword argument '${name}'`);
    if (out[i] !== undefined) throw h.newException(h.t.TypeError, `${fname}() got multiple values for argument '${name}'`);
    out[i] = args[npos + j]!;
  }
  return out;
}

/** The `traceback` module (new reference). */
export function createTracebackModule(it: Interpreter): Ref {
  const heap = it.heap;
  const is27 = it.version === '2.7';
  const m = newModule(heap, 'traceback');
  const d = moduleDict(heap, m);
  const def = (name: string, fn: NativeFn) => {
    const f = newBuiltinFunction(heap, name, fn, m, 'traceback');
    dictSetStr(heap, d, name, f);
    heap.decref(f);
  };
  const isNone = (r: Ref | undefined) => r === undefined || r === heap.None;
  /** A `limit` argument: null for None / absent. */
  const limitOf = (r: Ref | undefined): number | null => (isNone(r) ? null : argToCInt(heap, r!));

  /** Entries of a traceback, cut to `limit` like `extract_tb` (first N; negative: last -N). */
  const tbEntries = (tb: Ref, limit: number | null): Ref[] => {
    const all = tb === 0 || tb === heap.None ? [] : tracebackEntries(heap, tb);
    if (limit === null) return all;
    return limit >= 0 ? all.slice(0, limit) : all.slice(limit);
  };
  const entryChunks = (entries: Ref[]): string[][] => formatTracebackChunks(heap, entries, it.sourceLine, it.profile.tracebackCarets);

  /**
   * The pieces of `format_exception(exc, value, tb)` as line groups: the chained exceptions'
   * reports (3.12, unless `chain` is false), then this one's header, entries (cut to `limit`)
   * and exception line.
   */
  const exceptionChunks = (value: Ref, tb: Ref, limit: number | null, chain: boolean): string[][] => {
    const exc = isNone(value) ? 0 : value;
    const trailer = it.profile.errorSuggestions ? (e: Ref) => suggestionTrailer(it, e, 'traceback-module') : undefined;
    const withChain = formatExceptionChunks(heap, exc, 0, it.sourceLine, it.profile.tracebackCarets, is27 ? 'module27' : 'interpreter', new Set(), trailer);
    const last = withChain[withChain.length - 1]!;
    const prefix = chain ? withChain.slice(0, -1) : [];
    const entries = tbEntries(tb, limit);
    const own = entries.length > 0 ? [['Traceback (most recent call last):'], ...entryChunks(entries)] : [];
    return [...prefix, ...own, last];
  };

  /** Text pieces as written: 2.7 one line per write, 3.12 one entry per write. */
  const pieces = (chunks: string[][]): string[] => (is27 ? chunks.flat().map((l) => `${l}\n`) : chunks.map((c) => `${c.join('\n')}\n`));

  const write = (file: Ref | undefined, parts: string[]) => {
    const target = isNone(file) ? it.sysAttr('stderr') : file!;
    if (target === 0 || target === heap.None) return;
    for (const p of parts) {
      for (const text of is27 ? [p] : [p, '']) {
        const s = newStr(heap, text);
        try {
          heap.decref(callMethod(heap, target, 'write', [s]));
        } finally {
          heap.decref(s);
        }
      }
    }
  };
  const strList = (parts: string[]): Ref => newListSteal(heap, parts.map((p) => newStr(heap, p)));

  /** The exception being handled: [value or 0, traceback or 0]. */
  const current = (): [Ref, Ref] => {
    const cur = it.currentException();
    return cur === null ? [0, 0] : [cur.exc, cur.tb];
  };

  /** `(exc, value, tb)` arguments of print_exception/format_exception: [value, tb]. */
  const excArgs = (fname: string, a: Ref | undefined, b: Ref | undefined, c: Ref | undefined): [Ref, Ref] => {
    if (is27) return [isNone(b) ? 0 : b!, isNone(c) ? 0 : c!];
    if ((b === undefined) !== (c === undefined)) throw heap.newException(heap.t.ValueError, 'Both or neither of value and tb must be given');
    if (b !== undefined) return [isNone(b) ? 0 : b, isNone(c) ? 0 : c!];
    if (isNone(a)) return [0, 0];
    if (heap.kind[a!] !== Kind.EXCEPTION || !isSubtype(heap, heap.typ[a!]!, heap.t.BaseException)) {
      throw heap.newException(heap.t.TypeError, `Exception expected for value, ${heap.typeName(a!)} found`);
    }
    const t = (heap.payload[a!] as ExceptionData).traceback;
    void fname;
    return [a!, t];
  };
  const chainOf = (r: Ref | undefined) => r === undefined || r !== heap.False;

  if (is27) {
    def('print_exc', (h, _s, args, kw) => {
      const [limit, file] = bindParams(h, 'print_exc', ['limit', 'file'], args, kw);
      const [v, tb] = current();
      write(file, pieces(exceptionChunks(v, tb, limitOf(limit), true)));
      return h.newRef(h.None);
    });
    def('format_exc', (h, _s, args, kw) => {
      const [limit] = bindParams(h, 'format_exc', ['limit'], args, kw);
      const [v, tb] = current();
      return newStr(h, pieces(exceptionChunks(v, tb, limitOf(limit), true)).join(''));
    });
    def('print_exception', (h, _s, args, kw) => {
      const [a, b, c, limit, file] = bindParams(h, 'print_exception', ['etype', 'value', 'tb', 'limit', 'file'], args, kw);
      if (c === undefined) throw h.newException(h.t.TypeError, `print_exception() takes at least 3 arguments (${positionalCount(args, kw)} given)`);
      const [v, tb] = excArgs('print_exception', a, b, c);
      write(file, pieces(exceptionChunks(v, tb, limitOf(limit), true)));
      return h.newRef(h.None);
    });
    def('format_exception', (h, _s, args, kw) => {
      const [a, b, c, limit] = bindParams(h, 'format_exception', ['etype', 'value', 'tb', 'limit'], args, kw);
      if (c === undefined) throw h.newException(h.t.TypeError, `format_exception() takes at least 3 arguments (${positionalCount(args, kw)} given)`);
      const [v, tb] = excArgs('format_exception', a, b, c);
      // 2.7 returns the header, one string per entry and the exception line.
      const chunks = exceptionChunks(v, tb, limitOf(limit), true);
      return strList(chunks.map((c2) => `${c2.join('\n')}\n`));
    });
    def('format_exception_only', (h, _s, args, kw) => {
      const [a, b] = bindParams(h, 'format_exception_only', ['etype', 'value'], args, kw);
      if (b === undefined) throw h.newException(h.t.TypeError, `format_exception_only() takes exactly 2 arguments (${positionalCount(args, kw)} given)`);
      void a;
      const chunks = exceptionChunks(isNone(b) ? 0 : b, 0, null, true);
      return strList(chunks.flat().map((l) => `${l}\n`));
    });
  } else {
    def('print_exc', (h, _s, args, kw) => {
      const [limit, file, chain] = bindParams(h, 'print_exc', ['limit', 'file', 'chain'], args, kw);
      const [v] = current();
      const tb = v === 0 ? 0 : (h.payload[v] as ExceptionData).traceback;
      write(file, pieces(exceptionChunks(v, tb, limitOf(limit), chainOf(chain))));
      return h.newRef(h.None);
    });
    def('format_exc', (h, _s, args, kw) => {
      const [limit, chain] = bindParams(h, 'format_exc', ['limit', 'chain'], args, kw);
      const [v] = current();
      const tb = v === 0 ? 0 : (h.payload[v] as ExceptionData).traceback;
      return newStr(h, pieces(exceptionChunks(v, tb, limitOf(limit), chainOf(chain))).join(''));
    });
    def('print_exception', (h, _s, args, kw) => {
      const [a, b, c, limit, file, chain] = bindParams(h, 'print_exception', ['exc', 'value', 'tb', 'limit', 'file', 'chain'], args, kw);
      if (a === undefined) throw h.newException(h.t.TypeError, "print_exception() missing 1 required positional argument: 'exc'");
      const [v, tb] = excArgs('print_exception', a, b, c);
      write(file, pieces(exceptionChunks(v, tb, limitOf(limit), chainOf(chain))));
      return h.newRef(h.None);
    });
    def('format_exception', (h, _s, args, kw) => {
      const [a, b, c, limit, chain] = bindParams(h, 'format_exception', ['exc', 'value', 'tb', 'limit', 'chain'], args, kw);
      if (a === undefined) throw h.newException(h.t.TypeError, "format_exception() missing 1 required positional argument: 'exc'");
      const [v, tb] = excArgs('format_exception', a, b, c);
      return strList(pieces(exceptionChunks(v, tb, limitOf(limit), chainOf(chain))));
    });
    def('format_exception_only', (h, _s, args, kw) => {
      const [a, b] = bindParams(h, 'format_exception_only', ['exc', 'value'], args, kw);
      if (a === undefined) throw h.newException(h.t.TypeError, "format_exception_only() missing 1 required positional argument: 'exc'");
      const v = b !== undefined ? b : a;
      const chunks = exceptionChunks(isNone(v) ? 0 : v, 0, null, false);
      return strList(chunks.flat().map((l) => `${l}\n`));
    });
  }

  def('print_tb', (h, _s, args, kw) => {
    const [tb, limit, file] = bindParams(h, 'print_tb', ['tb', 'limit', 'file'], args, kw);
    if (tb === undefined) throw h.newException(h.t.TypeError, is27 ? 'print_tb() takes at least 1 argument (0 given)' : "print_tb() missing 1 required positional argument: 'tb'");
    write(file, pieces(entryChunks(tbEntries(tb, limitOf(limit)))));
    return h.newRef(h.None);
  });
  def('format_tb', (h, _s, args, kw) => {
    const [tb, limit] = bindParams(h, 'format_tb', ['tb', 'limit'], args, kw);
    if (tb === undefined) throw h.newException(h.t.TypeError, is27 ? 'format_tb() takes at least 1 argument (0 given)' : "format_tb() missing 1 required positional argument: 'tb'");
    return strList(entryChunks(tbEntries(tb, limitOf(limit))).map((c) => `${c.join('\n')}\n`));
  });

  /** The running frames from the outermost to `start` (the caller by default), with their lines. */
  const stackChunks = (f: Ref | undefined, limit: number | null): string[][] => {
    let fr: Frame | null = isNone(f) ? it.frame : ((heap.payload[f!] as FrameData).ext as Frame | undefined) ?? null;
    const rows: string[][] = [];
    while (fr !== null) {
      const code = fr.code;
      const lineno = it.isOnStack(fr) ? it.currentLine(fr) : fr.lineno;
      const lines = [`  File "${code.filename}", line ${lineno}, in ${code.name}`];
      const text = it.sourceLine(code.filename, lineno);
      if (text !== null && text.trim() !== '') lines.push(`    ${text.trim()}`);
      rows.push(lines);
      fr = fr.back;
    }
    const cut = limit === null ? rows : rows.slice(0, Math.max(0, limit));
    return cut.reverse();
  };
  def('print_stack', (h, _s, args, kw) => {
    const [f, limit, file] = bindParams(h, 'print_stack', ['f', 'limit', 'file'], args, kw);
    write(file, pieces(stackChunks(f, limitOf(limit))));
    return h.newRef(h.None);
  });
  def('format_stack', (h, _s, args, kw) => {
    const [f, limit] = bindParams(h, 'format_stack', ['f', 'limit'], args, kw);
    return strList(stackChunks(f, limitOf(limit)).map((c) => `${c.join('\n')}\n`));
  });
  return m;
}
