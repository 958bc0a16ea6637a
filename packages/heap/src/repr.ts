/**
 * `repr()` and `str()` of objects, as CPython formats them per version: float shortest-repr
 * rules, string quoting and escaping, `[...]` for recursive containers, `<__main__.A object at
 * 0x...>` for instances, `<bound method A.f of ...>`, `ValueError('x')` vs `ValueError('x',)`...
 * A class's own `__repr__`/`__str__` runs through its type slot.
 */
import { PRINTABLE_RUNS_UNICODE_15_0_0 } from './printable.js';
import type { Heap } from './heap.js';
import { Kind } from './kinds.js';
import type {
  BuiltinData,
  ClassicClassData,
  CodeData,
  DescriptorData,
  ExceptionData,
  FrameData,
  FunctionData,
  WeakrefData,
} from './layouts.js';
import { dictSetStr, newDict, newList, newTuple, type DictData, type ModuleData } from './objects.js';
import type { Ref } from './ref.js';
import type { SetStore } from './set.js';
import { TypeFlag, type TypeData } from './typedata.js';

/** Objects whose repr is being computed (CPython's Py_ReprEnter). */
const reprActive = new Set<Ref>();

/** `%p`-style address text. */
export function addressText(heap: Heap, r: Ref): string {
  return `0x${heap.addressOf(r).toString(16)}`;
}

// ---- floats --------------------------------------------------------------------------------

/**
 * Python's `repr(float)`: the shortest digits that round-trip, in fixed notation when the
 * decimal exponent is in [-4, 16), else exponent notation with a sign and at least two digits.
 *
 * @example
 * ```ts
 * import { floatRepr } from '@heaplab/heap';
 * floatRepr(1e16);   // '1e+16'
 * floatRepr(0.1);    // '0.1'
 * floatRepr(3.0);    // '3.0'
 * ```
 */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let out: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp >= 0) {
    if (digits.length <= exp + 1) out = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
    else out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  } else {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return neg ? `-${out}` : out;
}

/**
 * `'%.{precision}g'` formatting as C's printf does it (used by 2.7's `str(float)`, which is
 * `%.12g`).
 *
 * @example
 * ```ts
 * import { formatG } from '@heaplab/heap';
 * formatG(0.1 + 0.2, 12); // '0.3'
 * ```
 */
export function formatG(x: number, precision: number, alt = false): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const p = precision === 0 ? 1 : precision;
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [, expStr] = x.toExponential(p - 1).split('e') as [string, string];
  const exp = Number(expStr);
  let s: string;
  if (exp < -4 || exp >= p) {
    const [m, e] = x.toExponential(p - 1).split('e') as [string, string];
    const mm = alt ? m : m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const en = Number(e);
    s = `${mm}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  } else {
    s = x.toFixed(Math.max(0, p - 1 - exp));
    if (!alt && s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  }
  return s;
}

/** `str(float)`: 2.7 uses 12 significant digits; 3.x is the same as repr. */
export function floatStr(heap: Heap, x: number): string {
  if (heap.profile.version === '2.7') {
    const s = formatG(x, 12);
    if (/^-?\d+$/.test(s)) return `${s}.0`;
    return s;
  }
  return floatRepr(x);
}

// ---- strings -------------------------------------------------------------------------------

let printableBounds: Int32Array | null = null;

/**
 * Is code point `cp` printable for CPython 3.12 (`str.isprintable()`, what `repr()` of a str keeps
 * as it is)? Not printable: categories Cc, Cf, Cs, Co, Cn, Zl, Zp, and Zs other than the space,
 * by CPython 3.12.1's Unicode 15.0.0 database.
 *
 * @example
 * ```ts
 * import { isPrintable } from '@heaplab/heap';
 * isPrintable(0xe9); // true: 'é'
 * isPrintable(0xa0); // false: NO-BREAK SPACE (Zs)
 * ```
 */
export function isPrintable(cp: number): boolean {
  if (cp >= 0x20 && cp < 0x7f) return true;
  if (printableBounds === null) {
    const runs = PRINTABLE_RUNS_UNICODE_15_0_0.split(',');
    printableBounds = new Int32Array(runs.length);
    let at = 0;
    for (let i = 0; i < runs.length; i++) {
      at += parseInt(runs[i]!, 36);
      printableBounds[i] = at;
    }
  }
  // printableBounds[i] ends run i; even runs are not printable.
  const b = printableBounds;
  let lo = 0;
  let hi = b.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid]! > cp) hi = mid;
    else lo = mid + 1;
  }
  return (lo & 1) === 1;
}

/**
 * Python's repr of a string. `kind` chooses the rules: `'str3'` (3.x str: printable Unicode
 * kept), `'bytes'` (2.7 str / 3.x bytes: everything >= 0x7f escaped as \xNN), `'unicode27'`
 * (2.7 unicode: non-ASCII as \xNN/\uNNNN/\UNNNNNNNN).
 *
 * @example
 * ```ts
 * import { strRepr } from '@heaplab/heap';
 * strRepr("it's", 'str3'); // "\"it's\""
 * ```
 */
export function strRepr(s: string, kind: 'str3' | 'bytes' | 'unicode27'): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x7f) out += ch;
    else if (kind === 'bytes') out += `\\x${(cp & 0xff).toString(16).padStart(2, '0')}`;
    else if (kind === 'str3' && isPrintable(cp)) out += ch;
    else if (cp <= 0xff) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out + quote;
}

// ---- objects -------------------------------------------------------------------------------

function typeQualifiedName(heap: Heap, type: Ref): string {
  const td = heap.payload[type] as TypeData;
  if (td.module === 'builtins' || td.module === '__builtin__') return td.qualname;
  return `${td.module}.${td.qualname}`;
}

function objectDefaultRepr(heap: Heap, r: Ref): string {
  const td = heap.payload[heap.typ[r]!] as TypeData;
  if ((td.tflags & TypeFlag.HEAPTYPE) === 0 && heap.profile.version === '2.7') return `<${td.tpName} object at ${addressText(heap, r)}>`;
  return `<${typeQualifiedName(heap, heap.typ[r]!)} object at ${addressText(heap, r)}>`;
}

function intRepr(heap: Heap, r: Ref): string {
  const v = heap.payload[r] as number | bigint;
  const s = typeof v === 'bigint' ? v.toString() : String(v);
  if (heap.profile.hasLongType && heap.typ[r] === heap.t.long) return `${s}L`;
  return s;
}

/**
 * Py_ReprEnter's one-time allocations: the first container repr creates the thread state's dict
 * and the `Py_Repr` list stored in it (both tracked, kept for the life of the interpreter), which
 * `gc.get_count()` and `gc.get_objects()` see. Exported for imports whose module code reprs a
 * container in CPython (2.7 objgraph's imports build a namedtuple, which reprs a tuple).
 */
export function reprEnterState(heap: Heap): void {
  if (heap.threadStateDict !== 0) return;
  const d = newDict(heap);
  heap.threadStateDict = d;
  const list = newList(heap, []);
  dictSetStr(heap, d, 'Py_Repr', list);
  heap.decref(list);
}

/**
 * 2.7's reprs collect the item reprs in a temporary container (`pieces`: a tuple of the tuple's
 * size, a list for lists and dicts), allocated after the empty check and freed at the end. 3.12
 * writes into a string writer instead. Returns the temporary (owned) or 0.
 */
function reprPieces(heap: Heap, kind: 'tuple' | 'list', n: number): Ref {
  if (!heap.profile.reprBuildsPieces || n === 0) return 0;
  if (kind === 'list') return newList(heap, []);
  const items = new Array<Ref>(n).fill(heap.None);
  return newTuple(heap, items);
}

/**
 * The container 2.7's `PyObject_Print` is writing through its `tp_print` (0 when none): set just
 * before its repr is computed, taken by seqRepr/dictRepr. See `printText27`.
 */
let tpPrintTarget: Ref = 0;

function hasTpPrint27(heap: Heap, r: Ref): boolean {
  const ty = heap.typ[r];
  return ty === heap.t.tuple || ty === heap.t.list || ty === heap.t.dict;
}

/** repr of an item of a container being printed: tp_print again for exact tuples/lists/dicts. */
function itemRepr(heap: Heap, direct: boolean, item: Ref): string {
  if (direct && hasTpPrint27(heap, item)) tpPrintTarget = item;
  try {
    return reprOf(heap, item);
  } finally {
    tpPrintTarget = 0;
  }
}

/**
 * The text 2.7's `print` writes for `v` to a real file object (`PyFile_WriteObject` →
 * `PyObject_Print`). Exact tuples, lists and dicts have a `tp_print` (tupleprint, list_print,
 * dict_print) that writes item by item — the same text as their repr, but without the `pieces`
 * container their repr allocates, and tupleprint never calls Py_ReprEnter; their items are printed
 * the same way. Anything else is written as its str.
 */
export function printText27(heap: Heap, v: Ref): string {
  if (heap.profile.version !== '2.7' || !hasTpPrint27(heap, v)) return strOf(heap, v);
  return itemRepr(heap, true, v);
}

function seqRepr(heap: Heap, r: Ref, open: string, close: string, items: readonly Ref[]): string {
  const direct = tpPrintTarget === r;
  tpPrintTarget = 0;
  // Tuples never enter for `()`; lists do in 2.7 but check for `[]` first in 3.12; 2.7's
  // tupleprint not at all.
  if ((items.length > 0 || (open === '[' && !heap.profile.emptyListReprSkipsReprEnter)) && !(direct && open === '(')) reprEnterState(heap);
  if (reprActive.has(r)) return `${open}...${close}`;
  reprActive.add(r);
  const pieces = direct ? 0 : reprPieces(heap, open === '(' ? 'tuple' : 'list', items.length);
  try {
    const parts: string[] = [];
    // Re-read the length each time: an item's repr may mutate the list.
    for (let i = 0; i < items.length; i++) parts.push(itemRepr(heap, direct, items[i]!));
    if (open === '(' && parts.length === 1) return `(${parts[0]},)`;
    return `${open}${parts.join(', ')}${close}`;
  } finally {
    reprActive.delete(r);
    if (pieces !== 0) heap.decref(pieces);
  }
}

function dictRepr(heap: Heap, r: Ref): string {
  const direct = tpPrintTarget === r;
  tpPrintTarget = 0;
  reprEnterState(heap);
  if (reprActive.has(r)) return '{...}';
  reprActive.add(r);
  const pieces = direct ? 0 : reprPieces(heap, 'list', (heap.payload[r] as DictData).store.used);
  try {
    const store = (heap.payload[r] as DictData).store;
    const parts: string[] = [];
    for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
      const k = store.keyAt(p);
      const v = store.valueAt(p);
      heap.incref(k);
      heap.incref(v);
      try {
        parts.push(`${itemRepr(heap, direct, k)}: ${itemRepr(heap, direct, v)}`);
      } finally {
        heap.decref(k);
        heap.decref(v);
      }
    }
    return `{${parts.join(', ')}}`;
  } finally {
    reprActive.delete(r);
    if (pieces !== 0) heap.decref(pieces);
  }
}

function setRepr(heap: Heap, r: Ref): string {
  const td = heap.payload[heap.typ[r]!] as TypeData;
  const name = td.name;
  const exact = heap.typ[r] === heap.t.set || heap.typ[r] === heap.t.frozenset;
  reprEnterState(heap);
  if (reprActive.has(r)) return `${name}(...)`;
  reprActive.add(r);
  const store = heap.payload[r] as SetStore;
  // set_repr lists the keys and takes that list's repr (3.12 after its empty-set shortcut).
  const keys: Ref[] = [];
  for (let p = store.next(0); p >= 0; p = store.next(p + 1)) keys.push(store.keyAt(p));
  const keyList = keys.length > 0 || heap.profile.reprBuildsPieces ? newList(heap, keys) : 0;
  const pieces = reprPieces(heap, 'list', keys.length);
  try {
    const parts: string[] = [];
    for (let p = store.next(0); p >= 0; p = store.next(p + 1)) parts.push(reprOf(heap, store.keyAt(p)));
    if (heap.profile.version === '2.7') return `${name}([${parts.join(', ')}])`;
    if (parts.length === 0) return `${name}()`;
    if (exact && heap.typ[r] === heap.t.set) return `{${parts.join(', ')}}`;
    return `${name}({${parts.join(', ')}})`;
  } finally {
    reprActive.delete(r);
    if (pieces !== 0) heap.decref(pieces);
    if (keyList !== 0) heap.decref(keyList);
  }
}

function functionQualname(heap: Heap, f: Ref): string {
  const fd = heap.payload[f] as FunctionData;
  const q = heap.profile.version === '2.7' ? fd.name : fd.qualname || fd.name;
  return q === 0 ? '?' : (heap.payload[q] as string);
}

function typeRepr(heap: Heap, r: Ref): string {
  const td = heap.payload[r] as TypeData;
  const heapType = (td.tflags & TypeFlag.HEAPTYPE) !== 0;
  const word = heapType ? 'class' : heap.profile.builtinTypeReprWord;
  if (!heapType) {
    if (heap.profile.version === '2.7') return `<type '${td.tpName}'>`;
    return `<class '${td.module === 'builtins' ? td.qualname : `${td.module}.${td.qualname}`}'>`;
  }
  return `<${word} '${typeQualifiedName(heap, r)}'>`;
}

function exceptionRepr(heap: Heap, r: Ref): string {
  const td = heap.payload[heap.typ[r]!] as TypeData;
  const e = heap.payload[r] as ExceptionData;
  const args = e.args === 0 ? [] : (heap.payload[e.args] as Ref[]);
  const inner = args.map((a) => reprOf(heap, a));
  if (heap.profile.version === '2.7') {
    if (inner.length === 1) return `${td.name}(${inner[0]},)`;
    return `${td.name}(${inner.join(', ')})`;
  }
  return `${td.name}(${inner.join(', ')})`;
}

/**
 * The builtin repr of `r` (ignoring a class's `__repr__`) — `object.__repr__` and the builtin
 * types' reprs.
 */
export function builtinRepr(heap: Heap, r: Ref): string {
  const kind = heap.kind[r];
  const t = heap.t;
  switch (kind) {
    case Kind.SINGLETON:
      return r === heap.None ? 'None' : r === heap.NotImplemented ? 'NotImplemented' : 'Ellipsis';
    case Kind.BOOL:
      return r === heap.True ? 'True' : 'False';
    case Kind.INT:
      return intRepr(heap, r);
    case Kind.FLOAT:
      return floatRepr(heap.payload[r] as number);
    case Kind.COMPLEX: {
      const c = heap.payload[r] as { re: number; im: number };
      const im = floatRepr(c.im).replace(/\.0$/, '');
      if (c.re === 0 && !Object.is(c.re, -0)) return `${im}j`;
      const re = floatRepr(c.re).replace(/\.0$/, '');
      return `(${re}${c.im >= 0 || Number.isNaN(c.im) ? '+' : ''}${im}j)`;
    }
    case Kind.STR: {
      const s = heap.payload[r] as string;
      if (heap.profile.version === '2.7') {
        if (heap.typ[r] === t.unicode || heap.typeOf(r).name === 'unicode') return `u${strRepr(s, 'unicode27')}`;
        return strRepr(s, 'bytes');
      }
      return strRepr(s, 'str3');
    }
    case Kind.BYTES:
      return `b${strRepr(heap.payload[r] as string, 'bytes')}`;
    case Kind.TUPLE:
      return seqRepr(heap, r, '(', ')', heap.payload[r] as Ref[]);
    case Kind.LIST:
      return seqRepr(heap, r, '[', ']', heap.payload[r] as Ref[]);
    case Kind.DICT:
      return dictRepr(heap, r);
    case Kind.SET:
    case Kind.FROZENSET:
      return setRepr(heap, r);
    case Kind.TYPE:
      return typeRepr(heap, r);
    case Kind.FUNCTION:
      return `<function ${functionQualname(heap, r)} at ${addressText(heap, r)}>`;
    case Kind.BUILTIN: {
      const b = heap.payload[r] as BuiltinData;
      if (b.self === 0 || (b.module !== 0 && !b.isMethod)) return `<built-in function ${b.name}>`;
      if (heap.kind[b.self] === Kind.TYPE) {
        return `<built-in method ${b.name} of type object at ${addressText(heap, b.self)}>`;
      }
      if (heap.kind[b.self] === Kind.MODULE) return `<built-in function ${b.name}>`;
      return `<built-in method ${b.name} of ${heap.typeOf(b.self).name} object at ${addressText(heap, b.self)}>`;
    }
    case Kind.METHOD: {
      const p = heap.payload[r] as Ref[];
      const func = p[0]!;
      const self = p[1]!;
      let fname: string;
      if (heap.kind[func] === Kind.FUNCTION) {
        const fd = heap.payload[func] as FunctionData;
        if (heap.profile.version === '2.7') {
          const cls = p[2] ?? 0;
          const clsName = cls !== 0 ? (heap.kind[cls] === Kind.TYPE ? (heap.payload[cls] as TypeData).name : classicName(heap, cls)) : '?';
          fname = `${clsName}.${fd.name === 0 ? '?' : (heap.payload[fd.name] as string)}`;
        } else fname = functionQualname(heap, func);
      } else if (heap.kind[func] === Kind.BUILTIN) {
        // 3.12 `method_repr` reads the function's `__qualname__`: a built-in method of a class is `Cls.name`.
        const b = heap.payload[func] as BuiltinData;
        fname =
          heap.profile.version !== '2.7' && b.isMethod && b.self !== 0 && heap.kind[b.self] === Kind.TYPE
            ? `${(heap.payload[b.self] as TypeData).qualname}.${b.name}`
            : b.name;
      } else fname = '?';
      if (self === 0) return `<unbound method ${fname}>`;
      return `<bound method ${fname} of ${reprOf(heap, self)}>`;
    }
    case Kind.CELL: {
      const c = (heap.payload[r] as Ref[])[0]!;
      if (c === 0) return `<cell at ${addressText(heap, r)}: empty>`;
      return `<cell at ${addressText(heap, r)}: ${heap.typeOf(c).tpName} object at ${addressText(heap, c)}>`;
    }
    case Kind.MODULE: {
      const m = heap.payload[r] as ModuleData;
      const ext = m.ext as { file?: string; builtin?: boolean } | undefined;
      if (ext?.file !== undefined) return `<module '${m.name}' from '${ext.file}'>`;
      return `<module '${m.name}' (built-in)>`;
    }
    case Kind.FRAME: {
      const f = heap.payload[r] as FrameData;
      const code = f.code !== 0 ? (heap.payload[f.code] as CodeData) : null;
      if (heap.profile.version === '2.7') return `<frame object at ${addressText(heap, r)}>`;
      return `<frame at ${addressText(heap, r)}, file '${code?.filename ?? '?'}', line ${f.lineno}, code ${code?.name ?? '?'}>`;
    }
    case Kind.CODE: {
      const c = heap.payload[r] as CodeData;
      return `<code object ${c.name} at ${addressText(heap, r)}, file "${c.filename}", line ${c.firstlineno}>`;
    }
    case Kind.WEAKREF: {
      const w = heap.payload[r] as WeakrefData;
      const isProxy = heap.typ[r] === t.weakproxy || heap.typ[r] === t.weakcallableproxy;
      if (isProxy) {
        if (w.referent === 0) return `<weakproxy at ${addressText(heap, r)}; dead>`;
        return `<weakproxy at ${addressText(heap, r)}; to '${heap.typeOf(w.referent).tpName}' at ${addressText(heap, w.referent)}>`;
      }
      if (w.referent === 0) return `<weakref at ${addressText(heap, r)}; dead>`;
      return `<weakref at ${addressText(heap, r)}; to '${heap.typeOf(w.referent).tpName}' at ${addressText(heap, w.referent)}>`;
    }
    case Kind.EXCEPTION:
      return exceptionRepr(heap, r);
    case Kind.TRACEBACK:
      return `<traceback object at ${addressText(heap, r)}>`;
    case Kind.DESCRIPTOR: {
      const d = heap.payload[r] as DescriptorData;
      // descr_repr names the owner by its tp_name (`'functools.partial'`, `'weakref.ReferenceType'`).
      const owner = (heap.payload[d.type] as TypeData).tpName;
      if (heap.typ[r] === t.method_descriptor) return `<method '${d.name}' of '${owner}' objects>`;
      if (heap.typ[r] === t.wrapper_descriptor) return `<slot wrapper '${d.name}' of '${owner}' objects>`;
      if (heap.typ[r] === t.member_descriptor) return `<member '${d.name}' of '${owner}' objects>`;
      if (heap.typ[r] === t.classmethod_descriptor) return `<method '${d.name}' of '${owner}' objects>`;
      return `<attribute '${d.name}' of '${owner}' objects>`;
    }
    case Kind.CLASSIC_CLASS:
      return `<class ${classicModule(heap, r)}${classicName(heap, r)} at ${addressText(heap, r)}>`;
    case Kind.CLASSIC_INSTANCE: {
      const cls = (heap.payload[r] as Ref[])[0]!;
      return `<${classicModule(heap, cls)}${classicName(heap, cls)} instance at ${addressText(heap, r)}>`;
    }
    case Kind.RANGE: {
      const rg = heap.payload[r] as { start: number; stop: number; step: number };
      if (heap.profile.version === '2.7') {
        const n = Math.max(0, Math.ceil((rg.stop - rg.start) / rg.step));
        if (rg.start === 0 && rg.step === 1) return `xrange(${rg.start + n * rg.step})`;
        if (rg.step === 1) return `xrange(${rg.start}, ${rg.start + n * rg.step})`;
        return `xrange(${rg.start}, ${rg.start + n * rg.step}, ${rg.step})`;
      }
      if (rg.step === 1) return `range(${rg.start}, ${rg.stop})`;
      return `range(${rg.start}, ${rg.stop}, ${rg.step})`;
    }
    default:
      return objectDefaultRepr(heap, r);
  }
}

function isSubtypeOf(heap: Heap, t: Ref, base: Ref): boolean {
  for (let x = t; x !== 0; x = (heap.payload[x] as TypeData).base) if (x === base) return true;
  return false;
}

function classicName(heap: Heap, cls: Ref): string {
  const n = (heap.payload[cls] as ClassicClassData).name;
  return n !== 0 && heap.kind[n] === Kind.STR ? (heap.payload[n] as string) : '?';
}

function classicModule(heap: Heap, cls: Ref): string {
  const d = (heap.payload[cls] as ClassicClassData).dict;
  if (d === 0) return '';
  const store = (heap.payload[d] as DictData).store;
  for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
    const k = store.keyAt(p);
    if (heap.kind[k] === Kind.STR && heap.payload[k] === '__module__') {
      const v = store.valueAt(p);
      if (heap.kind[v] === Kind.STR) return `${heap.payload[v] as string}.`;
    }
  }
  return '';
}

/**
 * `repr(obj)` as a JS string: a class's `__repr__` (through its slot) or the builtin repr.
 *
 * @example
 * ```ts
 * import { Heap, reprOf, newList } from '@heaplab/heap';
 * const heap = new Heap();
 * const l = newList(heap, [heap.None]);
 * reprOf(heap, l); // '[None]'
 * ```
 */
export function reprOf(heap: Heap, r: Ref): string {
  const td = heap.payload[heap.typ[r]!] as TypeData;
  if (td.slots.repr !== undefined) return td.slots.repr(heap, r);
  return builtinRepr(heap, r);
}

/** `str(obj)` as a JS string. */
export function strOf(heap: Heap, r: Ref): string {
  const td = heap.payload[heap.typ[r]!] as TypeData;
  if (td.slots.str !== undefined) return td.slots.str(heap, r);
  switch (heap.kind[r]) {
    case Kind.STR:
      return heap.payload[r] as string;
    case Kind.FLOAT:
      return floatStr(heap, heap.payload[r] as number);
    case Kind.EXCEPTION: {
      const e = heap.payload[r] as ExceptionData;
      const args = e.args === 0 ? [] : (heap.payload[e.args] as Ref[]);
      if (args.length === 0) return '';
      // KeyError shows the missing key's repr.
      if (args.length === 1) return isSubtypeOf(heap, heap.typ[r]!, heap.t.KeyError) ? reprOf(heap, args[0]!) : strOf(heap, args[0]!);
      return reprOf(heap, e.args);
    }
  }
  if (td.slots.repr !== undefined) return td.slots.repr(heap, r);
  return builtinRepr(heap, r);
}
