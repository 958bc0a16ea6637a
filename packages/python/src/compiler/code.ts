/**
 * A compiled code block: the result of compiling one scope (module, function, lambda, class
 * body, comprehension). Its `codeRef` is the heap code object (which owns the constants).
 */
import type { Ref } from '@heaplab/heap';
import type { Frame } from '../vm/frame.js';
import type { Scope, ScopeKind } from './symtable.js';

/** A compiled statement list: returns a `Completion` code. */
export type StmtFn = (f: Frame) => number;
/** A compiled expression: returns a new reference. */
export type ExprFn = (f: Frame) => Ref;

export interface CodeUnit {
  name: string;
  qualname: string;
  filename: string;
  firstlineno: number;
  kind: ScopeKind;
  scope: Scope;
  /** Fast locals: parameters first. */
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  /** varnames.length + cellvars.length + freevars.length */
  nfast: number;
  /** Positional parameters (including positional-only). */
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  /** Index in `varnames` of `*args` / `**kwargs`, or -1. */
  varargsIndex: number;
  varkwIndex: number;
  /** For each cellvar that is also a parameter: [cell index, parameter index]. */
  cellParams: [number, number][];
  /** Has a `__class__` cell the class body fills (3.12 super()). */
  body: StmtFn;
  /** The heap code object (owned by the code unit; immortal for the program's life). */
  codeRef: Ref;
  isGenerator: boolean;
  /** Docstring constant ref (borrowed from the code's consts) or 0. */
  doc: Ref;
  /** 2.7 `from __future__ import division`. */
  trueDivision: boolean;
}
