/**
 * "Did you mean ...?" — the hints 3.12 appends to a NameError, AttributeError or ImportError
 * line when it prints a traceback.
 *
 * The idea, as in CPython's Python/suggestions.c: gather the names the program could have meant
 * (the attributes `dir()` lists for an AttributeError; the frame's local variables, then its
 * globals, then the builtins for a NameError; the module's names for `from m import x`) and
 * pick the one with the smallest weighted Levenshtein distance to the wrong name. Every edit
 * costs 2 (MOVE_COST), except changing only the case of a letter, which costs 1 (CASE_COST), so
 * `Counter` for `counter` is a closer match than any other single edit. A candidate is accepted
 * only when at most a third of the characters involved need changing
 * (`distance <= (len(a) + len(b) + 3) * 2 / 6`), and a later candidate must be strictly better to
 * replace an earlier one, so ties go to the first name in candidate order. Too many candidates
 * (750 or more) means no suggestion at all.
 *
 * Two printers exist in 3.12.1 and differ in small ways, both reproduced:
 * - the interpreter's own (sys.excepthook, `'interpreter'`): exact types only (a subclass of
 *   NameError gets no hint), NameError candidates are `co_varnames`, then globals, then
 *   builtins, each list tried on its own; "Did you forget to import 'x'?" ends with `?`;
 * - the `traceback` module's (`'traceback-module'`): subclasses too, one combined candidate
 *   list from `f_locals` + globals + builtins, and the forget-to-import sentence lacks its `?`.
 *
 * @example
 * ```ts
 * import { closestName } from './suggestions.js';
 * closestName('countr', ['counter', 'count_']); // 'counter'
 * closestName('ABCDEF', ['abcdef']);            // null: six case changes are too many
 * ```
 */
import {
  call,
  cellGet,
  type CodeData,
  dictEntries,
  dictGetStr,
  type ExceptionData,
  type FrameData,
  getAttrOrNull,
  type Heap,
  isSubtype,
  Kind,
  listItems,
  PyException,
  type Ref,
  type TracebackData,
} from '@heaplab/heap';
import type { Frame } from './frame.js';
import { STDLIB_MODULE_NAMES } from './stdlib-module-names.js';

const MOVE_COST = 2;
const CASE_COST = 1;
const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;

/** The cost of turning character `a` into `b`: free, a case flip (ASCII letters), or a move. */
function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

/**
 * The weighted edit distance between `a` and `b`, or anything above `maxCost` once it is
 * certain the distance exceeds it. Common prefixes and suffixes are dropped first; the rest is
 * the classic dynamic programme kept to one row, abandoned as soon as a whole row is too
 * expensive.
 */
export function levenshteinDistance(a: readonly number[], b: readonly number[], maxCost: number): number {
  let lo = 0;
  let aEnd = a.length;
  let bEnd = b.length;
  while (lo < aEnd && lo < bEnd && a[lo] === b[lo]) lo++;
  while (aEnd > lo && bEnd > lo && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  let x = a.slice(lo, aEnd);
  let y = b.slice(lo, bEnd);
  if (x.length === 0 || y.length === 0) return (x.length + y.length) * MOVE_COST;
  if (x.length > MAX_STRING_SIZE || y.length > MAX_STRING_SIZE) return maxCost + 1;
  if (y.length < x.length) [x, y] = [y, x];
  if ((y.length - x.length) * MOVE_COST > maxCost) return maxCost + 1;
  // row[i] = cost of turning y[:j] into x[:i+1], for the current j.
  const row = x.map((_, i) => (i + 1) * MOVE_COST);
  let result = 0;
  for (let j = 0; j < y.length; j++) {
    let diagonal = j * MOVE_COST; // cost(y[:j], x[:0])
    result = diagonal;
    let rowMinimum = Number.POSITIVE_INFINITY;
    for (let i = 0; i < x.length; i++) {
      const substitute = diagonal + substitutionCost(y[j]!, x[i]!);
      diagonal = row[i]!;
      result = Math.min(Math.min(result, diagonal) + MOVE_COST, substitute);
      row[i] = result;
      if (result < rowMinimum) rowMinimum = result;
    }
    if (rowMinimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** A name as the byte sequence CPython compares (UTF-8; the C printer) or as code units. */
function units(s: string, utf8: boolean): number[] {
  if (utf8) return [...Buffer.from(s, 'utf8')];
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  return out;
}

/**
 * The candidate closest to `name`, or null. `firstBest` is the distance a first candidate must
 * beat (the C printer: none; the traceback module: the wrong name's length).
 */
export function closestName(name: string, candidates: readonly string[], options: { utf8?: boolean; firstBest?: number } = {}): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const utf8 = options.utf8 ?? true;
  const wrong = units(name, utf8);
  if (!utf8 && wrong.length > MAX_STRING_SIZE) return null;
  let best: string | null = null;
  let bestDistance = options.firstBest ?? Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const c = units(candidate, utf8);
    const allowed = Math.min(Math.floor(((wrong.length + c.length + 3) * MOVE_COST) / 6), bestDistance - 1);
    const d = levenshteinDistance(wrong, c, allowed);
    if (d > allowed) continue;
    if (best === null || d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * `closestName` as each printer runs it: the interpreter's C code compares UTF-8 bytes and takes
 * any first match; the traceback module compares characters and starts from the name's length.
 */
function closestFor(style: SuggestionStyle, name: string, candidates: readonly string[]): string | null {
  return style === 'interpreter' ? closestName(name, candidates) : closestName(name, candidates, { utf8: false, firstBest: name.length });
}

/** What a suggestion needs from the running interpreter. */
export interface SuggestionContext {
  readonly heap: Heap;
  /** The builtins dict (for `dir`). */
  readonly builtinsDict: Ref;
  /** sys.modules. */
  readonly modulesDict: Ref;
}

export type SuggestionStyle = 'interpreter' | 'traceback-module';

/** Run `f`, turning a Python exception into `fallback` (CPython clears errors here). */
function quietly<T>(heap: Heap, fallback: T, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyException) {
      heap.decref(e.exc);
      return fallback;
    }
    throw e;
  }
}

/** `dir(obj)` as strings, through the builtin `dir` (so `__dir__` overrides count). */
function dirNames(ctx: SuggestionContext, obj: Ref): string[] | null {
  const { heap } = ctx;
  const dirFn = dictGetStr(heap, ctx.builtinsDict, 'dir');
  if (dirFn === 0) return null;
  return quietly(heap, null, () => {
    const list = call(heap, dirFn, [obj]);
    try {
      return heap.kind[list] === Kind.LIST ? listStrings(heap, list) : null;
    } finally {
      heap.decref(list);
    }
  });
}

function listStrings(heap: Heap, list: Ref): string[] {
  const out: string[] = [];
  const items = listItems(heap, list);
  for (const r of items) if (heap.kind[r] === Kind.STR) out.push(heap.payload[r] as string);
  return out;
}

function dictKeys(heap: Heap, d: Ref): string[] {
  if (d === 0 || heap.kind[d] !== Kind.DICT) return [];
  const e = dictEntries(heap, d);
  const out: string[] = [];
  for (let i = 0; i < e.length; i += 2) if (heap.kind[e[i]!] === Kind.STR) out.push(heap.payload[e[i]!] as string);
  return out;
}

/** The innermost frame object of a traceback chain, or 0. */
function innermostFrame(heap: Heap, tb: Ref): Ref {
  if (tb === 0 || heap.kind[tb] !== Kind.TRACEBACK) return 0;
  let cur = tb;
  for (;;) {
    const next = (heap.payload[cur] as TracebackData).next;
    if (next === 0 || heap.kind[next] !== Kind.TRACEBACK) break;
    cur = next;
  }
  return (heap.payload[cur] as TracebackData).frame;
}

/** The value of local variable `name` in a frame object (0 when unbound or not a local). */
function localValue(heap: Heap, frameObj: Ref, name: string): Ref {
  const fd = heap.payload[frameObj] as FrameData;
  const code = heap.payload[fd.code] as CodeData;
  const i = code.varnames.indexOf(name);
  if (i < 0) return 0;
  const fast = (fd.ext as Frame | undefined)?.fast ?? fd.fast;
  const v = fast[i] ?? 0;
  return v !== 0 && heap.kind[v] === Kind.CELL ? cellGet(heap, v) : v;
}

/** The local names a NameError hint considers: `co_varnames`, or `f_locals`' keys. */
function localNames(heap: Heap, frameObj: Ref, style: SuggestionStyle): string[] {
  const fd = heap.payload[frameObj] as FrameData;
  if (fd.locals !== 0) return style === 'interpreter' ? [] : dictKeys(heap, fd.locals);
  const code = heap.payload[fd.code] as CodeData;
  if (style === 'interpreter') return code.varnames.slice();
  // f_locals: every bound local, cell and free variable, in that order.
  const names = [...code.varnames, ...code.cellvars.filter((n) => !code.varnames.includes(n)), ...code.freevars];
  const fast = (fd.ext as Frame | undefined)?.fast ?? fd.fast;
  return names.filter((_, i) => {
    const v = fast[i] ?? 0;
    return v !== 0 && !(heap.kind[v] === Kind.CELL && cellGet(heap, v) === 0);
  });
}

/** The NameError hint: `self.name`, or the closest local, global or builtin name. */
function nameErrorSuggestion(ctx: SuggestionContext, data: ExceptionData, name: string, style: SuggestionStyle): string | null {
  const { heap } = ctx;
  const frameObj = innermostFrame(heap, data.traceback);
  if (frameObj === 0) return null;
  const fd = heap.payload[frameObj] as FrameData;
  const locals = localNames(heap, frameObj, style);
  // In a method whose instance has the attribute, the hint is `self.name`.
  if (locals.includes('self')) {
    const self = localValue(heap, frameObj, 'self');
    if (self === 0) return null;
    const found = quietly(heap, 0, () => getAttrOrNull(heap, self, name));
    if (found !== 0) {
      heap.decref(found);
      return `self.${name}`;
    }
  }
  const globals = dictKeys(heap, fd.globals);
  const builtins = dictKeys(heap, fd.builtins !== 0 ? fd.builtins : ctx.builtinsDict);
  if (style === 'traceback-module') return closestFor(style, name, [...locals, ...globals, ...builtins]);
  return closestFor(style, name, locals) ?? closestFor(style, name, globals) ?? closestFor(style, name, builtins);
}

/** A str attribute of the exception's private fields, or null. */
function strField(heap: Heap, data: ExceptionData, key: string): string | null {
  if (data.notes === 0) return null;
  const v = dictGetStr(heap, data.notes, key);
  return v !== 0 && heap.kind[v] === Kind.STR ? (heap.payload[v] as string) : null;
}

/**
 * The text 3.12 appends to the exception's line — `. Did you mean: 'x'?`, `. Did you forget to
 * import 'sys'?`, both, or `''` — for exception `exc` printed by `style`'s printer.
 */
export function suggestionTrailer(ctx: SuggestionContext, exc: Ref, style: SuggestionStyle): string {
  const { heap } = ctx;
  if (heap.kind[exc] !== Kind.EXCEPTION) return '';
  const t = heap.t;
  const type = heap.typ[exc]!;
  const is = (base: Ref) => (style === 'interpreter' ? type === base : isSubtype(heap, type, base));
  const data = heap.payload[exc] as ExceptionData;
  const attachedName = data.errName !== 0 && heap.kind[data.errName] === Kind.STR ? (heap.payload[data.errName] as string) : null;
  const name = strField(heap, data, 'name') ?? attachedName;
  let suggestion: string | null = null;
  let forgotImport: string | null = null;
  if (is(t.AttributeError)) {
    const obj = data.errObj;
    if (name === null || obj === 0) return '';
    const names = dirNames(ctx, obj);
    suggestion = names === null ? null : closestFor(style, name, names);
  } else if (is(t.NameError)) {
    if (name === null) return '';
    suggestion = nameErrorSuggestion(ctx, data, name, style);
    if (STDLIB_MODULE_NAMES.has(name)) forgotImport = name;
  } else if (is(t.ImportError)) {
    const from = strField(heap, data, 'name_from');
    const modName = strField(heap, data, 'name');
    if (from === null || modName === null) return '';
    const mod = dictGetStr(heap, ctx.modulesDict, modName);
    if (mod === 0 || mod === heap.None) return '';
    const names = dirNames(ctx, mod);
    suggestion = names === null ? null : closestFor(style, from, names);
  } else return '';
  const end = style === 'interpreter' ? '?' : '';
  let out = suggestion !== null ? `. Did you mean: '${suggestion}'?` : '';
  if (forgotImport !== null) out += suggestion !== null ? ` Or did you forget to import '${forgotImport}'${end}` : `. Did you forget to import '${forgotImport}'${end}`;
  return out;
}
