/**
 * @heaplab/python — a Python 2.7 / 3.12 subset interpreter whose every object lives on a
 * `@heaplab/heap` heap, and the `heaplab` command.
 */
export { parse, PySyntaxError, type ParseOptions, type Dialect } from './parser/index.js';
export { Interpreter, BudgetExceeded, type InterpreterOptions, type LineEvent, type FileSystem } from './vm/interp.js';
export { Frame, Completion } from './vm/frame.js';
export { runProgram, createInterpreter, compileSource, type ProgramOptions, type ProgramResult } from './run.js';
export { createModuleProviders } from './providers.js';
