/**
 * Traceback objects and their printing, per version: the `Traceback (most recent call last):`
 * block, each frame's `File "...", line N, in name` line and source line, 3.12's `^^^^` markers
 * under the failing expression, and the final `Type: message` line (with 3.12's exception
 * chaining headers for `__cause__`/`__context__`).
 */
import {
  type ExceptionData,
  type FrameData,
  type CodeData,
  type Heap,
  Kind,
  type Ref,
  type TracebackData,
  strOf,
  reprOf,
  type TypeData,
  TypeFlag,
} from '@heaplab/heap';

/** Where a traceback entry points inside its source line (3.12 carets). */
export interface CaretInfo {
  /** 0-based columns in the line (characters), end exclusive. */
  col: number;
  endCol: number;
  endLineno: number;
  /** Optional anchors for binary operators / subscripts: [start, end) of the `^` part. */
  anchor?: [number, number];
}

/** Extra position data kept per traceback object (JS side). */
export const tracebackCarets = new WeakMap<object, CaretInfo>();

/** Source text per filename, for printing source lines. */
export type SourceLookup = (filename: string, lineno: number) => string | null;

/** The `Type: message` line of an exception (`traceback.format_exception_only`). */
export function exceptionOnlyLine(heap: Heap, exc: Ref): string {
  const td = heap.payload[heap.typ[exc]!] as TypeData;
  const mod = td.module;
  let name: string;
  if (heap.profile.version === '2.7') {
    // PyErr_Display writes `module.` for every module but `exceptions` (so `__main__.E` too).
    name = mod === 'exceptions' ? td.name : `${mod}.${td.name}`;
  } else {
    name = td.qualname ?? td.name;
    if (mod !== '__main__' && mod !== 'builtins') name = `${mod}.${name}`;
  }
  let msg: string;
  try {
    msg = strOf(heap, exc);
  } catch {
    msg = heap.profile.version === '2.7' ? '<unprintable ' + td.name + ' object>' : `<exception str() failed>`;
  }
  if (heap.kind[exc] === Kind.EXCEPTION && msg === '') return name;
  return `${name}: ${msg}`;
}

function syntaxErrorLines(heap: Heap, exc: Ref): string[] | null {
  // SyntaxError prints its location block itself.
  const td = heap.payload[heap.typ[exc]!] as TypeData;
  let t = heap.typ[exc]!;
  let isSyntax = false;
  while (t !== 0) {
    if (t === heap.t.SyntaxError) {
      isSyntax = true;
      break;
    }
    t = (heap.payload[t] as TypeData).base;
  }
  if (!isSyntax) return null;
  void td;
  const data = heap.payload[exc] as ExceptionData;
  const extra = (data as ExceptionData & { syntax?: { filename: string; lineno: number; offset: number; text: string | null; msg: string; endOffset?: number } }).syntax;
  if (extra === undefined) return null;
  const lines = [`  File "${extra.filename}", line ${extra.lineno}`];
  if (extra.text !== null) {
    const raw = extra.text.replace(/\n$/, '');
    const stripped = raw.replace(/^[ \t\f]+/, '');
    const lead = raw.length - stripped.length;
    lines.push(`    ${stripped}`);
    if (extra.offset > 0) {
      const start = Math.max(0, extra.offset - 1 - lead);
      let width = 1;
      if (heap.profile.version !== '2.7' && extra.endOffset !== undefined && extra.endOffset > extra.offset) width = extra.endOffset - extra.offset;
      lines.push(`    ${' '.repeat(start)}${'^'.repeat(width)}`);
    }
  }
  const name = (heap.payload[heap.typ[exc]!] as TypeData).name;
  lines.push(`${name}: ${extra.msg}`);
  return lines;
}

/** The entries of a traceback chain, outermost first. */
export function tracebackEntries(heap: Heap, tb: Ref): Ref[] {
  const out: Ref[] = [];
  for (let t = tb; t !== 0 && heap.kind[t] === Kind.TRACEBACK; t = (heap.payload[t] as TracebackData).next) out.push(t);
  return out;
}

/**
 * Positions in the compiled code are UTF-8 byte offsets into the line (as CPython's AST
 * `col_offset`s are); the caret line is drawn in characters (code points), so each offset is
 * converted the way `_PyPegen_byte_offset_to_character_offset` does: count the code points
 * whose encoding starts before the offset.
 */
function byteToCharOffset(chars: readonly string[], byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  for (; i < chars.length && bytes < byteOffset; i++) {
    const cp = chars[i]!.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return i;
}

/** Format the caret line for a source line (3.12). Returns null when no carets are printed. */
function caretLine(line: string, info: CaretInfo, lineno: number, entryLine: number): string | null {
  void lineno;
  const chars = Array.from(line);
  const lead = chars.length - Array.from(line.replace(/^\s+/, '')).length;
  const rstrippedLength = Array.from(line.replace(/\s+$/, '')).length;
  const at = (b: number) => byteToCharOffset(chars, b);
  const col = at(info.col);
  // A span that continues on later lines is marked to the end of this line.
  const endCol = info.endLineno !== entryLine ? rstrippedLength : at(info.endCol);
  const anchor = info.anchor === undefined ? undefined : [at(info.anchor[0]), at(info.anchor[1])];
  // Markers spanning the whole line are left out, unless they carry an anchor (a binary
  // operator or a subscript marks its `^` part even then).
  const anchored = anchor !== undefined && anchor[1]! > anchor[0]!;
  if (col <= lead && endCol >= rstrippedLength && !anchored) return null;
  let s = ' '.repeat(Math.max(0, col - lead));
  if (anchor) {
    for (let c = col; c < endCol; c++) s += c >= anchor[0]! && c < anchor[1]! ? '^' : '~';
  } else s += '^'.repeat(Math.max(1, endCol - col));
  return `    ${s}`;
}

/**
 * The traceback lines for `tb` (without the header): `File ...`, the source line and, in 3.12,
 * the caret line.
 */
export function formatTracebackEntries(heap: Heap, tb: Ref, source: SourceLookup, carets: boolean): string[] {
  return formatTracebackChunks(heap, tracebackEntries(heap, tb), source, carets).flat();
}

/** 3.x prints at most this many identical consecutive entries (TB_RECURSIVE_CUTOFF). */
const RECURSIVE_CUTOFF = 3;

/**
 * One chunk of lines per printed traceback entry (outermost first): the `File` line, the source
 * line and 3.12's caret line. 3.x replaces a run of more than three identical entries (same file,
 * line and function) after the third with `[Previous line repeated N more times]`.
 */
export function formatTracebackChunks(heap: Heap, entries: readonly Ref[], source: SourceLookup, carets: boolean): string[][] {
  const chunks: string[][] = [];
  const collapse = heap.profile.version !== '2.7';
  let lastKey = '';
  let count = 0;
  const repeated = () => {
    if (collapse && count > RECURSIVE_CUTOFF) {
      const n = count - RECURSIVE_CUTOFF;
      chunks.push([`  [Previous line repeated ${n} more time${n > 1 ? 's' : ''}]`]);
    }
  };
  for (const entry of entries) {
    const d = heap.payload[entry] as TracebackData;
    const fd = heap.payload[d.frame] as FrameData;
    const code = heap.payload[fd.code] as CodeData;
    const key = `${code.filename}\0${d.lineno}\0${code.name}`;
    if (key !== lastKey) {
      repeated();
      lastKey = key;
      count = 0;
    }
    count++;
    if (collapse && count > RECURSIVE_CUTOFF) continue;
    const lines: string[] = [`  File "${code.filename}", line ${d.lineno}, in ${code.name}`];
    const text = source(code.filename, d.lineno);
    if (text !== null) {
      const stripped = text.trim();
      if (stripped !== '') {
        lines.push(`    ${stripped}`);
        if (carets) {
          const info = tracebackCarets.get(d as object);
          if (info !== undefined) {
            const c = caretLine(text, info, d.lineno, d.lineno);
            if (c !== null) lines.push(c);
          }
        }
      }
    }
    chunks.push(lines);
  }
  repeated();
  return chunks;
}

/**
 * The full report CPython prints for an uncaught exception (or `traceback.print_exc()`),
 * including 3.12's chained exceptions.
 */
export function formatException(heap: Heap, exc: Ref, tb: Ref, source: SourceLookup, carets: boolean, seen = new Set<Ref>(), trailer?: ExceptionTrailer): string[] {
  return formatExceptionChunks(heap, exc, tb, source, carets, 'interpreter', seen, trailer).flat();
}

/** Text appended to an exception's `Type: message` line (3.12's "Did you mean" hints). */
export type ExceptionTrailer = (exc: Ref) => string;

/**
 * The report of `formatException` as the pieces the `traceback` module's `format_exception`
 * returns: the header, one piece per entry, the chaining separators, the exception line(s).
 * `style` `'module27'` names the exception the way 2.7's `traceback.format_exception_only` does
 * (the class `__name__`, no module); `exc` 0 stands for `None`.
 */
export function formatExceptionChunks(
  heap: Heap,
  exc: Ref,
  tb: Ref,
  source: SourceLookup,
  carets: boolean,
  style: 'interpreter' | 'module27' = 'interpreter',
  seen = new Set<Ref>(),
  trailer?: ExceptionTrailer,
): string[][] {
  const out: string[][] = [];
  if (exc !== 0) seen.add(exc);
  if (exc !== 0 && heap.profile.version !== '2.7' && heap.kind[exc] === Kind.EXCEPTION) {
    const data = heap.payload[exc] as ExceptionData;
    if (data.cause !== 0 && data.cause !== heap.None && !seen.has(data.cause)) {
      const cd = heap.payload[data.cause] as ExceptionData;
      out.push(...formatExceptionChunks(heap, data.cause, cd.traceback, source, carets, style, seen, trailer));
      out.push(['', 'The above exception was the direct cause of the following exception:', '']);
    } else if (data.context !== 0 && data.context !== heap.None && !data.suppressContext && !seen.has(data.context)) {
      const cd = heap.payload[data.context] as ExceptionData;
      out.push(...formatExceptionChunks(heap, data.context, cd.traceback, source, carets, style, seen, trailer));
      out.push(['', 'During handling of the above exception, another exception occurred:', '']);
    }
  }
  if (tb !== 0 && tb !== heap.None) {
    out.push(['Traceback (most recent call last):']);
    out.push(...formatTracebackChunks(heap, tracebackEntries(heap, tb), source, carets));
  }
  if (exc === 0 || exc === heap.None) {
    out.push([heap.profile.version === '2.7' ? 'None' : 'NoneType: None']);
    return out;
  }
  const syn = syntaxErrorLines(heap, exc);
  if (syn !== null) out.push(syn);
  else if (style === 'module27') {
    const name = (heap.payload[heap.typ[exc]!] as TypeData).name;
    let msg: string;
    try {
      msg = strOf(heap, exc);
    } catch {
      msg = `<unprintable ${name} object>`;
    }
    out.push([msg === '' ? name : `${name}: ${msg}`]);
  } else out.push([exceptionOnlyLine(heap, exc) + (trailer?.(exc) ?? '')]);
  return out;
}

/** 2.7's one-line unraisable report: `Exception RuntimeError: RuntimeError('oops',) in <obj> ignored`. */
export function unraisable27(heap: Heap, exc: Ref, obj: Ref): string {
  const td = heap.payload[heap.typ[exc]!] as TypeData;
  const name = (td.tflags & TypeFlag.HEAPTYPE) !== 0 && td.module !== '__main__' ? `${td.module}.${td.name}` : td.name;
  let r: string;
  try {
    // An exception raised by native code and never handled is still its bare message.
    const data = heap.payload[exc] as ExceptionData;
    const args = data.args === 0 ? [] : (heap.payload[data.args] as Ref[]);
    if (heap.lazyExceptions.has(exc)) r = args.length === 0 ? 'None' : reprOf(heap, args[0]!);
    else r = reprOf(heap, exc);
  } catch {
    r = '<unprintable>';
  }
  let o: string;
  try {
    o = obj === 0 ? '' : ` in ${reprOf(heap, obj)}`;
  } catch {
    o = ' in <object repr() failed>';
  }
  return `Exception ${name}: ${r}${o} ignored\n`;
}
