/**
 * Node labels and edge labels, following objgraph's `_short_repr`, `_safe_repr`, `_obj_label`,
 * `_edge_label` and `_obj_attrs` rule for rule — including the attribute reads with side effects
 * (`getattr(source, '__dict__')` materializes an instance dict in 3.12 and creates an empty one
 * in 2.7; `dir(function)` creates the function's `__dict__`; 3.12's `function.__annotations__`
 * creates the annotations dict).
 */
import {
  type CodeData,
  type ClassicClassData,
  type DictData,
  type ExceptionData,
  type FrameData,
  type FunctionData,
  getAttrOrNull,
  type Heap,
  isSubtype,
  isTrue,
  Kind,
  length,
  type ModuleData,
  newDict,
  objectDict,
  PyException,
  type Ref,
  reprOf,
  typeLookup,
  TypeFlag,
  type TypeData,
  type BuiltinData,
  type WeakrefData,
} from '@heaplab/heap';
import { classicLookup, typename } from './names.js';
import { isIdentifierMatch, pyHead, quote } from './pyutil.js';

/** `repr(obj)[:40]`. */
function repr40(heap: Heap, r: Ref): string {
  return pyHead(reprOf(heap, r), 40);
}

/** Is the type of `r` (a subclass of) `type`? (`_isinstance` looks at `type(obj)`, never `__class__`.) */
export function isInst(heap: Heap, r: Ref, type: Ref): boolean {
  return type !== 0 && isSubtype(heap, heap.typ[r]!, type);
}

/** `_name_or_repr(value)`: `value.__name__` when it is a string, else `repr(value)[:40]`. */
function nameOrRepr(heap: Heap, v: Ref): string {
  let name: Ref = 0;
  switch (heap.kind[v]) {
    case Kind.TYPE: {
      const td = heap.payload[v] as TypeData;
      if ((td.tflags & TypeFlag.HEAPTYPE) !== 0) return td.name;
      const dot = td.tpName.lastIndexOf('.');
      return dot >= 0 ? td.tpName.slice(dot + 1) : td.tpName;
    }
    case Kind.BUILTIN:
      return (heap.payload[v] as BuiltinData).name;
    case Kind.FUNCTION: {
      const n = (heap.payload[v] as FunctionData).name;
      if (n !== 0 && heap.kind[n] === Kind.STR) return heap.payload[n] as string;
      return repr40(heap, v);
    }
    default:
      name = getAttrOrNull(heap, v, '__name__');
  }
  if (name === 0) return repr40(heap, v);
  try {
    if (heap.kind[name] === Kind.STR && (heap.profile.version === '2.7' || heap.typ[name] !== heap.t.bytes)) return heap.payload[name] as string;
    return repr40(heap, v);
  } finally {
    heap.decref(name);
  }
}

/** `os.path.basename`. */
function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/**
 * objgraph's `_short_repr(obj)`: names for types, modules and functions, `N items` for
 * containers, `file:line` for frames, else `repr(obj)[:40]`. May run Python code (`__repr__`,
 * `__len__`, `__bool__`).
 *
 * @example
 * ```ts
 * import { Heap, newList } from '@heaplab/heap';
 * import { shortRepr } from '@heaplab/objgraph';
 * const heap = new Heap();
 * shortRepr(heap, newList(heap, [heap.None])); // '1 items'
 * shortRepr(heap, heap.t.dict);                 // 'dict'
 * ```
 */
export function shortRepr(heap: Heap, r: Ref): string {
  const t = heap.t;
  const kind = heap.kind[r];
  if (kind === Kind.TYPE || isInst(heap, r, t.module) || kind === Kind.BUILTIN) return nameOrRepr(heap, r);
  if (kind === Kind.METHOD) {
    const p = heap.payload[r] as Ref[];
    const name = nameOrRepr(heap, p[0]!);
    const self = p[1]!;
    if (self !== 0 && isTrue(heap, self)) return `${name} (bound)`;
    return name;
  }
  if (kind === Kind.FUNCTION) {
    const f = heap.payload[r] as FunctionData;
    if (f.name !== 0 && heap.payload[f.name] === '<lambda>' && f.code !== 0) {
      const code = heap.payload[f.code] as CodeData;
      return `lambda: ${basename(code.filename)}:${code.firstlineno}`;
    }
  }
  if (kind === Kind.FRAME) {
    // '%s:%s' % (obj.f_code.co_filename, obj.f_lineno): the runtime's f_lineno getter knows the
    // running frame's current line; the stored field is the fallback.
    const f = heap.payload[r] as FrameData;
    const filename = f.code !== 0 ? (heap.payload[f.code] as CodeData).filename : '?';
    let lineno: string = String(f.lineno);
    if (typeLookup(heap, heap.typ[r]!, 'f_lineno') !== 0) {
      const l = getAttrOrNull(heap, r, 'f_lineno');
      if (l !== 0) {
        lineno = heap.kind[l] === Kind.INT ? String(heap.payload[l]) : reprOf(heap, l);
        heap.decref(l);
      }
    }
    return `${filename}:${lineno}`;
  }
  if (isInst(heap, r, t.tuple) || isInst(heap, r, t.list) || isInst(heap, r, t.dict) || isInst(heap, r, t.set)) {
    return `${length(heap, r)} items`;
  }
  return repr40(heap, r);
}

/**
 * objgraph's `_safe_repr`: `_short_repr`, or `'(unrepresentable)'` when it raises an Exception.
 *
 * @example
 * ```ts
 * import { Heap, newList } from '@heaplab/heap';
 * import { safeRepr } from '@heaplab/objgraph';
 * const heap = new Heap();
 * safeRepr(heap, newList(heap, [])); // '0 items' ('(unrepresentable)' when a __repr__ raises)
 * ```
 */
export function safeRepr(heap: Heap, r: Ref): string {
  try {
    return shortRepr(heap, r);
  } catch (e) {
    if (e instanceof PyException && heap.t.Exception !== 0 && isSubtype(heap, heap.typ[e.exc]!, heap.t.Exception)) {
      heap.decref(e.exc);
      return '(unrepresentable)';
    }
    throw e;
  }
}

/** `getattr(obj, '__class__', None)` for the `__del__` marker: the class objgraph asks about. */
export function classOf(heap: Heap, r: Ref): Ref {
  const kind = heap.kind[r];
  if (kind === Kind.CLASSIC_INSTANCE) return (heap.payload[r] as Ref[])[0]!;
  if (kind === Kind.WEAKREF && (heap.typ[r] === heap.t.weakproxy || heap.typ[r] === heap.t.weakcallableproxy)) {
    const referent = (heap.payload[r] as WeakrefData).referent;
    if (referent === 0) throw heap.newException(heap.t.ReferenceError, 'weakly-referenced object no longer exists');
    return classOf(heap, referent);
  }
  return heap.typ[r]!;
}

/**
 * `hasattr(getattr(obj, '__class__', None), '__del__')`: does the object's class define a
 * finalizer (objgraph then draws the red `__del__` node)?
 *
 * @example
 * ```ts
 * import { Heap, newList } from '@heaplab/heap';
 * import { hasDelMarker } from '@heaplab/objgraph';
 * const heap = new Heap();
 * hasDelMarker(heap, newList(heap, [])); // false
 * ```
 */
export function hasDelMarker(heap: Heap, r: Ref): boolean {
  const cls = classOf(heap, r);
  if (heap.kind[cls] === Kind.CLASSIC_CLASS) return classicLookup(heap, cls, '__del__') !== 0;
  if (heap.kind[cls] !== Kind.TYPE) return false;
  if (typeLookup(heap, cls, '__del__') !== 0) return true;
  // type_getattro also finds attributes of the metatype.
  return typeLookup(heap, heap.typ[cls]!, '__del__') !== 0;
}

/** Does `source` have a `__dict__` attribute that objgraph's `getattr(source, '__dict__', None)` could return without running user code? */
function dictAttr(heap: Heap, source: Ref): Ref {
  const kind = heap.kind[source];
  switch (kind) {
    case Kind.MODULE:
      return (heap.payload[source] as ModuleData).dict;
    case Kind.CLASSIC_CLASS:
      return (heap.payload[source] as ClassicClassData).dict;
    case Kind.CLASSIC_INSTANCE:
      return (heap.payload[source] as Ref[])[1] ?? 0;
    case Kind.FUNCTION:
      return functionDict(heap, source);
    case Kind.METHOD: {
      // Bound methods forward unknown attributes to __func__.
      const func = (heap.payload[source] as Ref[])[0]!;
      return heap.kind[func] === Kind.FUNCTION ? functionDict(heap, func) : 0;
    }
    case Kind.TYPE:
      return 0; // a fresh mappingproxy: never the target
    case Kind.EXCEPTION: {
      // BaseException.__dict__ creates the dict on first read.
      const e = heap.payload[source] as ExceptionData;
      if (e.dict === 0) e.dict = newDict(heap);
      return e.dict;
    }
  }
  const td = heap.payload[heap.typ[source]!] as TypeData;
  if ((td.tflags & TypeFlag.HEAPTYPE) === 0 && kind !== Kind.INSTANCE) return 0;
  // Instances (and other objects of heap types): the real attribute lookup, which creates or
  // materializes the dict as CPython's does.
  const d = getAttrOrNull(heap, source, '__dict__');
  if (d === 0) return 0;
  heap.decref(d);
  return d;
}

/** `func.__dict__`, created if missing (as `PyObject_GenericGetDict` / 2.7 `func_get_dict` do). */
function functionDict(heap: Heap, f: Ref): Ref {
  const fd = heap.payload[f] as FunctionData;
  if (fd.dict !== 0) return fd.dict;
  if (typeLookup(heap, heap.typ[f]!, '__dict__') !== 0) {
    const d = getAttrOrNull(heap, f, '__dict__');
    if (d !== 0) heap.decref(d);
    if (fd.dict !== 0) return fd.dict;
  }
  return objectDict(heap, f, true);
}

/** 3.12 `func.__annotations__`: created as an empty dict on first read. */
function functionAnnotations(heap: Heap, f: Ref): Ref {
  const fd = heap.payload[f] as FunctionData;
  if (fd.annotations !== 0) return fd.annotations;
  if (typeLookup(heap, heap.typ[f]!, '__annotations__') !== 0) {
    const a = getAttrOrNull(heap, f, '__annotations__');
    if (a !== 0) heap.decref(a);
    if (fd.annotations !== 0) return fd.annotations;
  }
  fd.annotations = newDict(heap);
  return fd.annotations;
}

/** `dir(function)` attribute names that can return one of the function's stored references, per profile. */
const FUNCTION_ATTRS_27 = ['__closure__', '__code__', '__defaults__', '__dict__', '__doc__', '__globals__', '__module__', '__name__'];
const FUNCTION_ATTRS_312 = [
  '__annotations__',
  '__builtins__',
  '__closure__',
  '__code__',
  '__defaults__',
  '__dict__',
  '__doc__',
  '__globals__',
  '__kwdefaults__',
  '__module__',
  '__name__',
  '__qualname__',
  '__type_params__',
];
/** Every attribute name `dir(function)` lists from the type (CPython 2.7.18 / 3.12.1). */
const FUNCTION_DIR_27 = new Set([
  '__call__', '__class__', '__closure__', '__code__', '__defaults__', '__delattr__', '__dict__', '__doc__', '__format__', '__get__',
  '__getattribute__', '__globals__', '__hash__', '__init__', '__module__', '__name__', '__new__', '__reduce__', '__reduce_ex__',
  '__repr__', '__setattr__', '__sizeof__', '__str__', '__subclasshook__', 'func_closure', 'func_code', 'func_defaults', 'func_dict',
  'func_doc', 'func_globals', 'func_name',
]);
const FUNCTION_DIR_312 = new Set([
  '__annotations__', '__builtins__', '__call__', '__class__', '__closure__', '__code__', '__defaults__', '__delattr__', '__dict__',
  '__dir__', '__doc__', '__eq__', '__format__', '__ge__', '__get__', '__getattribute__', '__getstate__', '__globals__', '__gt__',
  '__hash__', '__init__', '__init_subclass__', '__kwdefaults__', '__le__', '__lt__', '__module__', '__name__', '__ne__', '__new__',
  '__qualname__', '__reduce__', '__reduce_ex__', '__repr__', '__setattr__', '__sizeof__', '__str__', '__subclasshook__', '__type_params__',
]);

/** `getattr(func, name)` for the attributes that return stored references (0 = a fresh object that is never a referent). */
function functionAttr(heap: Heap, f: Ref, name: string): Ref {
  const fd = heap.payload[f] as FunctionData;
  const orNone = (r: Ref) => (r === 0 ? heap.None : r);
  switch (name) {
    case '__annotations__':
      return functionAnnotations(heap, f);
    case '__builtins__':
      return fd.builtins;
    case '__closure__':
      return orNone(fd.closure);
    case '__code__':
      return fd.code;
    case '__defaults__':
      return orNone(fd.defaults);
    case '__dict__':
      return functionDict(heap, f);
    case '__doc__':
      return orNone(fd.doc);
    case '__globals__':
      return fd.globals;
    case '__kwdefaults__':
      return orNone(fd.kwdefaults);
    case '__module__':
      return orNone(fd.module);
    case '__name__':
      return fd.name;
    case '__qualname__':
      return fd.qualname;
    case '__type_params__':
      return heap.emptyTuple;
  }
  return 0;
}

/** `' [label="%s",weight=10]'` for the first name of `dir(source)` whose value is `target`, or null. */
function functionEdgeLabel(heap: Heap, source: Ref, target: Ref): string | null {
  const is27 = heap.profile.version === '2.7';
  // dir() reads __dict__ first (creating it), then lists type attributes and the dict's keys, sorted.
  const d = functionDict(heap, source);
  const typeNames = is27 ? FUNCTION_DIR_27 : FUNCTION_DIR_312;
  const valued = is27 ? FUNCTION_ATTRS_27 : FUNCTION_ATTRS_312;
  const own: [string, Ref][] = [];
  if (d !== 0) {
    const store = (heap.payload[d] as DictData).store;
    for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
      const k = store.keyAt(p);
      if (heap.kind[k] !== Kind.STR) continue;
      const name = heap.payload[k] as string;
      if (!typeNames.has(name)) own.push([name, store.valueAt(p)]);
    }
  }
  const names: string[] = [...valued, ...own.map(([n]) => n)];
  names.sort(codePointCompare);
  const ownMap = new Map(own);
  for (const name of names) {
    const v = ownMap.has(name) ? ownMap.get(name)! : functionAttr(heap, source, name);
    if (v !== 0 && v === target) return ` [label="${quote(name)}",weight=10]`;
  }
  return null;
}

/** Python's str ordering (code points). */
export function codePointCompare(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  const n = Math.min(la, lb);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return la < lb ? -1 : la > lb ? 1 : 0;
}

/** Is `k` a str for objgraph's identifier test (`str` in 3.x, `basestring` in 2.7)? */
function isStrKey(heap: Heap, k: Ref): boolean {
  if (heap.kind[k] !== Kind.STR) return false;
  if (heap.profile.version === '2.7') return true; // str and unicode
  return heap.typ[k] !== heap.t.bytes;
}

/**
 * objgraph's `_edge_label(source, target, shortnames)`: `' [label="...",weight=N]'` or `''`.
 * Reads attributes the way objgraph does, with the same side effects (an instance's `__dict__`
 * is created or, in 3.12, materialized; a function's `__dict__` is created by `dir()`).
 *
 * @example
 * ```ts
 * import { Heap, newDict, newList, newStr, dictSetItem } from '@heaplab/heap';
 * import { edgeLabel } from '@heaplab/objgraph';
 * const heap = new Heap();
 * const d = newDict(heap);
 * const v = newList(heap, []);
 * dictSetItem(heap, d, newStr(heap, 'handlers'), v);
 * edgeLabel(heap, d, v, true); // ' [label="handlers",weight=2]'
 * ```
 */
export function edgeLabel(heap: Heap, source: Ref, target: Ref, shortnames: boolean): string {
  const t = heap.t;
  if (isInst(heap, target, t.dict)) {
    if (dictAttr(heap, source) === target) return ' [label="__dict__",weight=10]';
  }
  const kind = heap.kind[source];
  if (kind === Kind.FRAME) {
    const f = heap.payload[source] as FrameData;
    let locals = f.locals;
    if (typeLookup(heap, heap.typ[source]!, 'f_locals') !== 0) {
      const l = getAttrOrNull(heap, source, 'f_locals');
      if (l !== 0) {
        heap.decref(l);
        locals = l;
      }
    }
    if (locals !== 0 && target === locals) return ' [label="f_locals",weight=10]';
    if (target === f.globals) return ' [label="f_globals",weight=10]';
  }
  if (kind === Kind.METHOD) {
    const p = heap.payload[source] as Ref[];
    const self = p[1] === 0 ? heap.None : p[1]!;
    if (target === self) return ' [label="__self__",weight=10]';
    if (target === p[0]) return ' [label="__func__",weight=10]';
  }
  if (kind === Kind.FUNCTION) {
    const l = functionEdgeLabel(heap, source, target);
    if (l !== null) return l;
  }
  if (isInst(heap, source, t.dict)) {
    const store = (heap.payload[source] as DictData).store;
    for (let p = store.next(0); p >= 0; p = store.next(p + 1)) {
      if (store.valueAt(p) !== target) continue;
      const k = store.keyAt(p);
      if (isStrKey(heap, k) && isIdentifierMatch(heap.payload[k] as string)) return ` [label="${quote(heap.payload[k] as string)}",weight=2]`;
      heap.incref(k);
      try {
        return ` [label="${quote(`${typename(heap, k, shortnames)}\n${safeRepr(heap, k)}`)}"]`;
      } finally {
        heap.decref(k);
      }
    }
  }
  return '';
}

/**
 * Is the object a module (`inspect.ismodule`)?
 *
 * @example
 * ```ts
 * import { Heap, newModule } from '@heaplab/heap';
 * import { isModule } from '@heaplab/objgraph';
 * const heap = new Heap();
 * isModule(heap, newModule(heap, 'm')); // true
 * ```
 */
export function isModule(heap: Heap, r: Ref): boolean {
  return heap.kind[r] === Kind.MODULE || isInst(heap, r, heap.t.module);
}
