/**
 * `bytearray` (basic: construction, indexing and slicing, item assignment, append/extend/pop,
 * concatenation, comparison with bytes, decode) and iteration of 3.12 `bytes` as ints. A
 * bytearray is a non-GC object of the BYTES layout whose payload string (one char per byte) is
 * replaced on mutation.
 */
import {
  CompareOp,
  type Heap,
  Kind,
  type NativeData,
  newInt,
  newStr,
  newUnicode,
  type Ref,
  strRepr,
} from '@heaplab/heap';
import { libState, registerSeq } from '../state.js';
import { sliceIndices } from '../subscript.js';
import { cpSlice, utf8Decode } from '../strutil.js';
import { checkArity, forEach, indexValue, indexValueOrNull, is27, newRef, none, notImpl, parseArgs, pyBool, pyErr,
  pyErrNoArgs, tpName, typeError } from '../util.js';
import { allocOf, defineNew, makeType, method, setSlot } from './define.js';

function bytesOf(heap: Heap, r: Ref): string {
  return heap.payload[r] as string;
}

/** A new bytearray holding `s` (one char per byte). */
function newByteArray(heap: Heap, s: string, cls = 0): Ref {
  return allocOf(heap, cls || libState(heap).types.get('bytearray')!, Kind.BYTES, s);
}

function byteValue(heap: Heap, r: Ref): number {
  const v = indexValue(heap, r);
  if (typeof v === 'bigint' || v < 0 || v > 255) throw pyErr(heap, heap.t.ValueError, 'byte must be in range(0, 256)');
  return v;
}

/** The bytes of a bytes-like argument (bytes, bytearray, 2.7 str), or null. */
function bytesLike(heap: Heap, r: Ref): string | null {
  const k = heap.kind[r];
  if (k === Kind.BYTES) return heap.payload[r] as string;
  if (k === Kind.STR && is27(heap) && heap.typ[r] === heap.t.str) return heap.payload[r] as string;
  return null;
}

function fromSource(heap: Heap, src: Ref, encoding: Ref, errors: Ref): string {
  void errors;
  if (heap.kind[src] === Kind.STR && (encoding !== 0 || !is27(heap) || heap.typ[src] !== heap.t.str)) {
    if (encoding === 0) throw typeError(heap, 'string argument without an encoding');
    const enc = (heap.payload[encoding] as string).toLowerCase().replace(/[-_]/g, '');
    const s = heap.payload[src] as string;
    if (enc === 'utf8') return Array.from(new TextEncoder().encode(s), (b) => String.fromCharCode(b)).join('');
    return s;
  }
  const b = bytesLike(heap, src);
  if (b !== null) return b;
  const n = indexValueOrNull(heap, src);
  if (n !== null) {
    if (typeof n === 'bigint' || n < 0) throw pyErr(heap, heap.t.ValueError, 'negative count');
    return '\0'.repeat(n);
  }
  let out = '';
  forEach(heap, src, (x) => {
    out += String.fromCharCode(byteValue(heap, x));
  });
  return out;
}

function iterNextBytes(heap: Heap, it: Ref): Ref {
  const d = heap.payload[it] as NativeData;
  const seq = d.refs[0];
  if (seq === undefined || seq === 0) return 0;
  const ext = d.ext as { i: number };
  const s = heap.payload[seq] as string;
  if (ext.i < s.length) return newInt(heap, s.charCodeAt(ext.i++));
  d.refs[0] = 0;
  heap.decref(seq);
  return 0;
}

function newBytesIterator(heap: Heap, seq: Ref): Ref {
  heap.incref(seq);
  const data: NativeData = { refs: [seq], ext: { i: 0 } };
  const r = heap.alloc(libState(heap).types.get(is27(heap) ? 'bytearray_iterator' : 'bytes_iterator')!, Kind.NATIVE, data);
  heap.track(r);
  return r;
}

/**
 * Install bytearray (and int iteration of 3.12 bytes).
 *
 * @example
 * ```ts
 * installByteArray(heap); // (installBuiltinTypes does this)
 * ```
 */
export function installByteArray(heap: Heap): void {
  const v27 = is27(heap);
  const BA = makeType(heap, { name: 'bytearray', gc: false, basetype: true, layout: Kind.BYTES });
  const itType = makeType(heap, { name: v27 ? 'bytearray_iterator' : 'bytes_iterator', slots: { iternext: iterNextBytes } });
  if (!v27) makeType(heap, { name: 'bytearray_iterator', slots: { iternext: iterNextBytes } });
  method(heap, itType, '__iter__', (h, self) => newRef(h, self));
  method(heap, itType, v27 ? 'next' : '__next__', (h, self) => {
    const r = iterNextBytes(h, self);
    if (r === 0) throw pyErrNoArgs(h, h.t.StopIteration);
    return r;
  });
  setSlot(heap, BA, 'iter', newBytesIterator);
  if (!v27) setSlot(heap, heap.t.bytes, 'iter', newBytesIterator);

  defineNew(heap, BA, (h, cls, args, kw) => {
    const [src, enc, err] = parseArgs(h, args, kw, { fname: 'bytearray', names: ['source', 'encoding', 'errors'], required: 0, legacy: true });
    const s = src === 0 ? '' : fromSource(h, src!, enc || 0, err || 0);
    return newByteArray(h, s, cls === BA ? 0 : cls);
  });
  method(heap, BA, '__init__', (h) => none(h));
  setSlot(heap, BA, 'repr', (h, self) => `${h.typeOf(self).name}(b${strRepr(bytesOf(h, self), 'bytes')})`);
  setSlot(heap, BA, 'str', (h, self) => (v27 ? bytesOf(h, self) : `bytearray(b${strRepr(bytesOf(h, self), 'bytes')})`));
  setSlot(heap, BA, 'hash', (h) => {
    throw typeError(h, "unhashable type: 'bytearray'");
  });
  setSlot(heap, BA, 'richcompare', (h, a, b, op) => {
    const x = bytesOf(h, a);
    const y = bytesLike(h, b);
    if (y === null) return notImpl(h);
    const c = x < y ? -1 : x > y ? 1 : 0;
    const r = [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op as CompareOp]!;
    return pyBool(h, r);
  });
  setSlot(heap, BA, 'getitem', (h, self, key) => {
    const s = bytesOf(h, self);
    if (h.kind[key] === Kind.SLICE) {
      const sl = sliceIndices(h, key, s.length);
      return newByteArray(h, cpSlice(s, sl.start, sl.stop, sl.step, sl.count));
    }
    const i = indexValueOrNull(h, key);
    if (i === null) throw typeError(h, v27 ? 'bytearray indices must be integers' : `bytearray indices must be integers or slices, not ${tpName(h, key)}`);
    const j = Number(i) < 0 ? Number(i) + s.length : Number(i);
    if (j < 0 || j >= s.length) throw pyErr(h, h.t.IndexError, 'bytearray index out of range');
    return newInt(h, s.charCodeAt(j));
  });
  setSlot(heap, BA, 'setitem', (h, self, key, value) => {
    const s = bytesOf(h, self);
    if (h.kind[key] === Kind.SLICE) {
      const sl = sliceIndices(h, key, s.length);
      if (sl.step !== 1) throw pyErr(h, h.t.NotImplementedError, 'extended slice assignment of bytearray is not supported by HeapLab');
      const repl = value === 0 ? '' : fromSource(h, value, 0, 0);
      h.payload[self] = s.slice(0, sl.start) + repl + s.slice(Math.max(sl.start, sl.stop));
      return;
    }
    const i = indexValueOrNull(h, key);
    if (i === null) throw typeError(h, v27 ? 'bytearray indices must be integers' : `bytearray indices must be integers or slices, not ${tpName(h, key)}`);
    const j = Number(i) < 0 ? Number(i) + s.length : Number(i);
    if (j < 0 || j >= s.length) throw pyErr(h, h.t.IndexError, 'bytearray index out of range');
    if (value === 0) h.payload[self] = s.slice(0, j) + s.slice(j + 1);
    else h.payload[self] = s.slice(0, j) + String.fromCharCode(byteValue(h, value)) + s.slice(j + 1);
  });
  registerSeq(heap, BA, {
    concat: (h, v, w) => {
      const y = bytesLike(h, w);
      if (y === null) throw typeError(h, `can't concat ${tpName(h, w)} to bytearray`);
      return newByteArray(h, bytesOf(h, v) + y);
    },
    repeat: (h, v, n) => newByteArray(h, n > 0 ? bytesOf(h, v).repeat(n) : ''),
    inplaceConcat: (h, v, w) => {
      const y = bytesLike(h, w);
      if (y === null) throw typeError(h, `can't concat ${tpName(h, w)} to bytearray`);
      h.payload[v] = bytesOf(h, v) + y;
      return newRef(h, v);
    },
  });
  method(heap, BA, 'append', (h, self, args, kw) => {
    checkArity(h, v27 ? 'append' : 'bytearray.append', args, kw, 1, 1, 'one');
    h.payload[self] = bytesOf(h, self) + String.fromCharCode(byteValue(h, args[0]!));
    return none(h);
  });
  method(heap, BA, 'extend', (h, self, args, kw) => {
    checkArity(h, v27 ? 'extend' : 'bytearray.extend', args, kw, 1, 1, 'one');
    h.payload[self] = bytesOf(h, self) + fromSource(h, args[0]!, 0, 0);
    return none(h);
  });
  method(heap, BA, 'pop', (h, self, args, kw) => {
    checkArity(h, 'pop', args, kw, 0, 1, 'unpack');
    const s = bytesOf(h, self);
    if (s.length === 0) throw pyErr(h, h.t.IndexError, 'pop from empty bytearray');
    let i = args.length > 0 ? Number(indexValue(h, args[0]!)) : -1;
    if (i < 0) i += s.length;
    if (i < 0 || i >= s.length) throw pyErr(h, h.t.IndexError, 'pop index out of range');
    h.payload[self] = s.slice(0, i) + s.slice(i + 1);
    return newInt(h, s.charCodeAt(i));
  });
  method(heap, BA, 'decode', (h, self, args, kw) => {
    const [enc] = parseArgs(h, args, kw, { fname: 'decode', names: ['encoding', 'errors'], required: 0 });
    const e = enc === 0 ? (v27 ? 'ascii' : 'utf-8') : (h.payload[enc!] as string);
    const s = bytesOf(h, self);
    const text = e.toLowerCase().replace(/[-_]/g, '') === 'utf8' ? (utf8Decode(s) ?? s) : s;
    return v27 ? newUnicode(h, text) : newStr(h, text);
  });
  method(heap, BA, 'copy', (h, self) => newByteArray(h, bytesOf(h, self)));
  method(heap, BA, '__len__', (h, self) => newInt(h, bytesOf(h, self).length));
  method(heap, BA, '__iter__', (h, self) => newBytesIterator(h, self));
}
