/**
 * File objects: `open()` over the runtime's file system (3.12 `_io.TextIOWrapper`, 2.7 `file`)
 * and the standard streams. Text is buffered in the object and written through `hooks.fs` on
 * `flush()`/`close()`/exit from `with`/deallocation, as CPython's buffered files do.
 */
import {
  addressText,
  call,
  dictGetItem,
  dictSetStr,
  getAttrOrNull,
  type Heap,
  Kind,
  type NativeData,
  newDict,
  newInt,
  newList,
  newStr,
  newUnicode,
  type Ref,
  setAttr,
  strRepr,
  callMethod,
} from '@heaplab/heap';
import { libState } from '../state.js';
import { newBytes, utf8Encode } from '../strutil.js';
import { checkArity, is27, isUnicode27, newRef, none, parseArgs, pyBool, pyErr,
  pyErrNoArgs, tpName, typeError } from '../util.js';
import { getset, makeType, method, setSlot } from './define.js';
import { newOSError } from './exceptions.js';

/** JS-side state of a file object. */
export interface FileState {
  name: string;
  mode: string;
  /** Text being read (whole file), or null for write-only files. */
  content: string | null;
  pos: number;
  closed: boolean;
  binary: boolean;
  readable: boolean;
  writable: boolean;
  /** Text written but not yet flushed. */
  pending: string;
  /** Flush by appending (else by rewriting the whole file with `content`). */
  append: boolean;
  /** Standard stream sink (bypasses the file system), or null. */
  sink: ((text: string) => void) | null;
  /** 2.7 `softspace`. */
  softspace: number;
  encoding: string | null;
  fd: number;
}

/** The file type of the heap's profile (created on first use). */
function fileType(heap: Heap): Ref {
  return libState(heap).types.get(is27(heap) ? 'file' : 'TextIOWrapper') ?? 0;
}

/**
 * Is `r` one of our file objects?
 *
 * @example
 * ```ts
 * isFileObject(heap, newStdStream(heap, '<stdout>', null)); // true
 * ```
 */
export function isFileObject(heap: Heap, r: Ref): boolean {
  return heap.kind[r] === Kind.NATIVE && heap.typ[r] === fileType(heap);
}

function state(heap: Heap, f: Ref): FileState {
  return (heap.payload[f] as NativeData).ext as FileState;
}

function newFileObject(heap: Heap, st: FileState): Ref {
  const data: NativeData = { refs: [], ext: st };
  const r = heap.alloc(fileType(heap), Kind.NATIVE, data);
  if (heap.isGc(r)) heap.track(r); // 2.7's file type is not a GC type; 3.12's TextIOWrapper is
  return r;
}

/**
 * A standard stream (`sys.stdout`, `sys.stderr`, `sys.stdin`) writing through `sink` (new
 * reference). 2.7 streams have no encoding when not attached to a terminal, so writing non-ASCII
 * unicode raises UnicodeEncodeError, as CPython 2.7 does under a pipe.
 *
 * @example
 * ```ts
 * const out = newStdStream(heap, '<stdout>', (t) => process.stdout.write(t));
 * ```
 */
export function newStdStream(heap: Heap, name: '<stdout>' | '<stderr>' | '<stdin>', sink: ((text: string) => void) | null, input = ''): Ref {
  const reading = name === '<stdin>';
  return newFileObject(heap, {
    name,
    mode: reading ? 'r' : 'w',
    content: reading ? input : null,
    pos: 0,
    closed: false,
    binary: false,
    readable: reading,
    writable: !reading,
    pending: '',
    append: true,
    sink,
    softspace: 0,
    encoding: is27(heap) ? null : 'utf-8',
    fd: name === '<stdin>' ? 0 : name === '<stdout>' ? 1 : 2,
  });
}

function closedError(heap: Heap): Error {
  return pyErr(heap, heap.t.ValueError, is27(heap) ? 'I/O operation on closed file' : 'I/O operation on closed file.');
}

function unsupported(heap: Heap, what: 'readable' | 'writable'): Error {
  if (is27(heap)) return pyErr(heap, heap.t.IOError, what === 'readable' ? 'File not open for reading' : 'File not open for writing');
  const t = libState(heap).types.get('UnsupportedOperation') ?? heap.t.OSError;
  return pyErr(heap, t, what === 'readable' ? 'not readable' : 'not writable');
}

function flushFile(heap: Heap, st: FileState): void {
  if (st.pending.length === 0) return;
  const text = st.pending;
  st.pending = '';
  if (st.sink !== null) {
    st.sink(text);
    return;
  }
  const fs = libState(heap).hooks.fs;
  const data = st.binary ? text : is27(heap) ? text : utf8Encode(text);
  if (st.append) fs.appendFile(st.name, data);
  else fs.writeFile(st.name, data);
}

/**
 * Write text to a file-like object: fast for our files, else `file.write(s)`.
 *
 * @example
 * ```ts
 * writeTo(heap, hooks.stdout(), 'hello\n');
 * ```
 */
export function writeTo(heap: Heap, file: Ref, text: string | Ref): void {
  if (isFileObject(heap, file)) {
    const st = state(heap, file);
    if (typeof text === 'string') {
      writeText(heap, file, st, text);
      return;
    }
  }
  const s = typeof text === 'string' ? newStr(heap, text) : newRef(heap, text);
  try {
    heap.decref(callMethod(heap, file, 'write', [s]));
  } finally {
    heap.decref(s);
  }
}

function writeText(heap: Heap, file: Ref, st: FileState, text: string): void {
  void file;
  if (st.closed) throw closedError(heap);
  if (!st.writable) throw unsupported(heap, 'writable');
  st.softspace = 0;
  if (st.sink !== null) {
    if (text.length > 0) st.sink(text);
    return;
  }
  if (!st.append && st.content !== null) {
    // Read/write file: overwrite at the position.
    st.content = st.content.slice(0, st.pos) + text + st.content.slice(st.pos + text.length);
    st.pos += text.length;
    st.pending = st.content;
    flushFile(heap, st);
    return;
  }
  st.pending += text;
  if (st.pending.length > 8192) flushFile(heap, st);
}

/**
 * 2.7 `PyFile_SoftSpace(f, newflag)`: returns the old flag and sets the new one.
 *
 * @example
 * ```ts
 * softspace(heap, stdout, 1); // returns the previous flag
 * ```
 */
export function softspace(heap: Heap, f: Ref, newflag: number): number {
  if (isFileObject(heap, f)) {
    const st = state(heap, f);
    const old = st.softspace;
    st.softspace = newflag;
    return old;
  }
  let old = 0;
  const v = getAttrOrNull(heap, f, 'softspace');
  if (v !== 0) {
    if (heap.kind[v] === Kind.INT || heap.kind[v] === Kind.BOOL) old = Number(heap.payload[v]);
    heap.decref(v);
  }
  const n = newInt(heap, newflag);
  try {
    setAttr(heap, f, 'softspace', n);
  } catch (e) {
    if (heap.isExceptionOf(e, heap.t.Exception)) heap.decref(e.exc);
    else throw e;
  } finally {
    heap.decref(n);
  }
  return old;
}

/**
 * `open(name, mode)` (new reference).
 *
 * @example
 * ```ts
 * const f = openFile(heap, 'notes.txt', 'w'); // writes go through hooks.fs
 * ```
 */
export function openFile(heap: Heap, name: string, mode: string): Ref {
  const base = mode.replace(/[bt+U]/g, '');
  const plus = mode.includes('+');
  const binary = mode.includes('b');
  const v27 = is27(heap);
  if (!/^[rwax]?$/.test(base) || base.length !== 1 || (mode.match(/[rwax]/g) ?? []).length > 1 || (binary && mode.includes('t'))) {
    if (v27) throw pyErr(heap, heap.t.ValueError, `mode string must begin with one of 'r', 'w', 'a' or 'U', not '${mode}'`);
    throw pyErr(heap, heap.t.ValueError, `invalid mode: '${mode}'`);
  }
  const fs = libState(heap).hooks.fs;
  let content: string | null = null;
  if (base === 'r' || (plus && base === 'a')) {
    const data = fs.readFile(name);
    if (data === null) {
      if (base === 'r') throw newOSError(heap, v27 ? heap.t.IOError : heap.t.FileNotFoundError, 2, 'No such file or directory', name);
      content = '';
    } else content = data;
    if (content !== null && !binary && !v27) content = content.replace(/\r\n?/g, '\n');
  }
  if (base === 'x' && fs.readFile(name) !== null) throw newOSError(heap, v27 ? heap.t.IOError : (heap.t.exceptionsByName.get('FileExistsError') ?? heap.t.OSError), 17, 'File exists', name);
  if (base === 'w' || base === 'x') {
    fs.writeFile(name, '');
    if (plus) content = '';
  }
  const st: FileState = {
    name,
    mode: v27 ? mode : mode.replace('t', ''),
    content,
    pos: 0,
    closed: false,
    binary,
    readable: base === 'r' || plus,
    writable: base !== 'r' || plus,
    pending: '',
    append: base !== 'r' || !plus,
    sink: null,
    softspace: 0,
    encoding: binary ? null : 'UTF-8',
    fd: 3,
  };
  if (base === 'r' && plus) st.append = false;
  return newFileObject(heap, st);
}

function readResult(heap: Heap, st: FileState, s: string): Ref {
  if (st.binary && !is27(heap)) return newBytes(heap, s);
  return newStr(heap, s);
}

function readline(st: FileState, limit: number): string {
  const c = st.content ?? '';
  if (st.pos >= c.length) return '';
  let end = c.indexOf('\n', st.pos);
  end = end < 0 ? c.length : end + 1;
  if (limit >= 0 && end - st.pos > limit) end = st.pos + limit;
  const line = c.slice(st.pos, end);
  st.pos = end;
  return line;
}

function checkReadable(heap: Heap, st: FileState): void {
  if (st.closed) throw closedError(heap);
  if (!st.readable) throw unsupported(heap, 'readable');
}

/**
 * 3.x: a file object deallocated while open issues `ResourceWarning: unclosed file ...`. The
 * start-up filters ignore it, so nothing is printed, but the warning machinery (`setup_context`)
 * still gives the globals of the running frame a `__warningregistry__` dict, `{'version': 0}`
 * (version = the filters' version, 0 while no filter was changed). So after
 * `open(name).read()` at module level a 3.12 script's globals have one more entry.
 */
function unclosedFileWarning(heap: Heap): void {
  let globals: Ref;
  try {
    globals = libState(heap).hooks.globals();
  } catch {
    return; // no running frame
  }
  if (globals === 0 || heap.kind[globals] !== Kind.DICT) return;
  const key = newStr(heap, '__warningregistry__');
  try {
    const reg = dictGetItem(heap, globals, key);
    if (reg !== 0 && heap.kind[reg] === Kind.DICT) return;
    const d = newDict(heap);
    const zero = newInt(heap, 0);
    dictSetStr(heap, d, 'version', zero);
    heap.decref(zero);
    dictSetStr(heap, globals, '__warningregistry__', d);
    heap.decref(d);
  } finally {
    heap.decref(key);
  }
}

function closeFile(heap: Heap, st: FileState): void {
  if (st.closed) return;
  flushFile(heap, st);
  if (st.sink === null) st.closed = true;
}

function fileRepr(heap: Heap, f: Ref): string {
  const st = state(heap, f);
  if (is27(heap)) return `<${st.closed ? 'closed' : 'open'} file ${strRepr(st.name, 'bytes')}, mode ${strRepr(st.mode, 'bytes')} at ${addressText(heap, f)}>`;
  if (st.closed) return '<_io.TextIOWrapper [closed]>';
  return `<_io.TextIOWrapper name=${strRepr(st.name, 'str3')} mode=${strRepr(st.mode, 'str3')} encoding=${strRepr(st.encoding ?? 'UTF-8', 'str3')}>`;
}

/**
 * Install the file type (and 3.12 `io.UnsupportedOperation`).
 *
 * @example
 * ```ts
 * installFileType(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installFileType(heap: Heap): void {
  const v27 = is27(heap);
  const T = makeType(
    heap,
    v27
      ? { name: 'file', basetype: true, gc: false } // 2.7's PyFile_Type is not a GC type
      : { name: 'TextIOWrapper', module: '_io', tpName: '_io.TextIOWrapper', basetype: true },
  );
  if (!v27) {
    makeType(heap, { name: 'UnsupportedOperation', module: 'io', tpName: 'io.UnsupportedOperation', base: heap.t.OSError, layout: Kind.EXCEPTION, basetype: true });
  }
  setSlot(heap, T, 'repr', fileRepr);
  setSlot(heap, T, 'iter', (h, f) => {
    if (state(h, f).closed) throw closedError(h);
    return newRef(h, f);
  });
  setSlot(heap, T, 'iternext', (h, f) => {
    const st = state(h, f);
    checkReadable(h, st);
    const line = readline(st, -1);
    if (line.length === 0) return 0;
    return readResult(h, st, line);
  });
  setSlot(heap, T, 'clear', (h, f) => {
    const st = state(h, f);
    if (st.sink !== null) return;
    if (!st.closed && !is27(h)) unclosedFileWarning(h);
    closeFile(h, st);
  });
  method(heap, T, 'read', (h, f, args, kw) => {
    const [n] = parseArgs(h, args, kw, { fname: 'read', names: ['size'], required: 0 });
    const st = state(h, f);
    checkReadable(h, st);
    const c = st.content ?? '';
    let size = -1;
    if (n !== 0 && n !== h.None) size = Number(h.payload[n!] as number);
    const end = size < 0 ? c.length : Math.min(c.length, st.pos + size);
    const s = c.slice(st.pos, end);
    st.pos = end;
    return readResult(h, st, s);
  });
  method(heap, T, 'readline', (h, f, args, kw) => {
    const [n] = parseArgs(h, args, kw, { fname: 'readline', names: ['size'], required: 0 });
    const st = state(h, f);
    checkReadable(h, st);
    const size = n === 0 || n === h.None ? -1 : Number(h.payload[n!] as number);
    return readResult(h, st, readline(st, size));
  });
  method(heap, T, 'readlines', (h, f, args, kw) => {
    checkArity(h, 'readlines', args, kw, 0, 1, 'unpack');
    const st = state(h, f);
    checkReadable(h, st);
    const lines: Ref[] = [];
    for (;;) {
      const line = readline(st, -1);
      if (line.length === 0) break;
      lines.push(readResult(h, st, line));
    }
    const l = newList(h, lines);
    for (const x of lines) h.decref(x);
    return l;
  });
  method(heap, T, 'write', (h, f, args, kw) => {
    checkArity(h, 'write', args, kw, 1, 1, v27 ? 'parse' : 'unpack');
    const st = state(h, f);
    const x = args[0]!;
    let text: string;
    if (st.binary && !v27) {
      if (h.kind[x] !== Kind.BYTES) throw typeError(h, `a bytes-like object is required, not '${tpName(h, x)}'`);
      text = h.payload[x] as string;
    } else if (h.kind[x] !== Kind.STR) {
      if (v27) throw typeError(h, 'expected a string or other character buffer object');
      throw typeError(h, `write() argument must be str, not ${tpName(h, x)}`);
    } else {
      text = h.payload[x] as string;
      if (v27 && isUnicode27(h, x)) text = encodeForFile(h, st, text);
    }
    if (st.closed) throw closedError(h);
    writeText(h, f, st, text);
    return v27 ? none(h) : newInt(h, text.length);
  });
  method(heap, T, 'writelines', (h, f, args, kw) => {
    checkArity(h, 'writelines', args, kw, 1, 1, 'one');
    const st = state(h, f);
    const items = collectStrs(h, args[0]!);
    for (const s of items) writeText(h, f, st, s);
    return none(h);
  });
  method(heap, T, 'flush', (h, f) => {
    const st = state(h, f);
    if (st.closed) throw closedError(h);
    flushFile(h, st);
    return none(h);
  });
  method(heap, T, 'close', (h, f) => {
    closeFile(h, state(h, f));
    return none(h);
  });
  method(heap, T, '__enter__', (h, f) => {
    if (state(h, f).closed) throw closedError(h);
    return newRef(h, f);
  });
  method(heap, T, '__exit__', (h, f) => {
    closeFile(h, state(h, f));
    return none(h);
  });
  method(heap, T, v27 ? 'next' : '__next__', (h, f) => {
    const st = state(h, f);
    checkReadable(h, st);
    const line = readline(st, -1);
    if (line.length === 0) throw pyErrNoArgs(h, h.t.StopIteration);
    return readResult(h, st, line);
  });
  method(heap, T, '__iter__', (h, f) => newRef(h, f));
  method(heap, T, 'tell', (h, f) => newInt(h, state(h, f).pos));
  method(heap, T, 'seek', (h, f, args, kw) => {
    checkArity(h, 'seek', args, kw, 1, 2, 'unpack');
    const st = state(h, f);
    const off = Number(h.payload[args[0]!] as number);
    const whence = args.length > 1 ? Number(h.payload[args[1]!] as number) : 0;
    const len = (st.content ?? '').length;
    st.pos = whence === 0 ? off : whence === 1 ? st.pos + off : len + off;
    return newInt(h, st.pos);
  });
  method(heap, T, 'fileno', (h, f) => newInt(h, state(h, f).fd));
  method(heap, T, 'isatty', (h) => pyBool(h, false));
  method(heap, T, 'readable', (h, f) => pyBool(h, state(h, f).readable));
  method(heap, T, 'writable', (h, f) => pyBool(h, state(h, f).writable));
  getset(heap, T, 'closed', (h, f) => pyBool(h, state(h, f).closed));
  getset(heap, T, 'name', (h, f) => newStr(h, state(h, f).name));
  getset(heap, T, 'mode', (h, f) => newStr(h, state(h, f).mode));
  getset(heap, T, 'encoding', (h, f) => {
    const e = state(h, f).encoding;
    return e === null ? none(h) : newStr(h, e);
  });
  if (v27) {
    getset(
      heap,
      T,
      'softspace',
      (h, f) => newInt(h, state(h, f).softspace),
      (h, f, v) => {
        state(h, f).softspace = v === 0 ? 0 : Number(h.payload[v] as number) ? 1 : 0;
      },
    );
  }
  void newUnicode;
  void call;
}

function encodeForFile(heap: Heap, st: FileState, text: string): string {
  if (st.encoding === null || st.encoding.toLowerCase() !== 'utf-8') {
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 127) {
        const esc = cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
        throw pyErr(heap, heap.t.UnicodeEncodeError, `'ascii' codec can't encode character u'${esc}' in position ${i}: ordinal not in range(128)`);
      }
    }
    return text;
  }
  return utf8Encode(text);
}

function collectStrs(heap: Heap, seq: Ref): string[] {
  const out: string[] = [];
  const items = heap.kind[seq] === Kind.LIST || heap.kind[seq] === Kind.TUPLE ? (heap.payload[seq] as Ref[]) : null;
  if (items !== null) {
    for (const x of items) {
      if (heap.kind[x] !== Kind.STR) throw typeError(heap, is27(heap) ? 'writelines() argument must be a sequence of strings' : `write() argument must be str, not ${tpName(heap, x)}`);
      out.push(heap.payload[x] as string);
    }
    return out;
  }
  throw typeError(heap, 'writelines() requires an iterable of strings');
}
