/**
 * String formatting: `%`-formatting (`str.__mod__`), the format-spec mini-language of int,
 * float, complex and str (`__format__`), `str.format`/`format_map`, the `format()` builtin and
 * 3.12 f-string replacement fields. Floats are printed from their exact binary value with
 * round-half-even, as C's printf does, so `'%.0f' % 2.5 == '2'` and `'%.2f' % 0.125 == '0.12'`.
 */
import {
  floatRepr,
  getAttr,
  type Heap,
  Kind,
  newStr,
  newUnicode,
  type Ref,
  reprOf,
  strOf,
  strRepr,
  call,
  callWithSelf,
  typeLookup,
} from '@heaplab/heap';
import * as A from './arith.js';
import { isLong } from './number.js';
import { cpLength, cpSlice } from './strutil.js';
import { getItem } from './subscript.js';
import {
  callSpecialOrNull,
  indexValueOrNull,
  type IntV,
  is27,
  isUnicode27,
  newRef,
  pyErr,
  tpName,
  typeError,
  valueError,
} from './util.js';

// ============================================================================================
// Float to text (exact, round-half-even)
// ============================================================================================

/** Digits of |x| with `prec` digits after the point (no sign). */
function fixedDigits(x: number, prec: number): string {
  const ax = Math.abs(x);
  if (ax === 0) return prec > 0 ? `0.${'0'.repeat(prec)}` : '0';
  let s = A.roundDecimalString(A.exactDecimal(ax), prec, 'even');
  if (prec > 0) {
    const dot = s.indexOf('.');
    if (dot < 0) s += `.${'0'.repeat(prec)}`;
    else s += '0'.repeat(prec - (s.length - dot - 1));
  }
  return s;
}

/** |x| rounded to `sig` significant digits: [digit string, decimal exponent of the first digit]. */
function sigDigits(x: number, sig: number): [string, number] {
  const ax = Math.abs(x);
  if (ax === 0) return ['0'.repeat(sig), 0];
  const exact = A.exactDecimal(ax);
  const dot = exact.indexOf('.');
  const intPart = dot < 0 ? exact : exact.slice(0, dot);
  const frac = dot < 0 ? '' : exact.slice(dot + 1);
  let digits: string;
  let exp: number;
  if (intPart !== '0') {
    digits = intPart + frac;
    exp = intPart.length - 1;
  } else {
    const lead = frac.search(/[1-9]/);
    digits = frac.slice(lead);
    exp = -(lead + 1);
  }
  // Round `digits` to `sig` digits, half-even.
  if (digits.length > sig) {
    const kept = digits.slice(0, sig);
    const rest = digits.slice(sig);
    const first = rest.charCodeAt(0) - 48;
    let up: boolean;
    if (first > 5) up = true;
    else if (first < 5) up = false;
    else up = /[1-9]/.test(rest.slice(1)) || (kept.charCodeAt(kept.length - 1) - 48) % 2 === 1;
    let n = BigInt(kept);
    if (up) n += 1n;
    let s = n.toString();
    if (s.length > sig) {
      s = s.slice(0, sig);
      exp++;
    }
    digits = s;
  } else digits = digits.padEnd(sig, '0');
  return [digits, exp];
}

/** `'%.{prec}e'` of |x|. */
function expForm(x: number, prec: number, alt: boolean, upper: boolean): string {
  const [d, e] = sigDigits(x, prec + 1);
  let s = d[0]!;
  if (prec > 0 || alt) s += '.';
  s += d.slice(1);
  s += `${upper ? 'E' : 'e'}${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return s;
}

/**
 * `'%.{prec}g'` of |x|; `addDot0` keeps at least one digit after the point (repr-like).
 *
 * @example
 * ```ts
 * genForm(1234567.0, 6, false, false); // '1.23457e+06'
 * ```
 */
export function genForm(x: number, prec: number, alt: boolean, upper: boolean, addDot0 = false, expThresholdAdjust = 0): string {
  const p = prec === 0 ? 1 : prec;
  if (x === 0) {
    const s = alt ? `0.${'0'.repeat(p - 1)}` : addDot0 ? '0.0' : '0';
    return s;
  }
  const [, e] = sigDigits(x, p);
  let s: string;
  if (e >= -4 && e < p - expThresholdAdjust) {
    s = fixedDigits(x, Math.max(0, p - 1 - e));
    if (!alt && s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
    if (addDot0 && !s.includes('.')) s += '.0';
  } else {
    s = expForm(x, p - 1, alt, upper);
    if (!alt) {
      const [m, ex] = s.split(upper ? 'E' : 'e') as [string, string];
      const mm = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
      s = `${mm}${upper ? 'E' : 'e'}${ex}`;
    }
  }
  return s;
}

function nonFinite(x: number, upper: boolean): string {
  const s = Number.isNaN(x) ? 'nan' : 'inf';
  return upper ? s.toUpperCase() : s;
}

// ============================================================================================
// The format-spec mini-language
// ============================================================================================

interface Spec {
  fill: string;
  fillGiven: boolean;
  align: string | null;
  sign: string | null;
  z: boolean;
  alt: boolean;
  width: number;
  grouping: string | null;
  precision: number;
  type: string;
}

function invalidSpec(heap: Heap, spec: string, value: Ref): Error {
  if (is27(heap)) return valueError(heap, 'Invalid conversion specification');
  return valueError(heap, `Invalid format specifier '${spec}' for object of type '${tpName(heap, value)}'`);
}

function parseSpec(heap: Heap, spec: string, value: Ref, defaultAlign: '<' | '>'): Spec {
  const v27 = is27(heap);
  const out: Spec = { fill: ' ', fillGiven: false, align: null, sign: null, z: false, alt: false, width: -1, grouping: null, precision: -1, type: '' };
  const cps = Array.from(spec);
  let i = 0;
  const isAlign = (c: string | undefined) => c === '<' || c === '>' || c === '^' || c === '=';
  if (cps.length >= 2 && isAlign(cps[1])) {
    out.fill = cps[0]!;
    out.fillGiven = true;
    out.align = cps[1]!;
    i = 2;
  } else if (isAlign(cps[0])) {
    out.align = cps[0]!;
    i = 1;
  }
  if (cps[i] === '+' || cps[i] === '-' || cps[i] === ' ') out.sign = cps[i++]!;
  if (!v27 && cps[i] === 'z') {
    out.z = true;
    i++;
  }
  if (cps[i] === '#') {
    out.alt = true;
    i++;
  }
  if (!out.fillGiven && cps[i] === '0') {
    out.fill = '0';
    out.fillGiven = true;
    if (out.align === null && (v27 || defaultAlign === '>')) out.align = '=';
    i++;
  }
  let w = '';
  while (i < cps.length && cps[i]! >= '0' && cps[i]! <= '9') w += cps[i++];
  if (w !== '') out.width = Number(w);
  if (cps[i] === ',') {
    out.grouping = ',';
    i++;
  } else if (!v27 && cps[i] === '_') {
    out.grouping = '_';
    i++;
  }
  if (cps[i] === ',' || cps[i] === '_') {
    if (!v27) throw valueError(heap, "Cannot specify both ',' and '_'.");
  }
  if (cps[i] === '.') {
    i++;
    let p = '';
    while (i < cps.length && cps[i]! >= '0' && cps[i]! <= '9') p += cps[i++];
    if (p === '') throw valueError(heap, 'Format specifier missing precision');
    out.precision = Number(p);
  }
  if (cps.length - i > 1) throw invalidSpec(heap, spec, value);
  if (i < cps.length) out.type = cps[i]!;
  if (out.grouping !== null && out.type !== '') {
    const okTypes = out.grouping === ',' ? 'deEfFgG%' : 'deEfFgG%bxXo';
    if (!okTypes.includes(out.type) || (out.grouping === ',' && 'bxXo'.includes(out.type))) {
      throw valueError(heap, `Cannot specify '${out.grouping}' with '${out.type}'.`);
    }
  }
  return out;
}

function group(digits: string, sep: string, size: number): string {
  let out = '';
  let n = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    if (n > 0 && n % size === 0) out = sep + out;
    out = digits[i] + out;
    n++;
  }
  return out;
}

/** Lay out sign + prefix + number with fill/align/width, grouping included (CPython's calc_number_widths). */
function layoutNumber(spec: Spec, sign: string, prefix: string, intDigits: string, rest: string, groupSize: number): string {
  let body = intDigits;
  if (spec.grouping !== null) {
    body = group(intDigits, spec.grouping, groupSize);
    if (spec.align === '=' && spec.fill === '0' && spec.width > 0) {
      const target = spec.width - sign.length - prefix.length - rest.length;
      let raw = intDigits;
      while (body.length < target) {
        raw = `0${raw}`;
        body = group(raw, spec.grouping, groupSize);
      }
    }
  }
  return pad(spec, sign + prefix, body + rest, '>');
}

function pad(spec: Spec, sign: string, body: string, defaultAlign: '<' | '>'): string {
  const total = cpLength(sign) + cpLength(body);
  const align = spec.align ?? defaultAlign;
  if (spec.width <= total) return sign + body;
  const n = spec.width - total;
  const fill = spec.fill;
  switch (align) {
    case '<':
      return sign + body + fill.repeat(n);
    case '^': {
      const left = Math.floor(n / 2);
      return fill.repeat(left) + sign + body + fill.repeat(n - left);
    }
    case '=':
      return sign + fill.repeat(n) + body;
    default:
      return fill.repeat(n) + sign + body;
  }
}

function signOf(spec: Spec, negative: boolean): string {
  if (negative) return '-';
  if (spec.sign === '+') return '+';
  if (spec.sign === ' ') return ' ';
  return '';
}

/** `format(int, spec)`. */
function formatInt(heap: Heap, value: Ref, specText: string): string {
  const v = heap.payload[value] as IntV;
  const spec = parseSpec(heap, specText, value, '>');
  let type = spec.type;
  if ('eEfFgG%n'.includes(type) && type !== '' && !(type === 'n' && true)) {
    const f = A.toFloat(v);
    if (f === null) throw pyErr(heap, heap.t.OverflowError, is27(heap) ? 'long int too large to convert to float' : 'int too large to convert to float');
    return formatFloatValue(heap, f, spec, value, specText);
  }
  if (type === '') type = 'd';
  if (!'bcdoxXn'.includes(type)) throw valueError(heap, `Unknown format code '${type}' for object of type '${tpName(heap, value)}'`);
  if (spec.precision >= 0) throw valueError(heap, 'Precision not allowed in integer format specifier');
  if (type === 'c') {
    if (spec.sign !== null) throw valueError(heap, "Sign not allowed with integer format specifier 'c'");
    if (spec.alt && !is27(heap)) throw valueError(heap, "Alternate form (#) not allowed with integer format specifier 'c'");
    if (spec.grouping !== null) throw valueError(heap, "Cannot specify ',' with 'c'.");
    const n = Number(v);
    const limit = is27(heap) ? 0x100 : 0x110000;
    if (typeof v === 'bigint' || n < 0 || n >= limit) throw pyErr(heap, heap.t.OverflowError, `%c arg not in range(0x${limit.toString(16)})`);
    return pad(spec, '', String.fromCodePoint(n), '>');
  }
  const negative = A.sign(v) < 0;
  const absV = A.abs(v);
  let digits: string;
  let prefix = '';
  let groupSize = 3;
  switch (type) {
    case 'b':
      digits = A.big(absV).toString(2);
      if (spec.alt) prefix = '0b';
      groupSize = 4;
      break;
    case 'o':
      digits = A.big(absV).toString(8);
      if (spec.alt) prefix = '0o';
      groupSize = 4;
      break;
    case 'x':
    case 'X':
      digits = A.big(absV).toString(16);
      if (type === 'X') digits = digits.toUpperCase();
      if (spec.alt) prefix = type === 'X' ? '0X' : '0x';
      groupSize = 4;
      break;
    default:
      digits = String(absV);
  }
  return layoutNumber(spec, signOf(spec, negative), prefix, digits, '', groupSize);
}

/** `format(float, spec)`. */
function formatFloat(heap: Heap, value: Ref, specText: string): string {
  const x = heap.payload[value] as number;
  const spec = parseSpec(heap, specText, value, '>');
  return formatFloatValue(heap, x, spec, value, specText);
}

function formatFloatValue(heap: Heap, x: number, spec: Spec, value: Ref, specText: string): string {
  void specText;
  const v27 = is27(heap);
  let type = spec.type;
  if (!'eEfFgGn%'.includes(type) || (type !== '' && type.length !== 1)) {
    if (type !== '') throw valueError(heap, `Unknown format code '${type}' for object of type '${heap.kind[value] === Kind.INT || heap.kind[value] === Kind.BOOL ? tpName(heap, value) : tpName(heap, value)}'`);
  }
  if (v27 && spec.alt) throw valueError(heap, 'Alternate form (#) not allowed in float format specifier');
  if (spec.z && x === 0) x = 0;
  const negative = x < 0 || Object.is(x, -0) || (Number.isNaN(x) && false);
  let zNeg = negative;
  let ax = Math.abs(x);
  let suffix = '';
  let body: string;
  const upper = type === 'E' || type === 'F' || type === 'G';
  if (type === '%') {
    ax *= 100;
    suffix = '%';
  }
  if (!Number.isFinite(ax)) {
    body = nonFinite(ax, upper);
  } else if (type === '') {
    if (spec.precision < 0) {
      if (v27) body = genForm(ax, 12, false, false, true, 1);
      else body = floatRepr(ax);
    } else body = genForm(ax, spec.precision, spec.alt, false, true, 1);
  } else {
    const prec = spec.precision < 0 ? 6 : spec.precision;
    switch (type) {
      case 'e':
      case 'E':
        body = expForm(ax, prec, spec.alt, upper);
        break;
      case 'f':
      case 'F':
      case '%':
        body = fixedDigits(ax, prec);
        if (spec.alt && prec === 0) body += '.';
        break;
      default:
        body = genForm(ax, prec, spec.alt, upper);
    }
  }
  if (spec.z && /^[0.]*$/.test(body.replace(/e.*$/i, ''))) zNeg = false;
  if (Number.isNaN(x)) zNeg = false;
  // Split the integer part for grouping.
  const m = /^(\d*)(.*)$/.exec(body)!;
  let intPart = m[1]!;
  let rest = m[2]! + suffix;
  if (intPart === '') {
    intPart = '';
    rest = body + suffix;
  }
  if (spec.grouping === null || intPart === '') return pad(spec, signOf(spec, zNeg), intPart + rest, '>');
  return layoutNumber(spec, signOf(spec, zNeg), '', intPart, rest, 3);
}

/** `format(complex, spec)` (basic). */
function formatComplex(heap: Heap, value: Ref, specText: string): string {
  const c = heap.payload[value] as { re: number; im: number };
  if (specText === '') return reprOf(heap, value);
  const spec = parseSpec(heap, specText, value, '>');
  const inner = { ...spec, width: -1, align: null, fill: ' ', fillGiven: false };
  const reS = formatFloatValue(heap, c.re, inner, value, specText);
  const imS = formatFloatValue(heap, c.im, { ...inner, sign: '+' }, value, specText);
  const body = spec.type === '' ? `(${reS}${imS}j)` : `${reS}${imS}j`;
  return pad(spec, '', body, '>');
}

/** `format(str, spec)`. */
function formatStr(heap: Heap, value: Ref, specText: string): string {
  const s = heap.payload[value] as string;
  if (specText === '') return s;
  const spec = parseSpec(heap, specText, value, '<');
  if (spec.type !== '' && spec.type !== 's') throw valueError(heap, `Unknown format code '${spec.type}' for object of type '${tpName(heap, value)}'`);
  if (spec.sign !== null) throw valueError(heap, 'Sign not allowed in string format specifier');
  if (spec.alt) throw valueError(heap, 'Alternate form (#) not allowed in string format specifier');
  if (spec.align === '=') throw valueError(heap, "'=' alignment not allowed in string format specifier");
  if (spec.grouping !== null) throw valueError(heap, `Cannot specify '${spec.grouping}' with 's'.`);
  let body = s;
  if (spec.precision >= 0 && cpLength(s) > spec.precision) body = cpSlice(s, 0, spec.precision, 1, spec.precision);
  return pad(spec, '', body, '<');
}

/**
 * `format(value, spec)` as a JS string: builtin types natively, other objects through
 * `type(value).__format__(value, spec)` (which must return a str).
 *
 * @example
 * ```ts
 * formatValue(heap, newFloat(heap, 1234567.891), '>10,.2f'); // '1,234,567.89'
 * ```
 */
export function formatValue(heap: Heap, value: Ref, spec: string): string {
  const ty = heap.typ[value]!;
  const t = heap.t;
  if (ty === t.str || (ty === t.unicode && t.unicode !== t.str)) return formatStr(heap, value, spec);
  if (ty === t.int || (ty === t.long && t.long !== t.int)) return spec === '' ? String(heap.payload[value]) : formatInt(heap, value, spec);
  if (ty === t.float) return spec === '' ? strOf(heap, value) : formatFloat(heap, value, spec);
  const f = typeLookup(heap, ty, '__format__');
  if (f === 0) throw typeError(heap, `Type ${tpName(heap, value)} doesn't define __format__`);
  const specRef = newStr(heap, spec);
  let r: Ref;
  heap.incref(f);
  try {
    r = callWithSelf(heap, f, value, [specRef], null);
  } finally {
    heap.decref(f);
    heap.decref(specRef);
  }
  try {
    if (heap.kind[r] !== Kind.STR) {
      throw typeError(heap, is27(heap) ? `${tpName(heap, value)}.__format__ must return a str, not ${tpName(heap, r)}` : `__format__ must return a str, not ${tpName(heap, r)}`);
    }
    return heap.payload[r] as string;
  } finally {
    heap.decref(r);
  }
}

/**
 * `format(value, spec)` builtin: a new str reference.
 *
 * @example
 * ```ts
 * strValue(heap, formatBuiltin(heap, newInt(heap, 255), newStr(heap, '#x'))); // '0xff'
 * ```
 */
export function formatBuiltin(heap: Heap, value: Ref, spec: Ref): Ref {
  if (heap.kind[spec] !== Kind.STR) {
    throw typeError(heap, is27(heap) ? 'format expects arg 2 to be string or unicode, not ' + tpName(heap, spec) : `format() argument 2 must be str, not ${tpName(heap, spec)}`);
  }
  const s = formatValue(heap, value, heap.payload[spec] as string);
  if (is27(heap) && (isUnicode27(heap, spec) || isUnicode27(heap, value))) return newUnicode(heap, s);
  return newStr(heap, s);
}

/**
 * `__format__` of a builtin type, for its Python-visible method.
 *
 * @example
 * ```ts
 * builtinFormat(heap, newFloat(heap, 0.25), '.1%'); // '25.0%'
 * ```
 */
export function builtinFormat(heap: Heap, self: Ref, spec: string): string {
  switch (heap.kind[self]) {
    case Kind.INT:
    case Kind.BOOL:
      return spec === '' ? strOf(heap, self) : formatInt(heap, self, spec);
    case Kind.FLOAT:
      return spec === '' ? strOf(heap, self) : formatFloat(heap, self, spec);
    case Kind.COMPLEX:
      return spec === '' ? strOf(heap, self) : formatComplex(heap, self, spec);
    case Kind.STR:
      return formatStr(heap, self, spec);
  }
  return strOf(heap, self);
}

// ============================================================================================
// % formatting
// ============================================================================================

/**
 * `fmt % args` for str (and 2.7 unicode) formats: a new str reference.
 *
 * @example
 * ```ts
 * strValue(heap, percentFormat(heap, toPy(heap, '%5.2f|%-4s|%x'), toPy(heap, [3.14159, 'ab', 255])));
 * // ' 3.14|ab  |ff' (a tuple is needed for several values; toPy makes a list here for brevity)
 * ```
 */
export function percentFormat(heap: Heap, fmtRef: Ref, args: Ref): Ref {
  const v27 = is27(heap);
  const fmt = heap.payload[fmtRef] as string;
  let unicode = v27 && isUnicode27(heap, fmtRef);
  const isTuple = heap.kind[args] === Kind.TUPLE;
  const tupleItems = isTuple ? (heap.payload[args] as Ref[]) : null;
  let arglen = isTuple ? tupleItems!.length : -1;
  let argidx = isTuple ? 0 : -2;
  const isMapping =
    !isTuple && heap.kind[args] !== Kind.STR && (heap.kind[args] === Kind.DICT || heap.kind[args] === Kind.MAPPINGPROXY || (heap.payload[heap.typ[args]!] as { slots: { getitem?: unknown } }).slots.getitem !== undefined);
  const dict = isMapping ? args : 0;
  let current = args;
  const temps: Ref[] = [];
  const nextArg = (): Ref => {
    if (arglen < 0) {
      if (argidx === -2) {
        argidx = -1;
        return current;
      }
      throw typeError(heap, 'not enough arguments for format string');
    }
    if (argidx < arglen) return tupleItems![argidx++]!;
    throw typeError(heap, 'not enough arguments for format string');
  };
  let out = '';
  try {
    let i = 0;
    while (i < fmt.length) {
      const pct = fmt.indexOf('%', i);
      if (pct < 0) {
        out += fmt.slice(i);
        break;
      }
      out += fmt.slice(i, pct);
      i = pct + 1;
      if (i >= fmt.length) throw valueError(heap, 'incomplete format');
      if (fmt[i] === '%') {
        out += '%';
        i++;
        continue;
      }
      let usedKey = false;
      if (fmt[i] === '(') {
        if (dict === 0) throw typeError(heap, 'format requires a mapping');
        let depth = 1;
        const start = ++i;
        while (i < fmt.length && depth > 0) {
          if (fmt[i] === '(') depth++;
          else if (fmt[i] === ')') depth--;
          i++;
        }
        if (depth > 0) throw valueError(heap, 'incomplete format key');
        const key = fmt.slice(start, i - 1);
        const k = unicode ? newUnicode(heap, key) : newStr(heap, key);
        try {
          current = getItem(heap, dict, k);
        } finally {
          heap.decref(k);
        }
        temps.push(current);
        arglen = -1;
        argidx = -2;
        usedKey = true;
      }
      let left = false;
      let plus = false;
      let space = false;
      let alt = false;
      let zero = false;
      for (; i < fmt.length; i++) {
        const c = fmt[i];
        if (c === '-') left = true;
        else if (c === '+') plus = true;
        else if (c === ' ') space = true;
        else if (c === '#') alt = true;
        else if (c === '0') zero = true;
        else break;
      }
      let width = -1;
      if (fmt[i] === '*') {
        const w = nextArg();
        if (heap.kind[w] !== Kind.INT && heap.kind[w] !== Kind.BOOL) throw typeError(heap, '* wants int');
        width = Number(heap.payload[w]);
        if (width < 0) {
          left = true;
          width = -width;
        }
        i++;
      } else {
        let ds = '';
        while (i < fmt.length && fmt[i]! >= '0' && fmt[i]! <= '9') ds += fmt[i++];
        if (ds !== '') width = Number(ds);
      }
      let prec = -1;
      if (fmt[i] === '.') {
        i++;
        if (fmt[i] === '*') {
          const p = nextArg();
          if (heap.kind[p] !== Kind.INT && heap.kind[p] !== Kind.BOOL) throw typeError(heap, '* wants int');
          prec = Math.max(0, Number(heap.payload[p]));
          i++;
        } else {
          let ds = '';
          while (i < fmt.length && fmt[i]! >= '0' && fmt[i]! <= '9') ds += fmt[i++];
          prec = ds === '' ? 0 : Number(ds);
        }
      }
      while (fmt[i] === 'h' || fmt[i] === 'l' || fmt[i] === 'L') i++;
      if (i >= fmt.length) throw valueError(heap, 'incomplete format');
      const ch = fmt[i]!;
      i++;
      if (ch === '%') {
        if (!v27) nextArg();
        out += padPct('%', width, left, ' ');
        continue;
      }
      const v = nextArg();
      void usedKey;
      let piece: string;
      const numSign = (neg: boolean) => (neg ? '-' : plus ? '+' : space ? ' ' : '');
      switch (ch) {
        case 's':
        case 'r':
        case 'a': {
          let s: string;
          if (ch === 's') {
            if (v27 && isUnicode27(heap, v)) unicode = true;
            s = strOf(heap, v);
          } else if (ch === 'r') s = reprOf(heap, v);
          else s = asciiRepr(reprOf(heap, v));
          if (prec >= 0) s = cpSlice(s, 0, Math.min(prec, cpLength(s)), 1, Math.min(prec, cpLength(s)));
          piece = padPct(s, width, left, ' ');
          break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
          const n = pctInt(heap, v, ch);
          const neg = A.sign(n) < 0;
          const absn = A.abs(n);
          let digits = ch === 'o' ? A.big(absn).toString(8) : ch === 'x' ? A.big(absn).toString(16) : ch === 'X' ? A.big(absn).toString(16).toUpperCase() : String(absn);
          if (prec > digits.length) digits = '0'.repeat(prec - digits.length) + digits;
          let prefix = '';
          if (alt) {
            if (ch === 'o') {
              if (v27) {
                if (!digits.startsWith('0')) prefix = '0';
              } else prefix = '0o';
            } else if (ch === 'x') prefix = '0x';
            else if (ch === 'X') prefix = '0X';
          }
          piece = padNum(numSign(neg), prefix, digits, width, left, zero);
          break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
          const x = pctFloat(heap, v);
          const p = prec < 0 ? 6 : prec;
          const neg = x < 0 || Object.is(x, -0);
          const ax = Math.abs(x);
          let body: string;
          const upper = ch === 'E' || ch === 'F' || ch === 'G';
          if (!Number.isFinite(ax)) body = nonFinite(ax, upper);
          else if (ch === 'e' || ch === 'E') body = expForm(ax, p, alt, upper);
          else if (ch === 'f' || ch === 'F') {
            body = fixedDigits(ax, p);
            if (alt && p === 0) body += '.';
          } else body = genForm(ax, p, alt, upper);
          piece = padNum(numSign(neg && !Number.isNaN(x)), '', body, width, left, zero);
          break;
        }
        case 'c': {
          let s: string;
          if (heap.kind[v] === Kind.STR) {
            if (cpLength(heap.payload[v] as string) !== 1) throw typeError(heap, '%c requires int or char');
            s = heap.payload[v] as string;
            if (v27 && isUnicode27(heap, v)) unicode = true;
          } else {
            const n = indexValueOrNull(heap, v);
            if (n === null) throw typeError(heap, '%c requires int or char');
            if (v27 && !unicode) {
              if (A.sign(n) < 0) throw pyErr(heap, heap.t.OverflowError, 'unsigned byte integer is less than minimum');
              if (A.cmp(n, 255) > 0) throw pyErr(heap, heap.t.OverflowError, 'unsigned byte integer is greater than maximum');
            } else if (A.sign(n) < 0 || A.cmp(n, 0x10ffff) > 0) throw pyErr(heap, heap.t.OverflowError, v27 ? '%c arg not in range(0x110000) (wide Python build)' : '%c arg not in range(0x110000)');
            s = String.fromCodePoint(Number(n));
          }
          piece = padPct(s, width, left, ' ');
          break;
        }
        default: {
          const code = ch.codePointAt(0)!;
          throw valueError(heap, `unsupported format character '${ch}' (0x${code.toString(16)}) at index ${i - 1}`);
        }
      }
      out += piece;
    }
    if (argidx < arglen && dict === 0) throw typeError(heap, 'not all arguments converted during string formatting');
    if (!isTuple && argidx === -2 && dict === 0) throw typeError(heap, 'not all arguments converted during string formatting');
  } finally {
    for (const x of temps) heap.decref(x);
  }
  return unicode ? newUnicode(heap, out) : newStr(heap, out);
}

function padPct(s: string, width: number, left: boolean, fill: string): string {
  const n = width - cpLength(s);
  if (n <= 0) return s;
  return left ? s + ' '.repeat(n) : fill.repeat(n) + s;
}

function padNum(sign: string, prefix: string, digits: string, width: number, left: boolean, zero: boolean): string {
  const len = sign.length + prefix.length + digits.length;
  if (width <= len) return sign + prefix + digits;
  const n = width - len;
  if (left) return sign + prefix + digits + ' '.repeat(n);
  if (zero) return sign + prefix + '0'.repeat(n) + digits;
  return ' '.repeat(n) + sign + prefix + digits;
}

/** The integer for `%d`/`%x`...: ints, and (for d/i/u, and all in 2.7) numbers via `int()`. */
function pctInt(heap: Heap, v: Ref, ch: string): IntV {
  const k = heap.kind[v];
  if (k === Kind.INT || k === Kind.BOOL) return heap.payload[v] as IntV;
  const v27 = is27(heap);
  const decimal = ch === 'd' || ch === 'i' || ch === 'u';
  if (k === Kind.FLOAT && (decimal || v27)) {
    const f = heap.payload[v] as number;
    if (!Number.isFinite(f)) throw pyErr(heap, Number.isNaN(f) ? heap.t.ValueError : heap.t.OverflowError, Number.isNaN(f) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
    return A.norm(BigInt(Math.trunc(f)));
  }
  if (!decimal || v27) {
    const iv = indexValueOrNull(heap, v);
    if (iv !== null) return iv;
  }
  if (decimal || v27) {
    const r = callSpecialOrNull(heap, v, '__int__', []);
    if (r !== 0) {
      try {
        if (heap.kind[r] === Kind.INT || heap.kind[r] === Kind.BOOL) return heap.payload[r] as IntV;
      } finally {
        heap.decref(r);
      }
    }
    const iv = indexValueOrNull(heap, v);
    if (iv !== null) return iv;
  }
  if (v27) throw typeError(heap, `%${ch} format: a number is required, not ${tpName(heap, v)}`);
  if (decimal) throw typeError(heap, `%${ch} format: a real number is required, not ${tpName(heap, v)}`);
  throw typeError(heap, `%${ch} format: an integer is required, not ${tpName(heap, v)}`);
}

function pctFloat(heap: Heap, v: Ref): number {
  const k = heap.kind[v];
  if (k === Kind.FLOAT) return heap.payload[v] as number;
  if (k === Kind.INT || k === Kind.BOOL) {
    const f = A.toFloat(heap.payload[v] as IntV);
    if (f === null) throw pyErr(heap, heap.t.OverflowError, is27(heap) ? 'long int too large to convert to float' : 'int too large to convert to float');
    return f;
  }
  const r = callSpecialOrNull(heap, v, '__float__', []);
  if (r !== 0) {
    try {
      if (heap.kind[r] === Kind.FLOAT) return heap.payload[r] as number;
    } finally {
      heap.decref(r);
    }
  }
  if (!is27(heap)) {
    const iv = indexValueOrNull(heap, v);
    if (iv !== null) return Number(iv);
  }
  throw typeError(heap, is27(heap) ? `float argument required, not ${tpName(heap, v)}` : `must be real number, not ${tpName(heap, v)}`);
}

/**
 * `ascii()`: escape non-ASCII characters of a repr.
 *
 * @example
 * ```ts
 * asciiRepr("'é'"); // "'\\xe9'"
 * ```
 */
export function asciiRepr(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (cp <= 0xff) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out;
}

// ============================================================================================
// str.format
// ============================================================================================

interface FormatState {
  auto: 'unknown' | 'auto' | 'manual';
  next: number;
}

function fieldLookup(heap: Heap, field: string, args: readonly Ref[], kw: Map<string, Ref> | null, st: FormatState): Ref {
  // first part: up to '.' or '['
  let i = 0;
  while (i < field.length && field[i] !== '.' && field[i] !== '[') i++;
  const first = field.slice(0, i);
  let obj: Ref;
  if (first === '') {
    if (st.auto === 'manual') throw valueError(heap, 'cannot switch from manual field specification to automatic field numbering');
    st.auto = 'auto';
    const idx = st.next++;
    if (idx >= args.length) {
      throw pyErr(heap, heap.t.IndexError, is27(heap) ? 'tuple index out of range' : `Replacement index ${idx} out of range for positional args tuple`);
    }
    obj = newRef(heap, args[idx]!);
  } else if (/^\d+$/.test(first)) {
    if (st.auto === 'auto') throw valueError(heap, 'cannot switch from automatic field numbering to manual field specification');
    st.auto = 'manual';
    const idx = Number(first);
    if (idx >= args.length) {
      throw pyErr(heap, heap.t.IndexError, is27(heap) ? 'tuple index out of range' : `Replacement index ${idx} out of range for positional args tuple`);
    }
    obj = newRef(heap, args[idx]!);
  } else {
    const v = kw?.get(first);
    if (v === undefined) {
      const k = newStr(heap, first);
      try {
        throw keyErrorOf(heap, k);
      } finally {
        heap.decref(k);
      }
    }
    obj = newRef(heap, v);
  }
  try {
    while (i < field.length) {
      if (field[i] === '.') {
        let j = ++i;
        while (j < field.length && field[j] !== '.' && field[j] !== '[') j++;
        const attr = field.slice(i, j);
        if (attr === '') throw valueError(heap, 'Empty attribute in format string');
        const next = getAttr(heap, obj, attr);
        heap.decref(obj);
        obj = next;
        i = j;
      } else {
        const close = field.indexOf(']', i);
        if (close < 0) throw valueError(heap, "Missing ']' in format string");
        const key = field.slice(i + 1, close);
        if (key === '') throw valueError(heap, 'Empty attribute in format string');
        const k = /^\d+$/.test(key) ? newIntFrom(heap, Number(key)) : newStr(heap, key);
        let next: Ref;
        try {
          next = getItem(heap, obj, k);
        } finally {
          heap.decref(k);
        }
        heap.decref(obj);
        obj = next;
        i = close + 1;
        if (i < field.length && field[i] !== '.' && field[i] !== '[') throw valueError(heap, 'Only \'.\' or \'[\' may follow \']\' in format field specifier');
      }
    }
  } catch (e) {
    heap.decref(obj);
    throw e;
  }
  return obj;
}

import { newInt as newIntFrom, newExceptionObject, PyException } from '@heaplab/heap';

function keyErrorOf(heap: Heap, key: Ref): PyException {
  const exc = newExceptionObject(heap, heap.t.KeyError, [key]);
  return new PyException(exc, 'KeyError');
}

function convertField(heap: Heap, obj: Ref, conv: string): string | null {
  if (conv === '') return null;
  if (conv === 'r') return reprOf(heap, obj);
  if (conv === 's') return strOf(heap, obj);
  if (conv === 'a' && !is27(heap)) return asciiRepr(reprOf(heap, obj));
  throw valueError(heap, `Unknown conversion specifier ${conv}`);
}

function renderFormat(heap: Heap, fmt: string, args: readonly Ref[], kw: Map<string, Ref> | null, st: FormatState, depth: number): string {
  if (depth > 2) throw valueError(heap, 'Max string recursion exceeded');
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      // Find the matching '}' (nested braces in the spec).
      let j = i + 1;
      let nest = 1;
      let bracket = false;
      while (j < fmt.length) {
        const d = fmt[j]!;
        if (d === '[') bracket = true;
        else if (d === ']') bracket = false;
        else if (d === '{' && !bracket) nest++;
        else if (d === '}' && !bracket) {
          nest--;
          if (nest === 0) break;
        }
        j++;
      }
      if (j >= fmt.length) {
        throw valueError(heap, is27(heap) ? "Single '{' encountered in format string" : nest > 1 || fmt.slice(i + 1).includes(':') ? "expected '}' before end of string" : "Single '{' encountered in format string");
      }
      const inner = fmt.slice(i + 1, j);
      // Split field_name, conversion and spec.
      let k = 0;
      let bracketDepth = false;
      while (k < inner.length) {
        const d = inner[k]!;
        if (d === '[') bracketDepth = true;
        else if (d === ']') bracketDepth = false;
        else if (!bracketDepth && (d === '!' || d === ':')) break;
        k++;
      }
      const fieldName = inner.slice(0, k);
      let conv = '';
      let spec = '';
      if (inner[k] === '!') {
        conv = inner[k + 1] ?? '';
        if (conv === '' ) throw valueError(heap, is27(heap) ? 'end of format while looking for conversion specifier' : 'end of string while looking for conversion specifier');
        const after = inner[k + 2];
        if (after !== undefined && after !== ':') throw valueError(heap, "expected ':' after conversion specifier");
        spec = after === ':' ? inner.slice(k + 3) : '';
      } else if (inner[k] === ':') spec = inner.slice(k + 1);
      const obj = fieldLookup(heap, fieldName, args, kw, st);
      try {
        if (spec.includes('{')) spec = renderFormat(heap, spec, args, kw, st, depth + 1);
        const converted = convertField(heap, obj, conv);
        if (converted !== null) {
          const tmp = newStr(heap, converted);
          try {
            out += formatValue(heap, tmp, spec);
          } finally {
            heap.decref(tmp);
          }
        } else out += formatValue(heap, obj, spec);
      } finally {
        heap.decref(obj);
      }
      i = j + 1;
    } else if (c === '}') {
      if (fmt[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw valueError(heap, "Single '}' encountered in format string");
    } else {
      const next = fmt.slice(i).search(/[{}]/);
      if (next < 0) {
        out += fmt.slice(i);
        break;
      }
      out += fmt.slice(i, i + next);
      i += next;
    }
  }
  return out;
}

/**
 * `fmt.format(*args, **kwargs)`: a new str (unicode in 2.7 for a unicode format).
 *
 * @example
 * ```ts
 * strFormat(heap, toPy(heap, '{:>10,.2f}'), [newFloat(heap, 1234567.891)], null); // '1,234,567.89'
 * ```
 */
export function strFormat(heap: Heap, fmtRef: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
  const npos = args.length - (kwnames?.length ?? 0);
  let kw: Map<string, Ref> | null = null;
  if (kwnames !== null) {
    kw = new Map();
    kwnames.forEach((k, j) => {
      kw!.set(k, args[npos + j]!);
    });
  }
  const s = renderFormat(heap, heap.payload[fmtRef] as string, args.slice(0, npos), kw, { auto: 'unknown', next: 0 }, 0);
  return isUnicode27(heap, fmtRef) ? newUnicode(heap, s) : newStr(heap, s);
}

/**
 * `fmt.format_map(mapping)` (3.12).
 *
 * @example
 * ```ts
 * strFormatMap(heap, newStr(heap, '{x}'), toPy(heap, { x: 9 })); // '9'
 * ```
 */
export function strFormatMap(heap: Heap, fmtRef: Ref, mapping: Ref): Ref {
  const proxy = new Proxy(new Map<string, Ref>(), {
    get(target, prop) {
      if (prop === 'get') {
        return (key: string): Ref | undefined => {
          const k = newStr(heap, key);
          try {
            const v = getItem(heap, mapping, k);
            target.set(key, v);
            heap.decref(v); // kept alive by the mapping for the duration of formatting
            return v;
          } finally {
            heap.decref(k);
          }
        };
      }
      return Reflect.get(target, prop);
    },
  });
  const s = renderFormat(heap, heap.payload[fmtRef] as string, [], proxy, { auto: 'unknown', next: 0 }, 0);
  return newStr(heap, s);
}

/**
 * A 3.12 f-string replacement field `{value!conv:spec}`: `conversion` is -1 (none), 115/'s',
 * 114/'r' or 97/'a'; `spec` is a str ref, a JS string, or 0 for none. Returns a new str.
 *
 * @example
 * ```ts
 * strValue(heap, formatFString(heap, newFloat(heap, 3.14159), -1, '.2f')); // '3.14'
 * ```
 */
export function formatFString(heap: Heap, value: Ref, conversion: number | string, spec: Ref | string | 0): Ref {
  const conv = typeof conversion === 'number' ? (conversion < 0 ? '' : String.fromCharCode(conversion)) : conversion;
  const specText = typeof spec === 'string' ? spec : spec === 0 ? '' : (heap.payload[spec] as string);
  if (conv === '' && specText === '' && heap.typ[value] === heap.t.str) return newRef(heap, value);
  const converted = convertField(heap, value, conv);
  if (converted !== null) {
    if (specText === '') return newStr(heap, converted);
    const tmp = newStr(heap, converted);
    try {
      return newStr(heap, formatValue(heap, tmp, specText));
    } finally {
      heap.decref(tmp);
    }
  }
  return newStr(heap, formatValue(heap, value, specText));
}

export { isLong, call, strRepr };
