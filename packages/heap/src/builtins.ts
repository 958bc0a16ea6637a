/**
 * Bootstrapping the builtin types: `object`, `type`, the containers, functions, frames, weakref
 * types and the exception hierarchy of the heap's profile.
 *
 * Builtin types are *static* in CPython: not GC-tracked, not heap types, immortal in 3.12. Their
 * namespaces start nearly empty; `@heaplab/python` installs the Python-visible methods.
 */
import type { Heap } from './heap.js';
import { Kind } from './kinds.js';
import type { Ref } from './ref.js';
import { TypeFlag, type TypeData } from './typedata.js';

/** Refs of the builtin types every layer needs. */
export interface BuiltinTypes {
  object: Ref;
  type: Ref;
  NoneType: Ref;
  NotImplementedType: Ref;
  ellipsis: Ref;
  bool: Ref;
  int: Ref;
  /** 2.7 `long` (equals `int` in 3.12). */
  long: Ref;
  float: Ref;
  complex: Ref;
  str: Ref;
  /** 2.7 `unicode` (equals `str` in 3.12). */
  unicode: Ref;
  /** 3.12 `bytes` (equals `str` in 2.7). */
  bytes: Ref;
  tuple: Ref;
  list: Ref;
  dict: Ref;
  set: Ref;
  frozenset: Ref;
  function: Ref;
  builtin_function_or_method: Ref;
  method: Ref;
  cell: Ref;
  module: Ref;
  frame: Ref;
  code: Ref;
  traceback: Ref;
  weakref: Ref;
  weakproxy: Ref;
  weakcallableproxy: Ref;
  method_descriptor: Ref;
  getset_descriptor: Ref;
  member_descriptor: Ref;
  wrapper_descriptor: Ref;
  classmethod_descriptor: Ref;
  property: Ref;
  staticmethod: Ref;
  classmethod: Ref;
  slice: Ref;
  range: Ref;
  super: Ref;
  mappingproxy: Ref;
  /** 2.7 classic classes and instances (0 in 3.12). */
  classobj: Ref;
  instance: Ref;
  list_iterator: Ref;
  list_reverseiterator: Ref;
  tuple_iterator: Ref;
  str_iterator: Ref;
  dict_keyiterator: Ref;
  dict_valueiterator: Ref;
  dict_itemiterator: Ref;
  set_iterator: Ref;
  range_iterator: Ref;
  iterator: Ref;
  callable_iterator: Ref;
  dict_keys: Ref;
  dict_values: Ref;
  dict_items: Ref;
  generator: Ref;
  // Exceptions (0 where the profile has none).
  BaseException: Ref;
  Exception: Ref;
  StandardError: Ref;
  TypeError: Ref;
  ValueError: Ref;
  AttributeError: Ref;
  KeyError: Ref;
  IndexError: Ref;
  LookupError: Ref;
  NameError: Ref;
  UnboundLocalError: Ref;
  RuntimeError: Ref;
  RecursionError: Ref;
  NotImplementedError: Ref;
  ReferenceError: Ref;
  ZeroDivisionError: Ref;
  OverflowError: Ref;
  ArithmeticError: Ref;
  AssertionError: Ref;
  StopIteration: Ref;
  MemoryError: Ref;
  SyntaxError: Ref;
  IndentationError: Ref;
  TabError: Ref;
  SystemExit: Ref;
  KeyboardInterrupt: Ref;
  GeneratorExit: Ref;
  ImportError: Ref;
  ModuleNotFoundError: Ref;
  OSError: Ref;
  IOError: Ref;
  EnvironmentError: Ref;
  EOFError: Ref;
  UnicodeError: Ref;
  UnicodeDecodeError: Ref;
  UnicodeEncodeError: Ref;
  SystemError: Ref;
  FloatingPointError: Ref;
  BufferError: Ref;
  FileNotFoundError: Ref;
  Warning: Ref;
  UserWarning: Ref;
  DeprecationWarning: Ref;
  PendingDeprecationWarning: Ref;
  RuntimeWarning: Ref;
  SyntaxWarning: Ref;
  FutureWarning: Ref;
  ImportWarning: Ref;
  UnicodeWarning: Ref;
  BytesWarning: Ref;
  ResourceWarning: Ref;
  /** Every exception type by name, for the builtins module. */
  exceptionsByName: Map<string, Ref>;
  /** Every static type created here, by name. */
  byName: Map<string, Ref>;
}

/** One row of an exception table: name and parent name. */
type ExcRow = readonly [string, string | null];

/** The exception hierarchy of CPython 2.7, parent before child. */
const EXCEPTIONS_27: readonly ExcRow[] = [
  ['BaseException', null],
  ['SystemExit', 'BaseException'],
  ['KeyboardInterrupt', 'BaseException'],
  ['GeneratorExit', 'BaseException'],
  ['Exception', 'BaseException'],
  ['StopIteration', 'Exception'],
  ['StandardError', 'Exception'],
  ['BufferError', 'StandardError'],
  ['ArithmeticError', 'StandardError'],
  ['FloatingPointError', 'ArithmeticError'],
  ['OverflowError', 'ArithmeticError'],
  ['ZeroDivisionError', 'ArithmeticError'],
  ['AssertionError', 'StandardError'],
  ['AttributeError', 'StandardError'],
  ['EnvironmentError', 'StandardError'],
  ['IOError', 'EnvironmentError'],
  ['OSError', 'EnvironmentError'],
  ['EOFError', 'StandardError'],
  ['ImportError', 'StandardError'],
  ['LookupError', 'StandardError'],
  ['IndexError', 'LookupError'],
  ['KeyError', 'LookupError'],
  ['MemoryError', 'StandardError'],
  ['NameError', 'StandardError'],
  ['UnboundLocalError', 'NameError'],
  ['ReferenceError', 'StandardError'],
  ['RuntimeError', 'StandardError'],
  ['NotImplementedError', 'RuntimeError'],
  ['SyntaxError', 'StandardError'],
  ['IndentationError', 'SyntaxError'],
  ['TabError', 'IndentationError'],
  ['SystemError', 'StandardError'],
  ['TypeError', 'StandardError'],
  ['ValueError', 'StandardError'],
  ['UnicodeError', 'ValueError'],
  ['UnicodeDecodeError', 'UnicodeError'],
  ['UnicodeEncodeError', 'UnicodeError'],
  ['UnicodeTranslateError', 'UnicodeError'],
  ['Warning', 'Exception'],
  ['DeprecationWarning', 'Warning'],
  ['PendingDeprecationWarning', 'Warning'],
  ['RuntimeWarning', 'Warning'],
  ['SyntaxWarning', 'Warning'],
  ['UserWarning', 'Warning'],
  ['FutureWarning', 'Warning'],
  ['ImportWarning', 'Warning'],
  ['UnicodeWarning', 'Warning'],
  ['BytesWarning', 'Warning'],
];

/** The exception hierarchy of CPython 3.12, parent before child. */
const EXCEPTIONS_312: readonly ExcRow[] = [
  ['BaseException', null],
  ['SystemExit', 'BaseException'],
  ['KeyboardInterrupt', 'BaseException'],
  ['GeneratorExit', 'BaseException'],
  ['Exception', 'BaseException'],
  ['ArithmeticError', 'Exception'],
  ['FloatingPointError', 'ArithmeticError'],
  ['OverflowError', 'ArithmeticError'],
  ['ZeroDivisionError', 'ArithmeticError'],
  ['AssertionError', 'Exception'],
  ['AttributeError', 'Exception'],
  ['BufferError', 'Exception'],
  ['EOFError', 'Exception'],
  ['ImportError', 'Exception'],
  ['ModuleNotFoundError', 'ImportError'],
  ['LookupError', 'Exception'],
  ['IndexError', 'LookupError'],
  ['KeyError', 'LookupError'],
  ['MemoryError', 'Exception'],
  ['NameError', 'Exception'],
  ['UnboundLocalError', 'NameError'],
  ['OSError', 'Exception'],
  ['FileNotFoundError', 'OSError'],
  ['ReferenceError', 'Exception'],
  ['RuntimeError', 'Exception'],
  ['NotImplementedError', 'RuntimeError'],
  ['RecursionError', 'RuntimeError'],
  ['StopIteration', 'Exception'],
  ['StopAsyncIteration', 'Exception'],
  ['SyntaxError', 'Exception'],
  ['IndentationError', 'SyntaxError'],
  ['TabError', 'IndentationError'],
  ['SystemError', 'Exception'],
  ['TypeError', 'Exception'],
  ['ValueError', 'Exception'],
  ['UnicodeError', 'ValueError'],
  ['UnicodeDecodeError', 'UnicodeError'],
  ['UnicodeEncodeError', 'UnicodeError'],
  ['UnicodeTranslateError', 'UnicodeError'],
  ['Warning', 'Exception'],
  ['BytesWarning', 'Warning'],
  ['DeprecationWarning', 'Warning'],
  ['EncodingWarning', 'Warning'],
  ['FutureWarning', 'Warning'],
  ['ImportWarning', 'Warning'],
  ['PendingDeprecationWarning', 'Warning'],
  ['ResourceWarning', 'Warning'],
  ['RuntimeWarning', 'Warning'],
  ['SyntaxWarning', 'Warning'],
  ['UnicodeWarning', 'Warning'],
  ['UserWarning', 'Warning'],
];

/** Static types: [key, name in 2.7 (null: absent), name in 3.12 (null: absent), layout, base key, GC?]. */
type TypeRow = readonly [string, string | null, string | null, Kind, string | null, boolean];

const STATIC_TYPES: readonly TypeRow[] = [
  ['NoneType', 'NoneType', 'NoneType', Kind.SINGLETON, 'object', false],
  ['NotImplementedType', 'NotImplementedType', 'NotImplementedType', Kind.SINGLETON, 'object', false],
  ['ellipsis', 'ellipsis', 'ellipsis', Kind.SINGLETON, 'object', false],
  ['int', 'int', 'int', Kind.INT, 'object', false],
  ['bool', 'bool', 'bool', Kind.BOOL, 'int', false],
  ['long', 'long', null, Kind.INT, 'object', false],
  ['float', 'float', 'float', Kind.FLOAT, 'object', false],
  ['complex', 'complex', 'complex', Kind.COMPLEX, 'object', false],
  ['str', 'str', 'str', Kind.STR, 'object', false],
  ['unicode', 'unicode', null, Kind.STR, 'object', false],
  ['bytes', null, 'bytes', Kind.BYTES, 'object', false],
  ['tuple', 'tuple', 'tuple', Kind.TUPLE, 'object', true],
  ['list', 'list', 'list', Kind.LIST, 'object', true],
  ['dict', 'dict', 'dict', Kind.DICT, 'object', true],
  ['set', 'set', 'set', Kind.SET, 'object', true],
  ['frozenset', 'frozenset', 'frozenset', Kind.FROZENSET, 'object', true],
  ['function', 'function', 'function', Kind.FUNCTION, 'object', true],
  ['builtin_function_or_method', 'builtin_function_or_method', 'builtin_function_or_method', Kind.BUILTIN, 'object', true],
  ['method', 'instancemethod', 'method', Kind.METHOD, 'object', true],
  ['cell', 'cell', 'cell', Kind.CELL, 'object', true],
  ['module', 'module', 'module', Kind.MODULE, 'object', true],
  ['frame', 'frame', 'frame', Kind.FRAME, 'object', true],
  ['code', 'code', 'code', Kind.CODE, 'object', false],
  ['traceback', 'traceback', 'traceback', Kind.TRACEBACK, 'object', true],
  ['weakref', 'weakref', 'ReferenceType', Kind.WEAKREF, 'object', true],
  ['weakproxy', 'weakproxy', 'ProxyType', Kind.WEAKREF, 'object', true],
  ['weakcallableproxy', 'weakcallableproxy', 'CallableProxyType', Kind.WEAKREF, 'object', true],
  ['method_descriptor', 'method_descriptor', 'method_descriptor', Kind.DESCRIPTOR, 'object', true],
  ['getset_descriptor', 'getset_descriptor', 'getset_descriptor', Kind.DESCRIPTOR, 'object', true],
  ['member_descriptor', 'member_descriptor', 'member_descriptor', Kind.DESCRIPTOR, 'object', true],
  ['wrapper_descriptor', 'wrapper_descriptor', 'wrapper_descriptor', Kind.DESCRIPTOR, 'object', true],
  ['classmethod_descriptor', 'classmethod_descriptor', 'classmethod_descriptor', Kind.DESCRIPTOR, 'object', true],
  ['property', 'property', 'property', Kind.PROPERTY, 'object', true],
  ['staticmethod', 'staticmethod', 'staticmethod', Kind.STATICMETHOD, 'object', true],
  ['classmethod', 'classmethod', 'classmethod', Kind.CLASSMETHOD, 'object', true],
  ['slice', 'slice', 'slice', Kind.SLICE, 'object', true],
  ['range', 'xrange', 'range', Kind.RANGE, 'object', false],
  ['super', 'super', 'super', Kind.SUPER, 'object', true],
  ['mappingproxy', 'dictproxy', 'mappingproxy', Kind.MAPPINGPROXY, 'object', true],
  ['list_iterator', 'listiterator', 'list_iterator', Kind.ITERATOR, 'object', true],
  ['list_reverseiterator', 'listreverseiterator', 'list_reverseiterator', Kind.ITERATOR, 'object', true],
  ['tuple_iterator', 'tupleiterator', 'tuple_iterator', Kind.ITERATOR, 'object', true],
  ['str_iterator', 'iterator', 'str_ascii_iterator', Kind.ITERATOR, 'object', true],
  ['dict_keyiterator', 'dictionary-keyiterator', 'dict_keyiterator', Kind.ITERATOR, 'object', true],
  ['dict_valueiterator', 'dictionary-valueiterator', 'dict_valueiterator', Kind.ITERATOR, 'object', true],
  ['dict_itemiterator', 'dictionary-itemiterator', 'dict_itemiterator', Kind.ITERATOR, 'object', true],
  ['set_iterator', 'setiterator', 'set_iterator', Kind.ITERATOR, 'object', true],
  ['range_iterator', 'rangeiterator', 'range_iterator', Kind.ITERATOR, 'object', false],
  ['iterator', 'iterator', 'iterator', Kind.ITERATOR, 'object', true],
  ['callable_iterator', 'callable-iterator', 'callable_iterator', Kind.ITERATOR, 'object', true],
  ['dict_keys', 'dict_keys', 'dict_keys', Kind.DICTVIEW, 'object', true],
  ['dict_values', 'dict_values', 'dict_values', Kind.DICTVIEW, 'object', true],
  ['dict_items', 'dict_items', 'dict_items', Kind.DICTVIEW, 'object', true],
  ['generator', 'generator', 'generator', Kind.NATIVE, 'object', true],
  ['classobj', 'classobj', null, Kind.CLASSIC_CLASS, 'object', true],
  ['instance', 'instance', null, Kind.CLASSIC_INSTANCE, 'object', true],
];

/** The module name builtin types report (`__builtin__` in 2.7, `builtins` in 3.12). */
export function builtinsModuleName(heap: Heap): string {
  return heap.profile.version === '2.7' ? '__builtin__' : 'builtins';
}

function newTypeData(name: string, module: string, layout: Kind, tflags: number): TypeData {
  return {
    name,
    tpName: name,
    qualname: name,
    module,
    dict: 0,
    bases: 0,
    mro: 0,
    base: 0,
    layout,
    tflags,
    slotNames: [],
    ownSlotStart: 0,
    sharedKeys: null,
    sharedKeyList: [],
    slots: {},
    cache: new Map(),
    cacheEpoch: 0,
    subclasses: [],
    finalizerEpoch: 0,
    hasFinalizer: false,
  };
}

/** Allocate a static type object (no dict/bases/mro yet). */
function allocStaticType(heap: Heap, typeType: Ref, td: TypeData): Ref {
  const r = heap.allocSlot();
  heap.typ[r] = typeType;
  heap.kind[r] = Kind.TYPE;
  heap.payload[r] = td;
  heap.makeImmortal(r);
  return r;
}

/**
 * Create every builtin type of the heap's profile and the singletons (None, True, False,
 * NotImplemented, Ellipsis, the empty tuple and string, small ints).
 */
export function bootstrapBuiltinTypes(heap: Heap): BuiltinTypes {
  const modName = builtinsModuleName(heap);
  const is27 = heap.profile.version === '2.7';
  const byName = new Map<string, Ref>();

  // `type` first (its own type), then `object`.
  const typeTd = newTypeData('type', modName, Kind.TYPE, TypeFlag.GC | TypeFlag.BASETYPE | TypeFlag.TYPE_SUBCLASS | TypeFlag.WEAKREFABLE | TypeFlag.IMMUTABLE);
  const typeR = heap.allocSlot();
  heap.typ[typeR] = typeR;
  heap.kind[typeR] = Kind.TYPE;
  heap.payload[typeR] = typeTd;
  heap.makeImmortal(typeR);
  const objectR = allocStaticType(heap, typeR, newTypeData('object', modName, Kind.INSTANCE, TypeFlag.BASETYPE | TypeFlag.IMMUTABLE));
  typeTd.base = objectR;
  byName.set('type', typeR);
  byName.set('object', objectR);

  const keyToRef = new Map<string, Ref>([
    ['type', typeR],
    ['object', objectR],
  ]);
  for (const [key, n27, n312, layout, baseKey, gc] of STATIC_TYPES) {
    const name = is27 ? n27 : n312;
    if (name === null) continue;
    let tflags = TypeFlag.IMMUTABLE;
    if (gc) tflags |= TypeFlag.GC;
    if (['int', 'long', 'float', 'complex', 'str', 'unicode', 'bytes', 'tuple', 'list', 'dict', 'set', 'frozenset', 'property', 'staticmethod', 'classmethod', 'super'].includes(key)) tflags |= TypeFlag.BASETYPE;
    // Measured with weakref.ref() on each CPython (modules and builtins became weakly
    // referenceable in 3.x).
    if (['set', 'frozenset', 'function', 'method', 'code', 'classobj', 'instance', 'type', 'generator'].includes(key)) tflags |= TypeFlag.WEAKREFABLE;
    if (!is27 && ['module', 'builtin_function_or_method'].includes(key)) tflags |= TypeFlag.WEAKREFABLE;
    if (key === 'weakref') tflags |= TypeFlag.BASETYPE;
    const td = newTypeData(name, modName, layout, tflags);
    if (!is27 && layout === Kind.WEAKREF) {
      // tp_name "weakref.ReferenceType": a static type's __module__ is what precedes the last dot.
      td.tpName = `weakref.${name}`;
      td.module = 'weakref';
    }
    if (!is27 && key === 'range') td.tpName = 'range';
    const r = allocStaticType(heap, typeR, td);
    td.base = baseKey === null ? 0 : keyToRef.get(baseKey)!;
    keyToRef.set(key, r);
    byName.set(name, r);
  }
  // Aliases across versions.
  if (is27) keyToRef.set('bytes', keyToRef.get('str')!);
  else {
    keyToRef.set('long', keyToRef.get('int')!);
    keyToRef.set('unicode', keyToRef.get('str')!);
    keyToRef.set('classobj', 0);
    keyToRef.set('instance', 0);
  }

  // Exceptions.
  const excByName = new Map<string, Ref>();
  const excModule = is27 ? 'exceptions' : 'builtins';
  for (const [name, parent] of is27 ? EXCEPTIONS_27 : EXCEPTIONS_312) {
    const td = newTypeData(
      name,
      excModule,
      Kind.EXCEPTION,
      TypeFlag.GC | TypeFlag.BASETYPE | TypeFlag.HAS_DICT | TypeFlag.EXCEPTION | TypeFlag.IMMUTABLE,
    );
    if (is27) td.tpName = `exceptions.${name}`;
    const r = allocStaticType(heap, typeR, td);
    td.base = parent === null ? objectR : excByName.get(parent)!;
    excByName.set(name, r);
    byName.set(name, r);
  }

  // Singletons and the objects every type needs (strings for names, tuples for bases/mro).
  const mk = (typeKey: string, kind: Kind, payload: unknown): Ref => {
    const r = heap.allocSlot();
    heap.typ[r] = keyToRef.get(typeKey)!;
    heap.kind[r] = kind;
    heap.payload[r] = payload;
    heap.makeImmortal(r);
    return r;
  };
  heap.None = mk('NoneType', Kind.SINGLETON, null);
  heap.NotImplemented = mk('NotImplementedType', Kind.SINGLETON, null);
  heap.Ellipsis = mk('ellipsis', Kind.SINGLETON, null);
  heap.False = mk('bool', Kind.BOOL, 0);
  heap.True = mk('bool', Kind.BOOL, 1);
  heap.emptyTuple = mk('tuple', Kind.TUPLE, []);
  heap.emptyStr = mk('str', Kind.STR, '');
  heap.interned.set('', heap.emptyStr);
  for (let i = -5; i <= 256; i++) heap.smallInts[i + 5] = mk('int', Kind.INT, i);

  // Bases and MRO tuples and namespace dicts for every static type (filled in by classes.ts helpers).
  const get = (k: string) => keyToRef.get(k) ?? 0;
  const t: BuiltinTypes = {
    object: objectR,
    type: typeR,
    NoneType: get('NoneType'),
    NotImplementedType: get('NotImplementedType'),
    ellipsis: get('ellipsis'),
    bool: get('bool'),
    int: get('int'),
    long: get('long'),
    float: get('float'),
    complex: get('complex'),
    str: get('str'),
    unicode: get('unicode'),
    bytes: get('bytes'),
    tuple: get('tuple'),
    list: get('list'),
    dict: get('dict'),
    set: get('set'),
    frozenset: get('frozenset'),
    function: get('function'),
    builtin_function_or_method: get('builtin_function_or_method'),
    method: get('method'),
    cell: get('cell'),
    module: get('module'),
    frame: get('frame'),
    code: get('code'),
    traceback: get('traceback'),
    weakref: get('weakref'),
    weakproxy: get('weakproxy'),
    weakcallableproxy: get('weakcallableproxy'),
    method_descriptor: get('method_descriptor'),
    getset_descriptor: get('getset_descriptor'),
    member_descriptor: get('member_descriptor'),
    wrapper_descriptor: get('wrapper_descriptor'),
    classmethod_descriptor: get('classmethod_descriptor'),
    property: get('property'),
    staticmethod: get('staticmethod'),
    classmethod: get('classmethod'),
    slice: get('slice'),
    range: get('range'),
    super: get('super'),
    mappingproxy: get('mappingproxy'),
    classobj: get('classobj'),
    instance: get('instance'),
    list_iterator: get('list_iterator'),
    list_reverseiterator: get('list_reverseiterator'),
    tuple_iterator: get('tuple_iterator'),
    str_iterator: get('str_iterator'),
    dict_keyiterator: get('dict_keyiterator'),
    dict_valueiterator: get('dict_valueiterator'),
    dict_itemiterator: get('dict_itemiterator'),
    set_iterator: get('set_iterator'),
    range_iterator: get('range_iterator'),
    iterator: get('iterator'),
    callable_iterator: get('callable_iterator'),
    dict_keys: get('dict_keys'),
    dict_values: get('dict_values'),
    dict_items: get('dict_items'),
    generator: get('generator'),
    BaseException: excByName.get('BaseException') ?? 0,
    Exception: excByName.get('Exception') ?? 0,
    StandardError: excByName.get('StandardError') ?? 0,
    TypeError: excByName.get('TypeError') ?? 0,
    ValueError: excByName.get('ValueError') ?? 0,
    AttributeError: excByName.get('AttributeError') ?? 0,
    KeyError: excByName.get('KeyError') ?? 0,
    IndexError: excByName.get('IndexError') ?? 0,
    LookupError: excByName.get('LookupError') ?? 0,
    NameError: excByName.get('NameError') ?? 0,
    UnboundLocalError: excByName.get('UnboundLocalError') ?? 0,
    RuntimeError: excByName.get('RuntimeError') ?? 0,
    RecursionError: excByName.get('RecursionError') ?? excByName.get('RuntimeError')!,
    NotImplementedError: excByName.get('NotImplementedError') ?? 0,
    ReferenceError: excByName.get('ReferenceError') ?? 0,
    ZeroDivisionError: excByName.get('ZeroDivisionError') ?? 0,
    OverflowError: excByName.get('OverflowError') ?? 0,
    ArithmeticError: excByName.get('ArithmeticError') ?? 0,
    AssertionError: excByName.get('AssertionError') ?? 0,
    StopIteration: excByName.get('StopIteration') ?? 0,
    MemoryError: excByName.get('MemoryError') ?? 0,
    SyntaxError: excByName.get('SyntaxError') ?? 0,
    IndentationError: excByName.get('IndentationError') ?? 0,
    TabError: excByName.get('TabError') ?? 0,
    SystemExit: excByName.get('SystemExit') ?? 0,
    KeyboardInterrupt: excByName.get('KeyboardInterrupt') ?? 0,
    GeneratorExit: excByName.get('GeneratorExit') ?? 0,
    ImportError: excByName.get('ImportError') ?? 0,
    ModuleNotFoundError: excByName.get('ModuleNotFoundError') ?? excByName.get('ImportError')!,
    OSError: excByName.get('OSError') ?? 0,
    IOError: excByName.get('IOError') ?? excByName.get('OSError')!,
    EnvironmentError: excByName.get('EnvironmentError') ?? excByName.get('OSError')!,
    EOFError: excByName.get('EOFError') ?? 0,
    UnicodeError: excByName.get('UnicodeError') ?? 0,
    UnicodeDecodeError: excByName.get('UnicodeDecodeError') ?? 0,
    UnicodeEncodeError: excByName.get('UnicodeEncodeError') ?? 0,
    SystemError: excByName.get('SystemError') ?? 0,
    FloatingPointError: excByName.get('FloatingPointError') ?? 0,
    BufferError: excByName.get('BufferError') ?? 0,
    FileNotFoundError: excByName.get('FileNotFoundError') ?? excByName.get('IOError')!,
    Warning: excByName.get('Warning') ?? 0,
    UserWarning: excByName.get('UserWarning') ?? 0,
    DeprecationWarning: excByName.get('DeprecationWarning') ?? 0,
    PendingDeprecationWarning: excByName.get('PendingDeprecationWarning') ?? 0,
    RuntimeWarning: excByName.get('RuntimeWarning') ?? 0,
    SyntaxWarning: excByName.get('SyntaxWarning') ?? 0,
    FutureWarning: excByName.get('FutureWarning') ?? 0,
    ImportWarning: excByName.get('ImportWarning') ?? 0,
    UnicodeWarning: excByName.get('UnicodeWarning') ?? 0,
    BytesWarning: excByName.get('BytesWarning') ?? 0,
    ResourceWarning: excByName.get('ResourceWarning') ?? 0,
    exceptionsByName: excByName,
    byName,
  };
  return t;
}
