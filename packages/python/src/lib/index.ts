/**
 * The runtime library of `@heaplab/python`: the Python-visible behaviour of every builtin type,
 * the operators, subscription, string formatting and the builtins module, all as heap-level
 * natives with exact reference counting.
 *
 * @module
 */
export type { RuntimeHooks, RuntimeFs } from './hooks.js';
export { installBuiltinTypes } from './install.js';
export { createBuiltinsModule, printStatement27, flushSoftspace27 } from './builtins.js';
export { binaryOp, inplaceOp, unaryOp, divmodOp, ternaryPow, newComplex, type BinaryOpName, type UnaryOpName } from './number.js';
export { compareOp, containsOp, cmp27, type CompareOpName } from './compare.js';
export { getItem, setItem, delItem, getSlice, setSlice, delSlice, newSlice, sliceIndices, newRange, keyError } from './subscript.js';
export {
  percentFormat,
  strFormat,
  formatValue,
  formatBuiltin,
  formatFString,
  asciiRepr,
} from './format.js';
export { pyStr, pyRepr, strText } from './types/str.js';
export { isInstanceOf, isSubclassOf, typeNew, calculateMetaclass, objectRepr } from './types/object.js';
export { makeException, newOSError, newSyntaxError, exceptionTypes } from './types/exceptions.js';
export { newStdStream, openFile, writeTo, softspace, isFileObject } from './types/file.js';
export { sortList } from './types/list.js';
export { timsort } from './sort.js';
