/**
 * The compiler: Python AST → a tree of JavaScript closures.
 *
 * Every expression compiles to `(frame) => Ref` returning a *new* reference; every statement to
 * `(frame) => Completion`. Temporaries are released in `finally` blocks, so a Python exception
 * (a thrown `PyException`) never leaks a reference. What CPython's bytecode does that is visible
 * on the heap is done here in the same order: constants live in the code object, function
 * defaults and closures are built when `def` runs, class bodies run with their own namespace,
 * 2.7 list comprehensions leak their variable while 3.12 inlines comprehensions (PEP 709), and
 * `a, b = x, y` swaps without building a tuple.
 */
import {
  getAttrOrNull,
  strOf,
  callMethod,
  cellGet,
  dictDelStr,
  dictGetStr,
  dictGetStrHashed,
  strHashOf,
  HASH_HI,
  dictSetItem,
  dictSetStr,
  type FunctionData,
  genericGetAttr,
  getAttr,
  getAttrStorage,
  getIter,
  type Heap,
  intern,
  isSubtype,
  isTrue,
  iterNext,
  Kind,
  listAppend,
  newDict,
  newFloat,
  newInt,
  newList,
  newListSteal,
  newLong,
  newSet,
  newStr,
  newTuple,
  newTupleSteal,
  newUnicode,
  PyException,
  type Ref,
  setAdd,
  setAttr,
  typeLookup,
  type TypeData,
  TypeFlag,
  dictEntries,
  newClass,
  CompareOp,
  richCompareBool,
  Flag,
  iterateToArray,
  type CodeData,
  newExceptionWithArgs,
  call,
  moduleDict,
  type ExceptionData,
  strValue,
} from '@heaplab/heap';
import type * as A from '../parser/ast.js';
import { Completion, Frame } from '../vm/frame.js';
import { delegateSend, delegateThrow } from '../vm/generators.js';
import { callExit, chainCaught, enterExceptBlock } from '../vm/raising.js';
import type { Interpreter } from '../vm/interp.js';
import { BudgetExceeded } from '../vm/interp.js';
import type { RuntimeOps } from '../vm/ops.js';
import type { CodeUnit, ExprFn, StmtFn } from './code.js';
import { buildSymbolTable, mangle, type Scope, ScopeError, type SymbolTable } from './symtable.js';
import { interpreterProfileOf } from '../vm/profile.js';

/** Encodes source lines to scan them by UTF-8 byte offset. */
const utf8Encoder = new TextEncoder();

/** Compile-time flags (from `__future__` imports and the caller). */
export interface CompileFlags {
  dialect: '2.7' | '3.12';
  filename: string;
  /** 2.7 `from __future__ import division`. */
  trueDivision: boolean;
  /** 2.7 `from __future__ import unicode_literals`. */
  unicodeLiterals: boolean;
}

/** A compile-time error that should surface as a Python SyntaxError at `node`. */
export class CompileError extends Error {
  constructor(
    message: string,
    readonly node: A.Pos | null,
    readonly kind: 'SyntaxError' | 'NotImplementedError' = 'SyntaxError',
  ) {
    super(message);
  }
}

const NEXT = Completion.NEXT;
const BREAK = Completion.BREAK;
const CONTINUE = Completion.CONTINUE;
const RETURN = Completion.RETURN;

const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Where a name lives at run time. */
type Access =
  | { kind: 'fast'; index: number }
  | { kind: 'deref'; index: number }
  | { kind: 'global' }
  | { kind: 'name' }
  | { kind: 'outer'; hops: number; access: Access };

/** A frame for a 3.12 inlined comprehension: its own fast slots, running inside `outer`. */
class InlineFrame extends Frame {
  constructor(
    code: CodeUnit,
    fast: Ref[],
    readonly outer: Frame,
  ) {
    super(code, fast, outer.globals, outer.builtins, outer.locals, outer.back, outer.func);
  }
}

/** Compile a module. */
export function compileModule(interp: Interpreter, ops: RuntimeOps, module: A.Module, flags: CompileFlags): CodeUnit {
  let table: SymbolTable;
  try {
    table = buildSymbolTable(module, flags.dialect);
  } catch (e) {
    if (e instanceof ScopeError) throw new CompileError(e.message, e.node);
    throw e;
  }
  const mc = new ModuleCompiler(interp, ops, table, flags);
  return mc.compileScope(table.module, module.body, '<module>', '<module>', 1, null, null);
}

/** Does a statement contain `yield` (not counting nested functions, lambdas, classes or comprehensions)? */
function containsYield(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(containsYield);
  const n = node as { type?: string };
  switch (n.type) {
    case 'Yield':
    case 'YieldFrom':
      return true;
    case 'FunctionDef':
    case 'Lambda':
    case 'ClassDef':
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp':
      return false;
  }
  for (const [k, v] of Object.entries(n)) {
    if (k === 'type') continue;
    if (v !== null && typeof v === 'object' && containsYield(v)) return true;
  }
  return false;
}

/** Does an expression contain a `yield` below its top level? */
function containsYieldExpr(e: A.Expr): boolean {
  return containsYield(e);
}

class ModuleCompiler {
  readonly heap: Heap;
  constructor(
    readonly it: Interpreter,
    readonly ops: RuntimeOps,
    readonly table: SymbolTable,
    readonly flags: CompileFlags,
  ) {
    this.heap = it.heap;
  }

  /** Compile one scope's body into a CodeUnit with its heap code object. */
  compileScope(
    scope: Scope,
    body: readonly A.Stmt[] | null,
    name: string,
    qualname: string,
    firstlineno: number,
    args: A.Arguments | null,
    parent: ScopeCompiler | null,
    exprBody: A.Expr | null = null,
    className: string | null = null,
  ): CodeUnit {
    const heap = this.heap;
    const varnames = [...scope.varnames];
    // Parameters first, in order.
    const params = scope.params;
    const ordered = [...params, ...varnames.filter((v) => !params.includes(v))];
    const cellvars = [...scope.cells].filter((n) => scope.kind !== 'module');
    const freevars = [...scope.frees];
    const unit: CodeUnit = {
      name,
      qualname,
      filename: this.flags.filename,
      firstlineno,
      kind: scope.kind,
      scope,
      varnames: scope.kind === 'module' || scope.kind === 'class' ? [] : ordered,
      cellvars,
      freevars,
      nfast: 0,
      argcount: 0,
      posonlyargcount: 0,
      kwonlyargcount: 0,
      varargsIndex: -1,
      varkwIndex: -1,
      cellParams: [],
      body: () => NEXT,
      codeRef: 0,
      isGenerator: scope.isGenerator,
      doc: 0,
      trueDivision: this.flags.trueDivision,
    };
    unit.nfast = unit.varnames.length + cellvars.length + freevars.length;
    if (args !== null) {
      unit.posonlyargcount = args.posonlyargs.length;
      unit.argcount = args.posonlyargs.length + args.args.length;
      unit.kwonlyargcount = args.kwonlyargs.length;
      let idx = unit.argcount + unit.kwonlyargcount;
      if (args.vararg) unit.varargsIndex = idx++;
      if (args.kwarg) unit.varkwIndex = idx++;
    } else if (scope.kind === 'genexpr' || scope.kind === 'comprehension') {
      unit.argcount = 1;
    }
    cellvars.forEach((c, ci) => {
      const pi = unit.varnames.indexOf(c);
      if (pi >= 0 && pi < params.length) unit.cellParams.push([ci, pi]);
    });
    const sc = new ScopeCompiler(this, scope, unit, parent, className);
    const consts: Ref[] = [];
    sc.consts = consts;
    // Docstring.
    if (body !== null && body.length > 0) {
      const first = body![0]!;
      if (first.type === 'Expr' && first.value.type === 'Constant' && (first.value.value.t === 'str' || first.value.value.t === 'unicode')) {
        unit.doc = sc.constant(first.value);
      }
    }
    if (scope.isGenerator && scope.kind === 'function' && body !== null) {
      (unit as CodeUnit & { genBody?: (f: Frame) => Generator<Ref, void, Ref> }).genBody = sc.genFunctionBody(body);
      unit.body = () => NEXT;
    } else if (exprBody !== null) {
      const e = sc.expr(exprBody);
      unit.body = (f) => {
        f.retval = e(f);
        return RETURN;
      };
    } else unit.body = sc.block(body ?? []);
    if (unit.doc !== 0 && (scope.kind === 'module' || scope.kind === 'class')) {
      // A module or class docstring is stored as __doc__ before the body runs.
      const inner = unit.body;
      const doc = unit.doc;
      unit.body = (f) => {
        if (f.locals !== 0 && heap.kind[f.locals] === Kind.DICT) dictSetStr(heap, f.locals, '__doc__', doc);
        return inner(f);
      };
    }
    const codeData: CodeData = {
      consts,
      name,
      qualname,
      filename: this.flags.filename,
      firstlineno,
      varnames: unit.varnames,
      argcount: unit.argcount,
      cellvars,
      freevars,
      flags: (unit.varargsIndex >= 0 ? 4 : 0) | (unit.varkwIndex >= 0 ? 8 : 0) | (scope.isGenerator ? 32 : 0),
      ext: unit,
    };
    unit.codeRef = heap.alloc(heap.t.code, Kind.CODE, codeData);
    // Code objects live as long as the program (they are referenced from the compiled closures).
    heap.makeImmortal(unit.codeRef);
    return unit;
  }
}

/**
 * Drop the last reference to `old` with the frame at `node` (a STORE/DELETE instruction's
 * position), so an unraisable exception its deallocation reports (a weakref callback, `__del__`)
 * gets 3.12's markers under that name; the frame's previous position comes back afterwards.
 */
function decrefAt(heap: Heap, f: Frame, node: A.Pos, old: Ref): void {
  const saved = f.pos;
  f.pos = node;
  heap.decref(old);
  f.pos = saved;
}

/** Compiles the statements and expressions of one scope. */
class ScopeCompiler {
  readonly heap: Heap;
  readonly it: Interpreter;
  readonly ops: RuntimeOps;
  consts: Ref[] = [];
  readonly is27: boolean;
  /** Loop nesting (for break/continue validation). */
  private loopDepth = 0;

  constructor(
    readonly mc: ModuleCompiler,
    readonly scope: Scope,
    readonly unit: CodeUnit,
    readonly parent: ScopeCompiler | null,
    readonly className: string | null,
  ) {
    this.heap = mc.heap;
    this.it = mc.it;
    this.ops = mc.ops;
    this.is27 = mc.flags.dialect === '2.7';
  }

  // ==========================================================================================
  // Names
  // ==========================================================================================

  private mangled(name: string): string {
    return mangle(this.className, name);
  }

  access(rawName: string): Access {
    const name = this.mangled(rawName);
    const s = this.scope;
    const b = s.bindings.get(name);
    if ((b === 'outer' || (b === undefined && s.inlined)) && this.parent !== null) return { kind: 'outer', hops: 1, access: this.parent.access(rawName) };
    const nv = this.unit.varnames.length;
    if (b === 'cell') return { kind: 'deref', index: nv + this.unit.cellvars.indexOf(name) };
    if (b === 'free') return { kind: 'deref', index: nv + this.unit.cellvars.length + this.unit.freevars.indexOf(name) };
    if (b === 'local' && s.isFunctionLike) {
      const i = this.unit.varnames.indexOf(name);
      if (i >= 0) return { kind: 'fast', index: i };
    }
    // Module and class bodies use the locals mapping (LOAD_NAME/STORE_NAME), except names
    // declared `global` in a class body.
    if (s.kind === 'module') return { kind: 'name' };
    if (s.kind === 'class') return s.explicitGlobals.has(name) ? { kind: 'global' } : { kind: 'name' };
    return { kind: 'global' };
  }

  private nameError(name: string, inFunction: boolean): PyException {
    return this.nameErrorNaming(this.it.profile.messages.nameNotDefined(name, inFunction), name);
  }

  /**
   * A NameError about `name`. 3.x's format_exc_check_arg also records the name on the
   * exception (`e.name`), which the "Did you mean" hint of a printed traceback reads.
   */
  private nameErrorNaming(message: string, name: string): PyException {
    const heap = this.heap;
    const e = heap.newException(heap.t.NameError, message);
    if (this.it.profile.errorSuggestions) (heap.payload[e.exc] as ExceptionData).errName = newStr(heap, name);
    return e;
  }

  loadName(rawName: string, node: A.Pos): ExprFn {
    const heap = this.heap;
    const name = this.mangled(rawName);
    const acc = this.access(rawName);
    return this.loadAccess(acc, name, node);
  }

  private loadAccess(acc: Access, name: string, node: A.Pos): ExprFn {
    const heap = this.heap;
    const it = this.it;
    const rc = () => heap.rc;
    switch (acc.kind) {
      case 'fast': {
        const i = acc.index;
        return (f) => {
          const v = f.fast[i]!;
          if (v === 0) {
            f.pos = node;
            throw heap.newException(heap.t.UnboundLocalError, it.profile.messages.unboundLocal(name));
          }
          rc()[v]++;
          return v;
        };
      }
      case 'deref': {
        const i = acc.index;
        const isFree = i >= this.unit.varnames.length + this.unit.cellvars.length;
        return (f) => {
          const v = (heap.payload[f.fast[i]!] as Ref[])[0]!;
          if (v === 0) {
            f.pos = node;
            if (isFree) throw this.nameErrorNaming(it.profile.messages.unboundFree(name), name);
            throw heap.newException(heap.t.UnboundLocalError, it.profile.messages.unboundLocal(name));
          }
          rc()[v]++;
          return v;
        };
      }
      case 'global': {
        const inFunction = this.scope.isFunctionLike;
        const key = this.internedName(name);
        const lo = strHashOf(heap, name);
        const hi = HASH_HI[0]!;
        return (f) => {
          let v = dictGetStrHashed(heap, f.globals, name, key, lo, hi);
          if (v === 0) v = dictGetStrHashed(heap, f.builtins, name, key, lo, hi);
          if (v === 0) {
            f.pos = node;
            throw this.nameError(name, inFunction);
          }
          rc()[v]++;
          return v;
        };
      }
      case 'name': {
        const key = this.internedName(name);
        const lo = strHashOf(heap, name);
        const hi = HASH_HI[0]!;
        return (f) => {
          let v = f.locals !== 0 ? (heap.kind[f.locals] === Kind.DICT ? dictGetStrHashed(heap, f.locals, name, key, lo, hi) : this.localsGet(f.locals, name)) : 0;
          if (v === 0 && f.locals !== f.globals) v = dictGetStrHashed(heap, f.globals, name, key, lo, hi);
          if (v === 0) v = dictGetStrHashed(heap, f.builtins, name, key, lo, hi);
          if (v === 0) {
            f.pos = node;
            throw this.nameError(name, false);
          }
          rc()[v]++;
          return v;
        };
      }
      case 'outer': {
        const inner = this.loadAccess(acc.access, name, node);
        return (f) => inner((f as InlineFrame).outer);
      }
    }
  }

  /** The interned str of a name, kept alive by the code object's constants. */
  private internedName(name: string): Ref {
    const r = intern(this.heap, name);
    this.consts.push(r);
    return r;
  }

  /** A class namespace may be any mapping; dicts take the fast path. */
  private localsGet(locals: Ref, name: string): Ref {
    const heap = this.heap;
    if (heap.kind[locals] === Kind.DICT) return dictGetStr(heap, locals, name);
    const key = newStr(heap, name);
    try {
      const r = this.ops.getItem(heap, locals, key);
      heap.decref(r); // the mapping still holds it
      return r;
    } catch (e) {
      if (heap.isExceptionOf(e, heap.t.KeyError)) {
        heap.decref((e as PyException).exc);
        return 0;
      }
      throw e;
    } finally {
      heap.decref(key);
    }
  }

  /** Store (taking ownership of `v`). */
  /**
   * A store into a name. `node` (the target Name) is the STORE instruction's position: when the
   * store frees the old value and its deallocation reports an unraisable exception (a weakref
   * callback, `__del__`), 3.12's traceback marks that name.
   */
  storeName(rawName: string, node: A.Pos | null = null): (f: Frame, v: Ref) => void {
    const name = this.mangled(rawName);
    return this.storeAccess(this.access(rawName), name, node);
  }

  private storeAccess(acc: Access, name: string, node: A.Pos | null): (f: Frame, v: Ref) => void {
    const heap = this.heap;
    switch (acc.kind) {
      case 'fast': {
        const i = acc.index;
        if (node !== null) {
          return (f, v) => {
            const old = f.fast[i]!;
            f.fast[i] = v;
            if (old !== 0) {
              if (heap.rc[old] === 1) decrefAt(heap, f, node, old);
              else heap.decref(old);
            }
          };
        }
        return (f, v) => {
          const old = f.fast[i]!;
          f.fast[i] = v;
          if (old !== 0) heap.decref(old);
        };
      }
      case 'deref': {
        const i = acc.index;
        return (f, v) => {
          const box = heap.payload[f.fast[i]!] as Ref[];
          const old = box[0]!;
          box[0] = v;
          if (old !== 0) {
            if (node !== null && heap.rc[old] === 1) decrefAt(heap, f, node, old);
            else heap.decref(old);
          }
        };
      }
      case 'global':
        return (f, v) => {
          const saved = f.pos;
          if (node !== null) f.pos = node;
          try {
            dictSetStr(heap, f.globals, name, v);
          } finally {
            heap.decref(v);
          }
          f.pos = saved;
        };
      case 'name':
        return (f, v) => {
          const saved = f.pos;
          if (node !== null) f.pos = node;
          try {
            if (heap.kind[f.locals] === Kind.DICT) dictSetStr(heap, f.locals, name, v);
            else {
              const key = intern(heap, name);
              try {
                this.ops.setItem(heap, f.locals, key, v);
              } finally {
                heap.decref(key);
              }
            }
          } finally {
            heap.decref(v);
          }
          f.pos = saved;
        };
      case 'outer': {
        const inner = this.storeAccess(acc.access, name, node);
        return (f, v) => inner((f as InlineFrame).outer, v);
      }
    }
  }

  deleteName(rawName: string, node: A.Pos): StmtFn {
    const heap = this.heap;
    const it = this.it;
    const name = this.mangled(rawName);
    const acc = this.access(rawName);
    const del = (a: Access): ((f: Frame) => void) => {
      switch (a.kind) {
        case 'fast': {
          const i = a.index;
          return (f) => {
            const old = f.fast[i]!;
            if (old === 0) {
              f.pos = node;
              throw heap.newException(heap.t.UnboundLocalError, it.profile.messages.unboundLocal(name));
            }
            f.fast[i] = 0;
            if (heap.rc[old] === 1) decrefAt(heap, f, node, old);
            else heap.decref(old);
          };
        }
        case 'deref': {
          const i = a.index;
          return (f) => {
            const box = heap.payload[f.fast[i]!] as Ref[];
            const old = box[0]!;
            if (old === 0) {
              f.pos = node;
              throw this.nameErrorNaming(it.profile.messages.unboundFree(name), name);
            }
            box[0] = 0;
            if (heap.rc[old] === 1) decrefAt(heap, f, node, old);
            else heap.decref(old);
          };
        }
        case 'global':
          return (f) => {
            const saved = f.pos;
            f.pos = node;
            if (!dictDelStr(heap, f.globals, name)) {
              throw this.nameError(name, this.scope.isFunctionLike);
            }
            f.pos = saved;
          };
        case 'name':
          return (f) => {
            const saved = f.pos;
            f.pos = node;
            if (heap.kind[f.locals] === Kind.DICT) {
              if (!dictDelStr(heap, f.locals, name)) {
                throw this.nameError(name, false);
              }
            } else {
              const key = intern(heap, name);
              try {
                this.ops.delItem(heap, f.locals, key);
              } finally {
                heap.decref(key);
              }
            }
            f.pos = saved;
          };
        case 'outer': {
          const inner = del(a.access);
          return (f) => inner((f as InlineFrame).outer);
        }
      }
    };
    const d = del(acc);
    return (f) => {
      d(f);
      return NEXT;
    };
  }

  // ==========================================================================================
  // Constants
  // ==========================================================================================

  /** The constant for a Constant node (a borrowed ref held by the code object's consts). */
  constant(node: A.Constant): Ref {
    const heap = this.heap;
    const v = node.value;
    let r: Ref;
    switch (v.t) {
      case 'int':
        r = newInt(heap, v.v);
        break;
      case 'long':
        r = newLong(heap, v.v);
        break;
      case 'float':
        r = newFloat(heap, v.v);
        break;
      case 'complex':
        r = heap.alloc(heap.t.complex, Kind.COMPLEX, { re: 0, im: v.imag });
        break;
      case 'str':
        if (this.mc.flags.unicodeLiterals && this.is27) r = newUnicode(heap, v.v);
        else r = IDENT_RE.test(v.v) || v.v.length <= 1 ? intern(heap, v.v) : newStr(heap, v.v);
        break;
      case 'unicode':
        r = newUnicode(heap, v.v);
        break;
      case 'bytes':
        r = heap.t.bytes === heap.t.str ? newStr(heap, v.v) : heap.alloc(heap.t.bytes, Kind.BYTES, v.v);
        break;
      case 'bool':
        r = heap.newRef(v.v ? heap.True : heap.False);
        break;
      case 'none':
        r = heap.newRef(heap.None);
        break;
      case 'ellipsis':
        r = heap.newRef(heap.Ellipsis);
        break;
    }
    this.consts.push(r);
    return r;
  }

  /** A constant tuple (all items constants): created once, owned by the code object. */
  private constantTuple(items: Ref[]): Ref {
    const heap = this.heap;
    const t = newTuple(heap, items);
    this.consts.push(t);
    return t;
  }

  private isConstantExpr(e: A.Expr): boolean {
    if (e.type === 'Constant') return true;
    if (e.type === 'Tuple') return e.elts.every((x) => this.isConstantExpr(x));
    if (e.type === 'UnaryOp' && e.op === 'USub' && e.operand.type === 'Constant') {
      const t = e.operand.value.t;
      return t === 'int' || t === 'float' || t === 'long';
    }
    if (e.type === 'Name' && this.is27) return false;
    return false;
  }

  private constantValue(e: A.Expr): Ref {
    const heap = this.heap;
    if (e.type === 'Constant') return this.constant(e);
    if (e.type === 'UnaryOp' && e.operand.type === 'Constant') {
      const c = e.operand.value;
      let r: Ref;
      if (c.t === 'float') r = newFloat(heap, -c.v);
      else if (c.t === 'long') r = newLong(heap, -(c.v as bigint));
      else r = newInt(heap, -(c as { v: bigint }).v);
      this.consts.push(r);
      return r;
    }
    const items = (e as A.Tuple).elts.map((x) => this.constantValue(x));
    return this.constantTuple(items);
  }

  // ==========================================================================================
  // Statements
  // ==========================================================================================

  block(stmts: readonly A.Stmt[]): StmtFn {
    const fns = stmts.map((s) => this.stmtWithLine(s));
    const n = fns.length;
    if (n === 0) return () => NEXT;
    if (n === 1) return fns[0]!;
    if (n === 2) {
      const a = fns[0]!;
      const b = fns[1]!;
      return (f) => {
        const c = a(f);
        if (c !== NEXT) return c;
        return b(f);
      };
    }
    return (f) => {
      for (let i = 0; i < n; i++) {
        const c = fns[i]!(f);
        if (c !== NEXT) return c;
      }
      return NEXT;
    };
  }

  /** Wrap a statement with line tracking, the step budget and the line hook. */
  private stmtWithLine(s: A.Stmt): StmtFn {
    const it = this.it;
    const saved = this.line27;
    this.line27 = s.lineno;
    const run = this.stmt(s);
    (s as A.Stmt & { line27?: number }).line27 = this.line27;
    this.line27 = saved;
    const line = s.lineno;
    const filename = this.mc.flags.filename;
    return (f) => {
      f.lineno = line;
      f.pos = null;
      if (++it.steps > it.stepBudget) throw new BudgetExceeded(`step budget exceeded after ${it.stepBudget} steps`);
      if (it.onLine !== null) it.onLine({ frame: f, lineno: line, filename });
      return run(f);
    };
  }

  stmt(s: A.Stmt): StmtFn {
    const heap = this.heap;
    switch (s.type) {
      case 'Expr': {
        const e = this.expr(s.value);
        return (f) => {
          heap.decref(e(f));
          return NEXT;
        };
      }
      case 'Assign':
        return this.assign(s);
      case 'AugAssign':
        return this.augAssign(s);
      case 'AnnAssign': {
        if (s.value === null) return () => NEXT;
        const v = this.expr(s.value);
        const store = this.target(s.target);
        return (f) => {
          store(f, v(f));
          return NEXT;
        };
      }
      case 'Pass':
        return () => NEXT;
      case 'Break':
        if (this.loopDepth === 0) throw new CompileError("'break' outside loop", s);
        return () => BREAK;
      case 'Continue':
        if (this.loopDepth === 0) throw new CompileError("'continue' not properly in loop", s);
        return () => CONTINUE;
      case 'Return': {
        if (!this.scope.isFunctionLike) throw new CompileError("'return' outside function", s);
        if (s.value === null)
          return (f) => {
            f.retval = heap.newRef(heap.None);
            return RETURN;
          };
        const v = this.expr(s.value);
        return (f) => {
          f.retval = v(f);
          return RETURN;
        };
      }
      case 'If': {
        const test = this.cond(s.test);
        const body = this.block(s.body);
        const orelse = this.block(s.orelse);
        if (s.orelse.length === 0) return (f) => (test(f) ? body(f) : NEXT);
        return (f) => (test(f) ? body(f) : orelse(f));
      }
      case 'While':
        return this.whileStmt(s);
      case 'For':
        return this.forStmt(s);
      case 'Delete': {
        const dels = s.targets.map((t) => this.deleteTarget(t));
        return (f) => {
          for (const d of dels) d(f);
          return NEXT;
        };
      }
      case 'FunctionDef':
        return this.functionDef(s);
      case 'ClassDef':
        return this.classDef(s);
      case 'Raise':
        return this.raiseStmt(s);
      case 'Try':
        return this.tryStmt(s);
      case 'Assert':
        return this.assertStmt(s);
      case 'Import':
        return this.importStmt(s);
      case 'ImportFrom':
        return this.importFrom(s);
      case 'Global':
      case 'Nonlocal':
        return () => NEXT;
      case 'With':
        return this.withStmt(s);
      case 'Print':
        return this.printStmt(s);
      case 'Exec':
        return this.execStmt(s);
    }
  }

  private cond(e: A.Expr): (f: Frame) => boolean {
    const heap = this.heap;
    if (e.type === 'UnaryOp' && e.op === 'Not') {
      const inner = this.cond(e.operand);
      return (f) => !inner(f);
    }
    const v = this.expr(e);
    return (f) => {
      const r = v(f);
      if (r === heap.True) {
        heap.rc[r]--;
        return true;
      }
      if (r === heap.False || r === heap.None) {
        heap.rc[r]--;
        return false;
      }
      try {
        return isTrue(heap, r);
      } finally {
        heap.decref(r);
      }
    };
  }

  private whileStmt(s: A.While): StmtFn {
    const heap = this.heap;
    const test = this.cond(s.test);
    this.loopDepth++;
    const body = this.block(s.body);
    this.loopDepth--;
    const orelse = this.block(s.orelse);
    const line = s.lineno;
    // CPython 3.12's layout: the test before the loop, and again after the body, where a true
    // result jumps back (JUMP_BACKWARD, an eval-breaker check) to the start of the body;
    // `continue` jumps back to the first test instead, so its check comes before the test.
    // (2.7 tests at the top only, but runs no collections at eval-breaker checks.)
    return (f) => {
      f.lineno = line;
      if (!test(f)) return orelse(f);
      for (;;) {
        const c = body(f);
        if (c === BREAK) return NEXT;
        if (c === RETURN) return c;
        if (c === CONTINUE && heap.gc.pending) heap.safePoint();
        f.lineno = line;
        if (!test(f)) break;
        if (c !== CONTINUE && heap.gc.pending) heap.safePoint();
      }
      return orelse(f);
    };
  }

  private forStmt(s: A.For): StmtFn {
    const heap = this.heap;
    const iterable = this.expr(s.iter);
    const store = this.target(s.target);
    this.loopDepth++;
    const body = this.block(s.body);
    this.loopDepth--;
    const orelse = this.block(s.orelse);
    const node = s.iter;
    const forItem = this.forIterLocation(s);
    return (f) => {
      const obj = iterable(f);
      let iter: Ref;
      try {
        f.pos = node;
        iter = getIter(heap, obj);
      } finally {
        heap.decref(obj);
      }
      try {
        for (;;) {
          const item = forItem(f, iter);
          if (item === 0) break;
          store(f, item);
          const c = body(f);
          if (c === BREAK) return NEXT;
          if (c === RETURN) return c;
          if (heap.gc.pending) heap.safePoint();
        }
      } finally {
        heap.decref(iter);
      }
      return orelse(f);
    };
  }

  /**
   * `next(iter)` at a `for` loop's FOR_ITER instruction: while the iterator runs (a generator
   * raising, say), the frame is at the loop header — 3.12 reports the `for` statement's line and
   * position, 2.7 the greatest line compiled up to the iterable. The statement's own line and
   * position come back afterwards, so nothing else sees the change.
   */
  private forIterLocation(s: A.For): (f: Frame, iter: Ref) => Ref {
    const heap = this.heap;
    const is27 = this.is27;
    const iterNode = s.iter as A.Expr & { line27?: number };
    return (f, iter) => {
      const line = f.lineno;
      const pos = f.pos;
      f.lineno = is27 ? (iterNode.line27 ?? s.lineno) : s.lineno;
      f.pos = is27 ? null : s;
      const item = iterNext(heap, iter);
      f.lineno = line;
      f.pos = pos;
      return item;
    };
  }

  private assign(s: A.Assign): StmtFn {
    const heap = this.heap;
    // `a, b = x, y` (2 or 3 names, no starred): evaluated then stored without building a tuple.
    if (
      s.targets.length === 1 &&
      (s.targets[0]!.type === 'Tuple' || s.targets[0]!.type === 'List') &&
      (s.value.type === 'Tuple' || s.value.type === 'List') &&
      !this.isConstantExpr(s.value)
    ) {
      const tgt = s.targets[0] as A.Tuple;
      const val = s.value as A.Tuple;
      if (tgt.elts.length === val.elts.length && tgt.elts.length >= 2 && tgt.elts.length <= 3 && !tgt.elts.some((e) => e.type === 'Starred') && !val.elts.some((e) => e.type === 'Starred')) {
        const vals = val.elts.map((e) => this.expr(e));
        const stores = tgt.elts.map((e) => this.target(e));
        return (f) => {
          const got: Ref[] = [];
          try {
            for (const v of vals) got.push(v(f));
          } catch (e) {
            for (const g of got) heap.decref(g);
            throw e;
          }
          for (let i = 0; i < stores.length; i++) {
            try {
              stores[i]!(f, got[i]!);
            } catch (e) {
              for (let j = i + 1; j < got.length; j++) heap.decref(got[j]!);
              throw e;
            }
          }
          return NEXT;
        };
      }
    }
    const value = this.expr(s.value);
    if (s.targets.length === 1) {
      const store = this.target(s.targets[0]!);
      return (f) => {
        store(f, value(f));
        return NEXT;
      };
    }
    const stores = s.targets.map((t) => this.target(t));
    return (f) => {
      const v = value(f);
      try {
        for (const st of stores) {
          heap.rc[v]++;
          st(f, v);
        }
      } finally {
        heap.decref(v);
      }
      return NEXT;
    };
  }

  /** A store function for an assignment target: takes ownership of the value. */
  target(t: A.Expr): (f: Frame, v: Ref) => void {
    const heap = this.heap;
    switch (t.type) {
      case 'Name':
        return this.storeName(t.id, t);
      case 'Attribute': {
        const obj = this.expr(t.value);
        const name = this.mangled(t.attr);
        return (f, v) => {
          let o: Ref;
          try {
            o = obj(f);
          } catch (e) {
            heap.decref(v);
            throw e;
          }
          try {
            f.pos = t;
            setAttr(heap, o, name, v);
          } finally {
            heap.decref(o);
            heap.decref(v);
          }
        };
      }
      case 'Subscript': {
        const obj = this.expr(t.value);
        const key = this.sliceExpr(t.slice);
        // STORE_SUBSCR's position carries the subscript anchors (`~^^^` in 3.12 tracebacks).
        (t as A.Subscript & { anchor?: [number, number] }).anchor = [t.value.end_col_offset, t.end_col_offset];
        return (f, v) => {
          let o = 0;
          let k = 0;
          try {
            o = obj(f);
            k = key(f);
            f.pos = t;
            this.ops.setItem(heap, o, k, v);
          } finally {
            if (o !== 0) heap.decref(o);
            if (k !== 0) heap.decref(k);
            heap.decref(v);
          }
        };
      }
      case 'Tuple':
      case 'List':
        return this.unpackTarget(t.elts, t);
      case 'Starred':
        throw new CompileError('starred assignment target must be in a list or tuple', t);
      default:
        throw new CompileError(this.is27 ? "can't assign to literal" : 'cannot assign to literal', t);
    }
  }

  private unpackTarget(elts: readonly A.Expr[], node: A.Pos): (f: Frame, v: Ref) => void {
    const heap = this.heap;
    const starIndex = elts.findIndex((e) => e.type === 'Starred');
    const stores = elts.map((e) => (e.type === 'Starred' ? this.target(e.value) : this.target(e)));
    const n = elts.length;
    const is27 = this.is27;
    return (f, v) => {
      let items: Ref[];
      try {
        f.pos = node;
        const k = heap.kind[v];
        if ((k === Kind.TUPLE || k === Kind.LIST) && (heap.typ[v] === heap.t.tuple || heap.typ[v] === heap.t.list)) {
          items = (heap.payload[v] as Ref[]).slice();
          for (const x of items) heap.rc[x]++;
        } else items = this.unpackIterable(v, starIndex < 0 ? n : -1);
      } finally {
        heap.decref(v);
      }
      if (starIndex < 0) {
        if (items.length !== n) {
          for (const x of items) heap.decref(x);
          if (items.length > n) throw heap.newException(heap.t.ValueError, is27 ? 'too many values to unpack' : `too many values to unpack (expected ${n})`);
          throw heap.newException(
            heap.t.ValueError,
            is27 ? `need more than ${items.length} value${items.length === 1 ? '' : 's'} to unpack` : `not enough values to unpack (expected ${n}, got ${items.length})`,
          );
        }
        for (let i = 0; i < n; i++) {
          try {
            stores[i]!(f, items[i]!);
          } catch (e) {
            for (let j = i + 1; j < n; j++) heap.decref(items[j]!);
            throw e;
          }
        }
        return;
      }
      const after = n - starIndex - 1;
      if (items.length < n - 1) {
        for (const x of items) heap.decref(x);
        throw heap.newException(heap.t.ValueError, `not enough values to unpack (expected at least ${n - 1}, got ${items.length})`);
      }
      const middle = items.slice(starIndex, items.length - after);
      const seq = [...items.slice(0, starIndex), newListSteal(heap, middle), ...items.slice(items.length - after)];
      for (let i = 0; i < n; i++) {
        try {
          stores[i]!(f, seq[i]!);
        } catch (e) {
          for (let j = i + 1; j < n; j++) heap.decref(seq[j]!);
          throw e;
        }
      }
    };
  }

  /** Iterate `v` for unpacking; with `limit`, stops after limit+1 items (the error needs only that). */
  private unpackIterable(v: Ref, limit: number): Ref[] {
    const heap = this.heap;
    let it: Ref;
    try {
      it = getIter(heap, v);
    } catch (e) {
      if (heap.isExceptionOf(e, heap.t.TypeError)) {
        heap.decref((e as PyException).exc);
        throw heap.newException(
          heap.t.TypeError,
          this.is27 ? `'${heap.typeName(v)}' object is not iterable` : `cannot unpack non-iterable ${heap.typeName(v)} object`,
        );
      }
      throw e;
    }
    const out: Ref[] = [];
    try {
      for (;;) {
        if (limit >= 0 && out.length > limit) break;
        const x = iterNext(heap, it);
        if (x === 0) break;
        out.push(x);
      }
    } catch (e) {
      for (const x of out) heap.decref(x);
      throw e;
    } finally {
      heap.decref(it);
    }
    return out;
  }

  private deleteTarget(t: A.Expr): (f: Frame) => void {
    const heap = this.heap;
    switch (t.type) {
      case 'Name': {
        const d = this.deleteName(t.id, t);
        return (f) => void d(f);
      }
      case 'Attribute': {
        const obj = this.expr(t.value);
        const name = this.mangled(t.attr);
        return (f) => {
          const o = obj(f);
          try {
            f.pos = t;
            setAttr(heap, o, name, 0);
          } finally {
            heap.decref(o);
          }
        };
      }
      case 'Subscript': {
        const obj = this.expr(t.value);
        const key = this.sliceExpr(t.slice);
        (t as A.Subscript & { anchor?: [number, number] }).anchor = [t.value.end_col_offset, t.end_col_offset];
        return (f) => {
          const o = obj(f);
          let k = 0;
          try {
            k = key(f);
            f.pos = t;
            this.ops.delItem(heap, o, k);
          } finally {
            heap.decref(o);
            if (k !== 0) heap.decref(k);
          }
        };
      }
      case 'Tuple':
      case 'List': {
        const ds = t.elts.map((e) => this.deleteTarget(e));
        return (f) => {
          for (const d of ds) d(f);
        };
      }
      default:
        throw new CompileError(this.is27 ? "can't delete literal" : 'cannot delete literal', t);
    }
  }

  private augAssign(s: A.AugAssign): StmtFn {
    const heap = this.heap;
    const ops = this.ops;
    const value = this.expr(s.value);
    const op = this.opName(s.op);
    const t = s.target;
    if (t.type === 'Name') {
      const load = this.loadName(t.id, t);
      const store = this.storeName(t.id, t);
      return (f) => {
        const cur = load(f);
        let v: Ref;
        try {
          v = value(f);
        } catch (e) {
          heap.decref(cur);
          throw e;
        }
        let r: Ref;
        try {
          f.pos = s;
          r = ops.inplaceOp(heap, op, cur, v);
        } finally {
          heap.decref(cur);
          heap.decref(v);
        }
        store(f, r);
        return NEXT;
      };
    }
    if (t.type === 'Attribute') {
      const obj = this.expr(t.value);
      const name = this.mangled(t.attr);
      return (f) => {
        const o = obj(f);
        try {
          f.pos = t;
          const cur = getAttr(heap, o, name);
          let r: Ref;
          try {
            const v = value(f);
            try {
              f.pos = s;
              r = ops.inplaceOp(heap, op, cur, v);
            } finally {
              heap.decref(v);
            }
          } finally {
            heap.decref(cur);
          }
          try {
            setAttr(heap, o, name, r);
          } finally {
            heap.decref(r);
          }
        } finally {
          heap.decref(o);
        }
        return NEXT;
      };
    }
    if (t.type === 'Subscript') {
      const obj = this.expr(t.value);
      const key = this.sliceExpr(t.slice);
      return (f) => {
        const o = obj(f);
        let k = 0;
        try {
          k = key(f);
          f.pos = t;
          const cur = ops.getItem(heap, o, k);
          let r: Ref;
          try {
            const v = value(f);
            try {
              f.pos = s;
              r = ops.inplaceOp(heap, op, cur, v);
            } finally {
              heap.decref(v);
            }
          } finally {
            heap.decref(cur);
          }
          try {
            ops.setItem(heap, o, k, r);
          } finally {
            heap.decref(r);
          }
        } finally {
          heap.decref(o);
          if (k !== 0) heap.decref(k);
        }
        return NEXT;
      };
    }
    throw new CompileError("illegal expression for augmented assignment", s);
  }

  private opName(op: A.OperatorName): string {
    if (op === 'Div' && (!this.is27 || this.unit.trueDivision)) return 'TrueDiv';
    return op;
  }

  private assertStmt(s: A.Assert): StmtFn {
    const heap = this.heap;
    const test = this.cond(s.test);
    const msg = s.msg ? this.expr(s.msg) : null;
    return (f) => {
      if (test(f)) return NEXT;
      if (msg === null) throw heap.newException(heap.t.AssertionError, null);
      const m = msg(f);
      const args = newTupleSteal(heap, [m]);
      throw this.it.exception(newExceptionWithArgs(heap, heap.t.AssertionError, args));
    };
  }

  private printStmt(s: A.Print): StmtFn {
    const heap = this.heap;
    const dest = s.dest ? this.expr(s.dest) : null;
    const values = s.values.map((v) => this.expr(v));
    const nl = s.nl;
    return (f) => {
      const d = dest ? dest(f) : 0;
      const vals: Ref[] = [];
      try {
        for (const v of values) vals.push(v(f));
        this.ops.print27(heap, d, vals, nl);
      } finally {
        for (const v of vals) heap.decref(v);
        if (d !== 0) heap.decref(d);
      }
      return NEXT;
    };
  }

  private execStmt(s: A.Exec): StmtFn {
    const heap = this.heap;
    const body = this.expr(s.body);
    const g = s.globals ? this.expr(s.globals) : null;
    const l = s.locals ? this.expr(s.locals) : null;
    return (f) => {
      const src = body(f);
      const gd = g ? g(f) : heap.newRef(f.globals);
      const ld = l ? l(f) : g ? heap.newRef(gd) : heap.newRef(f.locals !== 0 ? f.locals : f.globals);
      try {
        this.it.execSource(src, gd, ld);
      } finally {
        heap.decref(src);
        heap.decref(gd);
        heap.decref(ld);
      }
      return NEXT;
    };
  }

  // ---- functions and classes -----------------------------------------------------------------

  private qualnameFor(name: string): string {
    // CPython: names inside functions get `<locals>`; class bodies prefix the class qualname.
    const u = this.unit;
    if (this.scope.kind === 'module') return name;
    if (this.scope.kind === 'class') return `${u.qualname}.${name}`;
    return `${u.qualname}.<locals>.${name}`;
  }

  /**
   * Compile a nested function-like scope and return a closure that creates the function object
   * (MAKE_FUNCTION): defaults tuple, keyword defaults dict, closure tuple of cells.
   */
  private makeFunction(
    node: A.FunctionDef | A.Lambda,
    name: string,
    body: readonly A.Stmt[] | null,
    exprBody: A.Expr | null,
  ): ExprFn {
    const heap = this.heap;
    const scope = this.mc.table.scopeOf(node);
    const qualname = this.qualnameFor(name);
    const unit = this.mc.compileScope(scope, body, name, qualname, node.lineno, node.args, this, exprBody, this.className);
    const a = node.args;
    const allConstDefaults = !this.is27 && a.defaults.every((d) => this.isConstantExpr(d));
    const defaultsConst = allConstDefaults && a.defaults.length > 0 ? this.constantTuple(a.defaults.map((d) => this.constantValue(d))) : 0;
    const defaults = allConstDefaults ? [] : a.defaults.map((d) => this.expr(d));
    const kwDefaults: [string, ExprFn][] = [];
    a.kwonlyargs.forEach((arg, i) => {
      const d = a.kw_defaults[i];
      if (d) kwDefaults.push([arg.arg, this.expr(d)]);
    });
    const closureAccess = unit.freevars.map((n) => {
      const acc = this.access(n);
      if (acc.kind === 'deref') return acc.index;
      if (acc.kind === 'outer' && acc.access.kind === 'deref') return -1 - acc.access.index;
      throw new Error(`internal: free variable ${n} is not a cell in the enclosing scope`);
    });
    const nameStr = intern(heap, name);
    this.consts.push(nameStr);
    const qualStr = this.is27 ? 0 : newStr(heap, qualname);
    if (qualStr !== 0) this.consts.push(qualStr);
    const doc = unit.doc;
    return (f) => {
      const made: Ref[] = [];
      try {
        let defs = 0;
        if (defaultsConst !== 0) defs = heap.newRef(defaultsConst);
        else if (defaults.length > 0) {
          const vals: Ref[] = [];
          try {
            for (const d of defaults) vals.push(d(f));
          } catch (e) {
            for (const v of vals) heap.decref(v);
            throw e;
          }
          defs = newTupleSteal(heap, vals);
        }
        made.push(defs);
        let kwdefs = 0;
        if (kwDefaults.length > 0) {
          kwdefs = newDict(heap);
          made.push(kwdefs);
          for (const [k, fn] of kwDefaults) {
            const v = fn(f);
            dictSetStr(heap, kwdefs, k, v);
            heap.decref(v);
          }
        } else made.push(0);
        let closure = 0;
        if (closureAccess.length > 0) {
          const cells = closureAccess.map((i) => {
            const c = i >= 0 ? f.fast[i]! : (f as InlineFrame).outer.fast[-1 - i]!;
            heap.rc[c]++;
            return c;
          });
          closure = newTupleSteal(heap, cells);
        }
        made.push(closure);
        const fn = this.it.newFunction(unit, f.globals, nameStr, qualStr, defs, kwdefs, closure, doc);
        return fn;
      } catch (e) {
        for (const m of made) if (m !== 0) heap.decref(m);
        throw e;
      }
    };
  }

  private functionDef(s: A.FunctionDef): StmtFn {
    const heap = this.heap;
    const decorators = s.decorator_list.map((d) => this.expr(d));
    const make = this.makeFunction(s, s.name, s.body, null);
    const store = this.storeName(s.name);
    return (f) => {
      const decs: Ref[] = [];
      try {
        for (const d of decorators) decs.push(d(f));
      } catch (e) {
        for (const d of decs) heap.decref(d);
        throw e;
      }
      let fn: Ref;
      try {
        fn = make(f);
      } catch (e) {
        for (const d of decs) heap.decref(d);
        throw e;
      }
      // Decorators apply bottom-up.
      for (let i = decs.length - 1; i >= 0; i--) {
        const d = decs[i]!;
        try {
          fn = this.it.callOwned(d, [fn], null);
        } catch (e) {
          for (let j = i; j >= 0; j--) heap.decref(decs[j]!);
          throw e;
        }
        heap.decref(d);
      }
      store(f, fn);
      return NEXT;
    };
  }

  private classDef(s: A.ClassDef): StmtFn {
    const heap = this.heap;
    const it = this.it;
    const scope = this.mc.table.scopeOf(s);
    const qualname = this.qualnameFor(s.name);
    const unit = this.mc.compileScope(scope, s.body, s.name, qualname, s.lineno, null, this, null, s.name);
    const decorators = s.decorator_list.map((d) => this.expr(d));
    const bases = s.bases.map((b) => (b.type === 'Starred' ? null : this.expr(b)));
    if (bases.includes(null)) throw new CompileError('starred bases are not supported by HeapLab', s, 'NotImplementedError');
    // The keywords of `class C(B, metaclass=M, x=1, **opts)`, in source order: __build_class__
    // takes `metaclass` out (from a `**` mapping too) and passes the rest to the metaclass and on
    // to __init_subclass__.
    const keywordItems = s.keywords.map((k) => ({ name: k.arg ?? null, fn: this.expr(k.value) }));
    const store = this.storeName(s.name);
    const closureAccess = unit.freevars.map((n) => {
      const acc = this.access(n);
      if (acc.kind === 'deref') return acc.index;
      throw new Error(`internal: class free variable ${n}`);
    });
    const nameStr = intern(heap, s.name);
    this.consts.push(nameStr);
    const qualStr = newStr(heap, qualname);
    this.consts.push(qualStr);
    return (f) => {
      const decs: Ref[] = [];
      const baseRefs: Ref[] = [];
      const kwRefs: Ref[] = [];
      const kwNames: string[] = [];
      let metaRef = 0;
      try {
        for (const d of decorators) decs.push(d(f));
        for (const b of bases) baseRefs.push(b!(f));
        for (const k of keywordItems) this.collectClassKeyword(k.name, k.fn(f), kwNames, kwRefs);
        const m = kwNames.indexOf('metaclass');
        if (m >= 0) {
          metaRef = kwRefs[m]!;
          kwNames.splice(m, 1);
          kwRefs.splice(m, 1);
        }
        let cells = 0;
        if (closureAccess.length > 0) {
          cells = newTupleSteal(
            heap,
            closureAccess.map((i) => {
              heap.rc[f.fast[i]!]++;
              return f.fast[i]!;
            }),
          );
        }
        let cls = it.buildClass(unit, f, nameStr, qualStr, baseRefs, metaRef, cells, kwNames, kwRefs);
        for (let i = decs.length - 1; i >= 0; i--) cls = it.callOwned(decs[i]!, [cls], null);
        store(f, cls);
        return NEXT;
      } finally {
        for (const d of decs) heap.decref(d);
        for (const b of baseRefs) heap.decref(b);
        for (const k of kwRefs) heap.decref(k);
        if (metaRef !== 0) heap.decref(metaRef);
      }
    };
  }

  /**
   * Add one keyword of a class statement (`name=value`, or `**value` when `name` is null) to
   * `names`/`refs`, taking the new reference `value`, with __build_class__'s errors.
   */
  private collectClassKeyword(name: string | null, value: Ref, names: string[], refs: Ref[]): void {
    const heap = this.heap;
    if (name !== null) {
      names.push(name);
      refs.push(value);
      return;
    }
    try {
      this.mergeKeywordMapping(value, names, refs, '__build_class__() ');
    } finally {
      heap.decref(value);
    }
  }

  /**
   * The items of a `**mapping` argument appended to keyword `names` and (new references) `refs`,
   * with CPython's errors: not a mapping, a key that is not a string, a keyword given twice.
   * `caller` prefixes the messages that name the function (`'__build_class__() '`, or `''`).
   */
  private mergeKeywordMapping(mapping: Ref, names: string[], refs: Ref[], caller: string | (() => string), keyCaller = ''): void {
    const heap = this.heap;
    const prefix = () => (typeof caller === 'string' ? caller : caller());
    if (heap.kind[mapping] !== Kind.DICT) throw heap.newException(heap.t.TypeError, `${prefix()}argument after ** must be a mapping, not ${heap.typeName(mapping)}`);
    const entries = dictEntries(heap, mapping);
    for (let i = 0; i < entries.length; i += 2) {
      const key = entries[i]!;
      if (heap.kind[key] !== Kind.STR) throw heap.newException(heap.t.TypeError, `${keyCaller}keywords must be strings`);
      const name = heap.payload[key] as string;
      if (names.includes(name)) throw heap.newException(heap.t.TypeError, `${prefix()}got multiple values for keyword argument '${name}'`);
      names.push(name);
      refs.push(heap.newRef(entries[i + 1]!));
    }
  }

  // ---- exceptions ------------------------------------------------------------------------------

  private raiseStmt(s: A.Raise): StmtFn {
    const heap = this.heap;
    const it = this.it;
    const exc = s.exc ? this.expr(s.exc) : null;
    const cause = s.cause ? this.expr(s.cause) : null;
    const inst = s.inst ? this.expr(s.inst) : null;
    const tback = s.tback ? this.expr(s.tback) : null;
    return (f) => {
      if (exc === null) {
        it.reraise(f);
        return NEXT;
      }
      const e = exc(f);
      let v = 0;
      let tb = 0;
      let c = 0;
      try {
        if (inst) v = inst(f);
        if (tback) tb = tback(f);
        if (cause) c = cause(f);
      } catch (err) {
        heap.decref(e);
        if (v !== 0) heap.decref(v);
        if (tb !== 0) heap.decref(tb);
        throw err;
      }
      f.pos = s;
      throw it.makeRaise(f, e, v, tb, cause ? c : -1);
    };
  }

  private tryStmt(s: A.Try): StmtFn {
    const heap = this.heap;
    const it = this.it;
    const body = this.block(s.body);
    const handlers = s.handlers.map((h) => ({
      type: h.exc_type ? this.expr(h.exc_type) : null,
      store: h.name ? this.storeName(h.name) : h.target ? this.target(h.target) : null,
      del: h.name && it.profile.exceptDeletesName ? this.deleteName(h.name, h) : null,
      body: this.block(h.body),
      line: h.lineno,
      node: h,
    }));
    const orelse = s.orelse.length > 0 ? this.block(s.orelse) : null;
    const finalbody = s.finalbody.length > 0 ? this.block(s.finalbody) : null;
    const exceptDeletes = it.profile.exceptDeletesName;

    const withHandlers: StmtFn =
      handlers.length === 0
        ? body
        : (f) => {
            let completion: number;
            try {
              completion = body(f);
            } catch (e) {
              if (!(e instanceof PyException)) throw e;
              it.addTraceback(e, f);
              enterExceptBlock(it, e.exc);
              let matched = -1;
              for (let i = 0; i < handlers.length; i++) {
                const h = handlers[i]!;
                f.lineno = h.line;
                if (h.type === null || it.exceptionMatches(f, e.exc, h.type)) {
                  matched = i;
                  break;
                }
              }
              if (matched < 0) throw e;
              const h = handlers[matched]!;
              chainCaught(it, e);
              // The exception is now handled: sys.exc_info() reports it while the handler runs.
              const token = it.beginHandling(f, e, false);
              const caught = e.exc;
              heap.rc[caught]++;
              it.discard(e);
              try {
                if (h.store !== null) {
                  heap.rc[caught]++;
                  h.store(f, caught);
                }
                completion = h.body(f);
              } catch (inner) {
                if (inner instanceof PyException) it.setContext(inner, token);
                throw inner;
              } finally {
                if (h.del !== null && exceptDeletes) {
                  // `except E as e:` ends with `e = None; del e`.
                  try {
                    h.store!(f, heap.newRef(heap.None));
                    h.del(f);
                  } catch {
                    // already deleted by the handler
                  }
                }
                it.endHandling(f, token);
                heap.decref(caught);
              }
              return completion;
            }
            if (completion === NEXT && orelse !== null) return orelse(f);
            return completion;
          };
    if (finalbody === null) return withHandlers;
    return (f) => {
      let completion: number;
      try {
        completion = withHandlers(f);
      } catch (e) {
        if (e instanceof PyException) {
          it.addTraceback(e, f);
          const token = it.beginHandling(f, e, true);
          let c: number;
          try {
            c = finalbody(f);
          } catch (inner) {
            if (inner instanceof PyException) it.setContext(inner, token);
            it.endHandling(f, token);
            it.discard(e);
            throw inner;
          }
          it.endHandling(f, token);
          if (c !== NEXT) {
            // return/break/continue in finally swallows the exception.
            it.discard(e);
            return c;
          }
          throw e;
        }
        // Budget/exit signals still run finally blocks.
        finalbody(f);
        throw e;
      }
      // Run finally after normal completion, return, break or continue.
      const saved = f.retval;
      if (completion === RETURN) f.retval = 0;
      let c: number;
      try {
        c = finalbody(f);
      } catch (e) {
        if (saved !== 0) heap.decref(saved);
        throw e;
      }
      if (c !== NEXT) {
        if (saved !== 0) heap.decref(saved);
        return c;
      }
      if (completion === RETURN) f.retval = saved;
      return completion;
    };
  }

  private withStmt(s: A.With): StmtFn {
    const heap = this.heap;
    const it = this.it;
    // `with a, b:` is `with a: with b:`.
    let inner = this.block(s.body);
    for (let i = s.items.length - 1; i >= 0; i--) {
      const item = s.items[i]!;
      const ctx = this.expr(item.context_expr);
      const store = item.optional_vars ? this.target(item.optional_vars) : null;
      const body = inner;
      inner = (f) => {
        const mgr = ctx(f);
        let exit: Ref;
        try {
          const [v, ex] = it.withEnter(mgr);
          exit = ex;
          if (store !== null) {
            try {
              store(f, v);
            } catch (e) {
              heap.decref(exit);
              throw e;
            }
          } else heap.decref(v);
        } catch (e) {
          heap.decref(mgr);
          throw e;
        }
        let completion: number;
        try {
          completion = body(f);
        } catch (e) {
          if (!(e instanceof PyException)) {
            heap.decref(exit!);
            heap.decref(mgr);
            throw e;
          }
          it.addTraceback(e, f);
          const token = it.beginHandling(f, e, true);
          let suppress: boolean;
          try {
            const tb = it.tracebackOf(e);
            const res = callExit(it, exit, heap.newRef(heap.typ[e.exc]!), heap.newRef(e.exc), heap.newRef(tb !== 0 ? tb : heap.None));
            try {
              suppress = isTrue(heap, res);
            } finally {
              heap.decref(res);
            }
          } finally {
            it.endHandling(f, token);
            heap.decref(mgr);
            heap.decref(exit);
          }
          if (suppress) {
            it.discard(e);
            return NEXT;
          }
          throw e;
        }
        try {
          const res = callExit(it, exit, heap.newRef(heap.None), heap.newRef(heap.None), heap.newRef(heap.None));
          heap.decref(res);
        } finally {
          heap.decref(mgr);
          heap.decref(exit);
        }
        return completion;
      };
    }
    return inner;
  }

  // ---- imports ---------------------------------------------------------------------------------

  private importStmt(s: A.Import): StmtFn {
    const heap = this.heap;
    const it = this.it;
    const parts = s.names.map((a) => {
      const top = a.name.split('.')[0]!;
      return { full: a.name, store: this.storeName(a.asname ?? top), top, asname: a.asname };
    });
    return (f) => {
      for (const p of parts) {
        f.pos = s;
        const m = it.importModule(p.asname ? p.full : p.top);
        p.store(f, m);
      }
      void heap;
      return NEXT;
    };
  }

  private importFrom(s: A.ImportFrom): StmtFn {
    const heap = this.heap;
    const it = this.it;
    const modName = s.module ?? '';
    if (modName === '__future__') return () => NEXT;
    if (s.names.length === 1 && s.names[0]!.name === '*') {
      return (f) => {
        const m = it.importModule(modName);
        try {
          const d = moduleDict(heap, m);
          const entries = dictEntries(heap, d);
          for (let i = 0; i < entries.length; i += 2) {
            const k = strValue(heap, entries[i]!);
            if (k.startsWith('_')) continue;
            const v = entries[i + 1]!;
            heap.rc[v]++;
            if (f.locals !== 0) {
              dictSetStr(heap, f.locals, k, v);
              heap.decref(v);
            } else this.storeName(k)(f, v);
          }
        } finally {
          heap.decref(m);
        }
        return NEXT;
      };
    }
    const names = s.names.map((a) => ({ name: a.name, store: this.storeName(a.asname ?? a.name) }));
    return (f) => {
      f.pos = s;
      const m = it.importModule(modName);
      try {
        for (const n of names) {
          const v = genericGetAttr(heap, m, n.name) || (heap.kind[m] === Kind.MODULE ? 0 : getAttr(heap, m, n.name));
          if (v === 0) {
            const e = heap.newException(
              heap.t.ImportError,
              this.is27 ? `cannot import name ${n.name}` : `cannot import name '${n.name}' from '${modName}' (unknown location)`,
            );
            // 3.x: the error names the module and the missing name (`e.name`, `e.name_from`).
            if (!this.is27) {
              for (const [attr, value] of [['name', modName], ['name_from', n.name]] as const) {
                const s = newStr(heap, value);
                setAttr(heap, e.exc, attr, s);
                heap.decref(s);
              }
            }
            throw e;
          }
          n.store(f, v);
        }
      } finally {
        heap.decref(m);
      }
      return NEXT;
    };
  }

  // ==========================================================================================
  // Expressions
  // ==========================================================================================

  /**
   * Compile an expression. Also records, for 2.7 tracebacks, the line CPython 2.7 reports for an
   * instruction: the greatest line of everything compiled so far in the statement (2.7's line
   * table only moves forward), so a call spanning lines reports the line of its last argument.
   */
  expr(e: A.Expr): ExprFn {
    if (e.lineno > this.line27) this.line27 = e.lineno;
    const fn = this.exprInner(e);
    (e as A.Expr & { line27?: number }).line27 = this.line27;
    return fn;
  }

  /** Running maximum line of the statement being compiled (see `expr`). */
  private line27 = 0;

  private exprInner(e: A.Expr): ExprFn {
    const heap = this.heap;
    const ops = this.ops;
    switch (e.type) {
      case 'Constant': {
        const c = this.constant(e);
        return () => {
          heap.rc[c]++;
          return c;
        };
      }
      case 'Name': {
        if (this.is27 && (e.id === 'None' || e.id === 'True' || e.id === 'False')) {
          // 2.7: True/False are ordinary names (normally the builtins'); None is a constant.
          if (e.id === 'None') {
            const n = heap.None;
            return () => {
              heap.rc[n]++;
              return n;
            };
          }
        }
        return this.loadName(e.id, e);
      }
      case 'Attribute': {
        const obj = this.expr(e.value);
        const name = this.mangled(e.attr);
        return (f) => {
          const o = obj(f);
          try {
            f.pos = e;
            return getAttr(heap, o, name);
          } finally {
            heap.decref(o);
          }
        };
      }
      case 'Subscript': {
        const obj = this.expr(e.value);
        const key = this.sliceExpr(e.slice);
        const pos = e as A.Subscript & { anchor?: [number, number] };
        pos.anchor = [e.value.end_col_offset, e.end_col_offset];
        return (f) => {
          const o = obj(f);
          let k = 0;
          try {
            k = key(f);
            f.pos = pos;
            return ops.getItem(heap, o, k);
          } finally {
            heap.decref(o);
            if (k !== 0) heap.decref(k);
          }
        };
      }
      case 'Call':
        return this.callExpr(e);
      case 'BinOp': {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        const op = this.opName(e.op);
        const pos = this.binopPos(e);
        return (f) => {
          const a = l(f);
          let b: Ref;
          try {
            b = r(f);
          } catch (err) {
            heap.decref(a);
            throw err;
          }
          try {
            f.pos = pos;
            return ops.binaryOp(heap, op, a, b);
          } finally {
            heap.decref(a);
            heap.decref(b);
          }
        };
      }
      case 'UnaryOp': {
        const v = this.expr(e.operand);
        if (e.op === 'Not') {
          const c = this.cond(e.operand);
          return (f) => heap.newRef(c(f) ? heap.False : heap.True);
        }
        if (e.op === 'USub' && e.operand.type === 'Constant' && (e.operand.value.t === 'int' || e.operand.value.t === 'float' || e.operand.value.t === 'long')) {
          const c = this.constantValue(e);
          return () => heap.newRef(c);
        }
        const op = e.op;
        return (f) => {
          const a = v(f);
          try {
            f.pos = e;
            return ops.unaryOp(heap, op, a);
          } finally {
            heap.decref(a);
          }
        };
      }
      case 'BoolOp': {
        const vals = e.values.map((v) => this.expr(v));
        const isAnd = e.op === 'And';
        return (f) => {
          let r = 0;
          for (let i = 0; i < vals.length; i++) {
            r = vals[i]!(f);
            if (i === vals.length - 1) return r;
            let t: boolean;
            try {
              t = isTrue(heap, r);
            } catch (err) {
              heap.decref(r);
              throw err;
            }
            if (isAnd ? !t : t) return r;
            heap.decref(r);
          }
          return r;
        };
      }
      case 'Compare':
        return this.compareExpr(e);
      case 'IfExp': {
        const t = this.cond(e.test);
        const b = this.expr(e.body);
        const o = this.expr(e.orelse);
        return (f) => (t(f) ? b(f) : o(f));
      }
      case 'Tuple': {
        if (this.isConstantExpr(e) && e.elts.length > 0) {
          const c = this.constantValue(e);
          return () => heap.newRef(c);
        }
        const items = this.sequenceItems(e.elts);
        return (f) => newTupleSteal(heap, items(f));
      }
      case 'List': {
        const items = this.sequenceItems(e.elts);
        return (f) => newListSteal(heap, items(f));
      }
      case 'Set': {
        const items = this.sequenceItems(e.elts);
        return (f) => {
          const vals = items(f);
          try {
            return newSet(heap, vals);
          } finally {
            for (const v of vals) heap.decref(v);
          }
        };
      }
      case 'Dict':
        return this.dictExpr(e);
      case 'Lambda':
        return this.makeFunction(e, '<lambda>', null, e.body);
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
        return this.comprehension(e);
      case 'GeneratorExp':
        return this.generatorExpr(e);
      case 'JoinedStr':
        return this.joinedStr(e);
      case 'FormattedValue':
        return this.formattedValue(e);
      case 'Repr': {
        const v = this.expr(e.value);
        return (f) => {
          const x = v(f);
          try {
            return ops.repr(heap, x);
          } finally {
            heap.decref(x);
          }
        };
      }
      case 'NamedExpr': {
        const v = this.expr(e.value);
        const store = this.storeName(e.target.id, e.target);
        return (f) => {
          const x = v(f);
          heap.rc[x]++;
          store(f, x);
          return x;
        };
      }
      case 'Slice':
        return this.sliceExpr(e);
      case 'Starred':
        throw new CompileError(this.is27 ? 'invalid syntax' : "can't use starred expression here", e);
      case 'Yield':
      case 'YieldFrom':
        throw new CompileError('yield expressions are not supported by HeapLab', e, 'NotImplementedError');
    }
  }

  /** Position for a binary operation's traceback carets: the operator is the `^` part. */
  private binopPos(e: A.BinOp): A.Pos & { anchor?: [number, number] } {
    if (e.left.end_lineno !== e.right.lineno || e.lineno !== e.end_lineno) return e;
    // Offsets are UTF-8 byte offsets (as the AST's): scan the line's bytes.
    const line = utf8Encoder.encode(this.it.sourceLine(this.mc.flags.filename, e.lineno) ?? '');
    let i = e.left.end_col_offset;
    let j = e.right.col_offset;
    // Skip closing parens and spaces after the left operand, and opening parens before the right.
    const SPACE = 0x20;
    const TAB = 0x09;
    while (i < j && (line[i] === SPACE || line[i] === 0x29 /* ) */ || line[i] === TAB)) i++;
    while (j > i && (line[j - 1] === SPACE || line[j - 1] === 0x28 /* ( */ || line[j - 1] === TAB)) j--;
    if (i >= j) return e;
    (e as A.BinOp & { anchor?: [number, number] }).anchor = [i, j];
    return e;
  }

  /** Evaluate display items (with `*iterable` unpacking), returning owned refs. */
  private sequenceItems(elts: readonly A.Expr[]): (f: Frame) => Ref[] {
    const heap = this.heap;
    const parts = elts.map((x) => (x.type === 'Starred' ? { star: true, fn: this.expr(x.value) } : { star: false, fn: this.expr(x) }));
    return (f) => {
      const out: Ref[] = [];
      try {
        for (const p of parts) {
          const v = p.fn(f);
          if (!p.star) out.push(v);
          else {
            try {
              out.push(...iterateToArray(heap, v));
            } finally {
              heap.decref(v);
            }
          }
        }
      } catch (e) {
        for (const v of out) heap.decref(v);
        throw e;
      }
      return out;
    };
  }

  private dictExpr(e: A.Dict): ExprFn {
    const heap = this.heap;
    const entries = e.keys.map((k, i) => ({ key: k ? this.expr(k) : null, value: this.expr(e.values[i]!) }));
    const n = entries.length;
    return (f) => {
      const d = newDict(heap, n);
      try {
        for (const en of entries) {
          if (en.key === null) {
            const m = en.value(f);
            try {
              this.updateDictFrom(d, m);
            } finally {
              heap.decref(m);
            }
            continue;
          }
          // 3.12 evaluates key then value; 2.7 evaluates value then key (STORE_MAP).
          let k: Ref;
          let v: Ref;
          if (this.is27) {
            v = en.value(f);
            try {
              k = en.key(f);
            } catch (err) {
              heap.decref(v);
              throw err;
            }
          } else {
            k = en.key(f);
            try {
              v = en.value(f);
            } catch (err) {
              heap.decref(k);
              throw err;
            }
          }
          try {
            dictSetItem(heap, d, k, v);
          } finally {
            heap.decref(k);
            heap.decref(v);
          }
        }
      } catch (err) {
        heap.decref(d);
        throw err;
      }
      return d;
    };
  }

  private updateDictFrom(d: Ref, m: Ref): void {
    const heap = this.heap;
    if (heap.kind[m] === Kind.DICT) {
      const entries = dictEntries(heap, m);
      for (let i = 0; i < entries.length; i += 2) dictSetItem(heap, d, entries[i]!, entries[i + 1]!);
      return;
    }
    const keys = callMethod(heap, m, 'keys', []);
    try {
      for (const k of iterateToArray(heap, keys)) {
        try {
          const v = this.ops.getItem(heap, m, k);
          try {
            dictSetItem(heap, d, k, v);
          } finally {
            heap.decref(v);
          }
        } finally {
          heap.decref(k);
        }
      }
    } finally {
      heap.decref(keys);
    }
  }

  private compareExpr(e: A.Compare): ExprFn {
    const heap = this.heap;
    const ops = this.ops;
    const left = this.expr(e.left);
    const rights = e.comparators.map((c) => this.expr(c));
    const opsList = e.ops;
    if (opsList.length === 1) {
      const op = opsList[0]!;
      const r = rights[0]!;
      if (op === 'Is' || op === 'IsNot') {
        const want = op === 'Is';
        return (f) => {
          const a = left(f);
          const b = r(f);
          heap.decref(a);
          heap.decref(b);
          return heap.newRef((a === b) === want ? heap.True : heap.False);
        };
      }
      return (f) => {
        const a = left(f);
        let b: Ref;
        try {
          b = r(f);
        } catch (err) {
          heap.decref(a);
          throw err;
        }
        try {
          f.pos = e;
          return ops.compareOp(heap, op, a, b);
        } finally {
          heap.decref(a);
          heap.decref(b);
        }
      };
    }
    return (f) => {
      let a = left(f);
      try {
        for (let i = 0; i < rights.length; i++) {
          const b = rights[i]!(f);
          let res: Ref;
          try {
            f.pos = e;
            res = ops.compareOp(heap, opsList[i]!, a, b);
          } catch (err) {
            heap.decref(b);
            throw err;
          }
          heap.decref(a);
          a = b;
          if (i === rights.length - 1) return res;
          let t: boolean;
          try {
            t = isTrue(heap, res);
          } catch (err) {
            heap.decref(res);
            throw err;
          }
          if (!t) return res;
          heap.decref(res);
        }
        return heap.newRef(heap.True);
      } finally {
        heap.decref(a);
      }
    };
  }

  sliceExpr(e: A.Expr): ExprFn {
    const heap = this.heap;
    if (e.type !== 'Slice') {
      if (e.type === 'Tuple' && e.elts.some((x) => x.type === 'Slice')) {
        const items = e.elts.map((x) => this.sliceExpr(x));
        return (f) => {
          const vals: Ref[] = [];
          try {
            for (const i of items) vals.push(i(f));
          } catch (err) {
            for (const v of vals) heap.decref(v);
            throw err;
          }
          return newTupleSteal(heap, vals);
        };
      }
      return this.expr(e);
    }
    const lo = e.lower ? this.expr(e.lower) : null;
    const hi = e.upper ? this.expr(e.upper) : null;
    const st = e.step ? this.expr(e.step) : null;
    return (f) => {
      const parts: Ref[] = [];
      try {
        parts.push(lo ? lo(f) : heap.newRef(heap.None));
        parts.push(hi ? hi(f) : heap.newRef(heap.None));
        parts.push(st ? st(f) : heap.newRef(heap.None));
      } catch (err) {
        for (const p of parts) heap.decref(p);
        throw err;
      }
      const sl = heap.alloc(heap.t.slice, Kind.SLICE, parts);
      heap.track(sl);
      return sl;
    };
  }

  // ---- calls -----------------------------------------------------------------------------------

  private callExpr(e: A.Call): ExprFn {
    const heap = this.heap;
    const it = this.it;
    const hasStar = e.args.some((a) => a.type === 'Starred') || e.keywords.some((k) => k.arg === null);
    const posArgs = e.args.map((a) => (a.type === 'Starred' ? { star: true, fn: this.expr(a.value) } : { star: false, fn: this.expr(a) }));
    const kws = e.keywords.map((k) => ({ name: k.arg, fn: this.expr(k.value) }));
    const staticKwnames = hasStar ? null : kws.length > 0 ? kws.map((k) => k.name!) : null;
    const seen = new Set<string>();
    for (const k of e.keywords) {
      if (k.arg === null) continue;
      if (seen.has(k.arg)) throw new CompileError(this.is27 ? 'keyword argument repeated' : `keyword argument repeated: ${k.arg}`, k);
      seen.add(k.arg);
    }
    // `obj.name(...)`: 3.12's method-call optimization (no bound method object).
    const methodCall = !it.profile.methodCallsCreateBoundMethod && e.func.type === 'Attribute';
    const objFn = methodCall ? this.expr((e.func as A.Attribute).value) : null;
    const attrName = methodCall ? this.mangled((e.func as A.Attribute).attr) : '';
    const funcFn = methodCall ? null : this.expr(e.func);
    const attrNode = e.func;

    const evalArgs = (f: Frame, out: Ref[], callable: Ref): string[] | null => {
      if (!hasStar) {
        for (const p of posArgs) out.push(p.fn(f));
        for (const k of kws) out.push(k.fn(f));
        return staticKwnames;
      }
      for (const p of posArgs) {
        const v = p.fn(f);
        if (!p.star) out.push(v);
        else {
          try {
            if (heap.kind[v] === Kind.TUPLE || heap.kind[v] === Kind.LIST) {
              for (const x of heap.payload[v] as Ref[]) {
                heap.rc[x]++;
                out.push(x);
              }
            } else {
              try {
                out.push(...iterateToArray(heap, v));
              } catch (err) {
                if (heap.isExceptionOf(err, heap.t.TypeError) && !(heap.payload[heap.typ[v]!] as TypeData).slots.iter) {
                  heap.decref((err as PyException).exc);
                  throw heap.newException(heap.t.TypeError, this.is27 ? `argument after * must be an iterable, not ${heap.typeName(v)}` : `Value after * must be an iterable, not ${heap.typeName(v)}`);
                }
                throw err;
              }
            }
          } finally {
            heap.decref(v);
          }
        }
      }
      const names: string[] = [];
      const vals: Ref[] = [];
      try {
        for (const k of kws) {
          const v = k.fn(f);
          if (k.name !== null) {
            names.push(k.name);
            vals.push(v);
            continue;
          }
          try {
            this.mergeKeywordMapping(v, names, vals, () => `${callableDescription(heap, callable)} `, this.is27 ? functionNamePrefix27(heap, callable) : '');
          } finally {
            heap.decref(v);
          }
        }
      } catch (err) {
        for (const v of vals) heap.decref(v);
        throw err;
      }
      out.push(...vals);
      return names.length > 0 ? names : null;
    };

    // 3.12 specializes a call site on its second run (see `isUncheckedSpecializedCall`).
    let ranOnce = false;
    return (f) => {
      let callable: Ref;
      let self = 0;
      if (methodCall) {
        const obj = objFn!(f);
        f.pos = attrNode;
        const td = heap.payload[heap.typ[obj]!] as TypeData;
        let found = false;
        if (td.slots.getattro === undefined && heap.kind[obj] !== Kind.TYPE && heap.kind[obj] !== Kind.MODULE) {
          const descr = typeLookup(heap, heap.typ[obj]!, attrName);
          if (
            descr !== 0 &&
            (heap.kind[descr] === Kind.FUNCTION || (heap.kind[descr] === Kind.DESCRIPTOR && heap.typ[descr] === heap.t.method_descriptor)) &&
            getAttrStorage(heap, obj, attrName) === 0
          ) {
            heap.rc[descr]++;
            callable = descr;
            self = obj;
            found = true;
          }
        }
        if (!found) {
          try {
            callable = getAttr(heap, obj, attrName);
          } finally {
            heap.decref(obj);
          }
        }
      } else callable = funcFn!(f);
      const args: Ref[] = [];
      if (self !== 0) args.push(self);
      let kwnames: string[] | null;
      try {
        kwnames = evalArgs(f, args, callable!);
      } catch (err) {
        for (const a of args) heap.decref(a);
        heap.decref(callable!);
        throw err;
      }
      f.pos = e;
      // A bound method is unpacked into its function and `self` (as CALL does).
      if (heap.kind[callable!] === Kind.METHOD && heap.typ[callable!] === heap.t.method) {
        const p = heap.payload[callable!] as Ref[];
        if (p[1] !== 0 && heap.kind[p[0]!] === Kind.FUNCTION) {
          const fn = p[0]!;
          const s = p[1]!;
          heap.rc[fn]++;
          heap.rc[s]++;
          heap.decref(callable!);
          callable = fn;
          args.unshift(s);
        }
      }
      const check = !ranOnce || !it.isUncheckedSpecializedCall(callable!, self, args, kwnames);
      ranOnce = true;
      return it.callConsuming(callable!, args, kwnames, check);
    };
  }

  // ---- comprehensions --------------------------------------------------------------------------

  /**
   * Build the nested loops of a comprehension: `emit(f)` is called for each element with the
   * comprehension's frame.
   */
  private compLoops(
    gens: readonly A.Comprehension[],
    index: number,
    emit: (f: Frame, acc: Ref) => void,
    firstIter: ((f: Frame) => Ref) | null,
    comp: A.ListComp | A.SetComp | A.DictComp,
  ): (f: Frame, acc: Ref) => void {
    const heap = this.heap;
    if (index === gens.length) return emit;
    const g = gens[index]!;
    const iterFn = index === 0 && firstIter !== null ? firstIter : this.expr(g.iter);
    const store = this.target(g.target);
    const conds = g.ifs.map((c) => this.cond(c));
    const inner = this.compLoops(gens, index + 1, emit, null, comp);
    // FOR_ITER's location: 3.12 gives the whole comprehension, 2.7 the greatest line compiled up
    // to this clause's iterable.
    const is27 = this.is27;
    const iterNode = g.iter as A.Expr & { line27?: number };
    const forPos = is27 ? null : comp;
    return (f, acc) => {
      const obj = iterFn(f);
      let it: Ref;
      try {
        it = heap.kind[obj] === Kind.ITERATOR && index === 0 && firstIter !== null ? heap.newRef(obj) : getIter(heap, obj);
      } finally {
        heap.decref(obj);
      }
      try {
        for (;;) {
          const line = f.lineno;
          const pos = f.pos;
          f.lineno = is27 ? (iterNode.line27 ?? iterNode.lineno) : comp.lineno;
          f.pos = forPos;
          const x = iterNext(heap, it);
          f.lineno = line;
          f.pos = pos;
          if (x === 0) break;
          store(f, x);
          let ok = true;
          for (const c of conds) {
            if (!c(f)) {
              ok = false;
              break;
            }
          }
          if (ok) inner(f, acc);
          if (heap.gc.pending) heap.safePoint();
        }
      } finally {
        heap.decref(it);
      }
    };
  }

  private comprehension(e: A.ListComp | A.SetComp | A.DictComp): ExprFn {
    const heap = this.heap;
    const it = this.it;
    // 2.7 list comprehension: runs right here, in this scope.
    if (this.is27 && e.type === 'ListComp') {
      const elt = this.expr(e.elt);
      const loops = this.compLoops(
        e.generators,
        0,
        (ff, result) => {
          const v = elt(ff);
          listAppend(heap, result, v);
          heap.decref(v);
        },
        null,
        e,
      );
      return (f) => {
        const result = newList(heap, []);
        try {
          loops(f, result);
        } catch (err) {
          heap.decref(result);
          throw err;
        }
        return result;
      };
    }
    const scope = this.mc.table.scopeOf(e);
    const name = e.type === 'ListComp' ? '<listcomp>' : e.type === 'SetComp' ? '<setcomp>' : '<dictcomp>';
    if (scope.inlined) {
      // 3.12 (PEP 709): no function object; the comprehension's own names get their own slots.
      const unit = this.mc.compileScope(scope, [], name, this.qualnameFor(name), e.lineno, null, this, null, this.className);
      const sc = new ScopeCompiler(this.mc, scope, unit, this, this.className);
      sc.consts = this.consts;
      const firstIter = this.expr(e.generators[0]!.iter);
      const build = sc.compBody(e, () => 0);
      return (f) => {
        const iterable = firstIter(f);
        const fast: Ref[] = new Array(unit.nfast).fill(0);
        const nv = unit.varnames.length;
        for (let i = 0; i < unit.cellvars.length; i++) {
          const c = heap.alloc(heap.t.cell, Kind.CELL, [0]);
          heap.track(c);
          fast[nv + i] = c;
        }
        const cf = new InlineFrame(unit, fast, f);
        cf.lineno = f.lineno;
        try {
          fast[0] = iterable; // '.0'
          return build(cf);
        } catch (err) {
          // The comprehension's instructions belong to this frame: a traceback points at them.
          f.lineno = cf.lineno;
          f.pos = cf.pos;
          throw err;
        } finally {
          for (let i = 0; i < fast.length; i++) if (fast[i] !== 0) heap.decref(fast[i]!);
        }
      };
    }
    // A real function scope (2.7 set/dict comprehensions): MAKE_FUNCTION + call with iter(first).
    const unit = this.mc.compileScope(scope, [], name, this.qualnameFor(name), e.lineno, null, this, null, this.className);
    const sc = new ScopeCompiler(this.mc, scope, unit, this, this.className);
    sc.consts = (heap.payload[unit.codeRef] as CodeData).consts;
    const body = sc.compBody(e, () => 0);
    unit.body = (f) => {
      f.retval = body(f);
      return RETURN;
    };
    const firstIter = this.expr(e.generators[0]!.iter);
    const closureAccess = unit.freevars.map((n) => (this.access(n) as { index: number }).index);
    const nameStr = intern(heap, name);
    this.consts.push(nameStr);
    return (f) => {
      let closure = 0;
      if (closureAccess.length > 0) {
        closure = newTupleSteal(
          heap,
          closureAccess.map((i) => {
            heap.rc[f.fast[i]!]++;
            return f.fast[i]!;
          }),
        );
      }
      const fn = it.newFunction(unit, f.globals, nameStr, 0, 0, 0, closure, 0);
      try {
        const obj = firstIter(f);
        let iter: Ref;
        try {
          iter = getIter(heap, obj);
        } finally {
          heap.decref(obj);
        }
        return it.callPython(fn, [iter], null, true);
      } finally {
        heap.decref(fn);
      }
    };
  }

  /** The body of a comprehension scope: build the result from `.0` (fast slot 0). */
  compBody(e: A.ListComp | A.SetComp | A.DictComp, _unused: () => number): (f: Frame) => Ref {
    const heap = this.heap;
    const firstIter = (f: Frame) => heap.newRef(f.fast[0]!);
    if (e.type === 'DictComp') {
      const k = this.expr(e.key);
      const v = this.expr(e.value);
      const loops = this.compLoops(
        e.generators,
        0,
        (ff, d) => {
            // 3.8+: key first, then value.
            const kk = k(ff);
            let vv: Ref;
            try {
              vv = v(ff);
            } catch (err) {
              heap.decref(kk);
              throw err;
            }
            try {
              dictSetItem(heap, d, kk, vv);
            } finally {
              heap.decref(kk);
              heap.decref(vv);
            }
        },
        firstIter,
        e,
      );
      return (f) => {
        const d = newDict(heap);
        try {
          loops(f, d);
        } catch (err) {
          heap.decref(d);
          throw err;
        }
        return d;
      };
    }
    const elt = this.expr(e.elt);
    const isSet = e.type === 'SetComp';
    const loops = this.compLoops(
      e.generators,
      0,
      (ff, result) => {
        const v = elt(ff);
        try {
          if (isSet) setAdd(heap, result, v);
          else listAppend(heap, result, v);
        } finally {
          heap.decref(v);
        }
      },
      firstIter,
      e,
    );
    return (f) => {
      const result = isSet ? newSet(heap, []) : newList(heap, []);
      try {
        loops(f, result);
      } catch (err) {
        heap.decref(result);
        throw err;
      }
      return result;
    };
  }

  private generatorExpr(e: A.GeneratorExp): ExprFn {
    const heap = this.heap;
    const it = this.it;
    const scope = this.mc.table.scopeOf(e);
    const name = '<genexpr>';
    const unit = this.mc.compileScope(scope, [], name, this.qualnameFor(name), e.lineno, null, this, null, this.className);
    const sc = new ScopeCompiler(this.mc, scope, unit, this, this.className);
    sc.consts = (heap.payload[unit.codeRef] as CodeData).consts;
    unit.isGenerator = true;
    const elt = sc.expr(e.elt);
    const gens = e.generators;
    // The generator body as a JS generator over the comprehension's loops.
    const loops = sc.genLoops(gens, 0, elt);
    (unit as CodeUnit & { genBody?: (f: Frame) => Generator<Ref, void, void> }).genBody = loops;
    const firstIter = this.expr(gens[0]!.iter);
    const closureAccess = unit.freevars.map((n) => {
      const acc = this.access(n);
      if (acc.kind === 'deref') return acc.index;
      if (acc.kind === 'outer' && acc.access.kind === 'deref') return -1 - acc.access.index;
      throw new Error(`internal: genexpr free variable ${n}`);
    });
    const nameStr = intern(heap, name);
    this.consts.push(nameStr);
    const qualStr = this.is27 ? 0 : newStr(heap, this.qualnameFor(name));
    if (qualStr !== 0) this.consts.push(qualStr);
    return (f) => {
      let closure = 0;
      if (closureAccess.length > 0) {
        closure = newTupleSteal(
          heap,
          closureAccess.map((i) => {
            const c = i >= 0 ? f.fast[i]! : (f as InlineFrame).outer.fast[-1 - i]!;
            heap.rc[c]++;
            return c;
          }),
        );
      }
      const fn = it.newFunction(unit, f.globals, nameStr, qualStr, 0, 0, closure, 0);
      try {
        const obj = firstIter(f);
        let iter: Ref;
        try {
          f.pos = e;
          iter = getIter(heap, obj);
        } finally {
          heap.decref(obj);
        }
        return it.callPython(fn, [iter], null, true);
      } finally {
        heap.decref(fn);
      }
    };
  }

  /** JS-generator loops of a generator expression (yield one element per innermost pass). */
  genLoops(gens: readonly A.Comprehension[], index: number, elt: ExprFn): (f: Frame) => Generator<Ref, void, void> {
    const heap = this.heap;
    const g = gens[index]!;
    const iterFn = index === 0 ? (f: Frame) => heap.newRef(f.fast[0]!) : this.expr(g.iter);
    const store = this.target(g.target);
    const conds = g.ifs.map((c) => this.cond(c));
    const last = index === gens.length - 1;
    const inner = last ? null : this.genLoops(gens, index + 1, elt);
    const line = g.target.lineno;
    return function* (f: Frame) {
      const obj = iterFn(f);
      let it: Ref;
      try {
        it = index === 0 ? heap.newRef(obj) : getIter(heap, obj);
      } finally {
        heap.decref(obj);
      }
      try {
        for (;;) {
          f.lineno = line;
          const x = iterNext(heap, it);
          if (x === 0) break;
          store(f, x);
          let ok = true;
          for (const c of conds) {
            if (!c(f)) {
              ok = false;
              break;
            }
          }
          if (!ok) continue;
          if (last) yield elt(f);
          else yield* inner!(f);
        }
      } finally {
        heap.decref(it);
      }
    };
  }

  // ---- generator functions ---------------------------------------------------------------------

  /**
   * The body of a generator function as a JavaScript generator: statements that contain `yield`
   * compile to generator closures (delegating with `yield*`), the others to ordinary closures.
   * `yield` is supported as a statement, as the value of an assignment, and in `yield from`.
   */
  genFunctionBody(body: readonly A.Stmt[]): (f: Frame) => Generator<Ref, void, Ref> {
    const heap = this.heap;
    const block = this.genBlock(body);
    return function* (f: Frame) {
      const c = yield* block(f);
      // A `return value` leaves the value in f.retval: the generator turns it into
      // StopIteration(value) or the result of a `yield from`.
      if (c !== RETURN && f.retval !== 0) {
        heap.decref(f.retval);
        f.retval = 0;
      }
    };
  }

  private genBlock(stmts: readonly A.Stmt[]): (f: Frame) => Generator<Ref, number, Ref> {
    const fns = stmts.map((s) => this.genStmt(s));
    return function* (f: Frame) {
      for (const fn of fns) {
        const c = yield* fn(f);
        if (c !== NEXT) return c;
      }
      return NEXT;
    };
  }

  private genStmt(s: A.Stmt): (f: Frame) => Generator<Ref, number, Ref> {
    const heap = this.heap;
    const it = this.it;
    if (!containsYield(s)) {
      const run = this.stmtWithLine(s);
      // biome-ignore lint/correctness/useYield: the executor protocol wants a generator; this statement never suspends
      return function* (f: Frame) {
        return run(f);
      };
    }
    const line = s.lineno;
    const enter = (f: Frame) => {
      f.lineno = line;
      f.pos = null;
      if (++it.steps > it.stepBudget) throw new BudgetExceeded(`step budget exceeded after ${it.stepBudget} steps`);
      if (it.onLine !== null) it.onLine({ frame: f, lineno: line, filename: this.mc.flags.filename });
    };
    switch (s.type) {
      case 'Expr': {
        const y = this.genYield(s.value);
        return function* (f: Frame) {
          enter(f);
          const sent: Ref = yield* y(f);
          heap.decref(sent);
          return NEXT;
        };
      }
      case 'Assign': {
        const y = this.genYield(s.value);
        const stores = s.targets.map((t) => this.target(t));
        return function* (f: Frame) {
          enter(f);
          const v: Ref = yield* y(f);
          for (let i = 0; i < stores.length; i++) {
            if (i < stores.length - 1) heap.rc[v]++;
            stores[i]!(f, v);
          }
          return NEXT;
        };
      }
      case 'Return': {
        if (this.is27 && s.value !== null) throw new CompileError("'return' with argument inside generator", s);
        const y = s.value ? this.genYield(s.value) : null;
        return function* (f: Frame) {
          enter(f);
          f.retval = y ? yield* y(f) : heap.newRef(heap.None);
          return RETURN;
        };
      }
      case 'If': {
        const test = this.cond(s.test);
        const body = this.genBlock(s.body);
        const orelse = this.genBlock(s.orelse);
        return function* (f: Frame) {
          enter(f);
          return test(f) ? yield* body(f) : yield* orelse(f);
        };
      }
      case 'While': {
        const test = this.cond(s.test);
        this.loopDepthInc();
        const body = this.genBlock(s.body);
        this.loopDepthDec();
        const orelse = this.genBlock(s.orelse);
        // The 3.12 loop layout of `whileStmt`: back-edge check after the bottom test.
        return function* (f: Frame) {
          enter(f);
          if (!test(f)) return yield* orelse(f);
          for (;;) {
            const c = yield* body(f);
            if (c === BREAK) return NEXT;
            if (c === RETURN) return c;
            if (c === CONTINUE && heap.gc.pending) heap.safePoint();
            enter(f);
            if (!test(f)) break;
            if (c !== CONTINUE && heap.gc.pending) heap.safePoint();
          }
          return yield* orelse(f);
        };
      }
      case 'For': {
        const iterable = this.expr(s.iter);
        const store = this.target(s.target);
        this.loopDepthInc();
        const body = this.genBlock(s.body);
        this.loopDepthDec();
        const orelse = this.genBlock(s.orelse);
        const forItem = this.forIterLocation(s);
        return function* (f: Frame) {
          enter(f);
          const obj = iterable(f);
          let iter: Ref;
          try {
            f.pos = s.iter;
            iter = getIter(heap, obj);
          } finally {
            heap.decref(obj);
          }
          try {
            for (;;) {
              const item = forItem(f, iter);
              if (item === 0) break;
              store(f, item);
              const c = yield* body(f);
              if (c === BREAK) return NEXT;
              if (c === RETURN) return c;
              if (heap.gc.pending) heap.safePoint();
            }
          } finally {
            heap.decref(iter);
          }
          return yield* orelse(f);
        };
      }
      case 'Try':
        return this.genTry(s, enter);
      case 'With': {
        if (s.items.length !== 1) throw new CompileError('yield inside a multi-item with statement is not supported by HeapLab', s, 'NotImplementedError');
        const item = s.items[0]!;
        const ctx = this.expr(item.context_expr);
        const store = item.optional_vars ? this.target(item.optional_vars) : null;
        const body = this.genBlock(s.body);
        return function* (f: Frame) {
          enter(f);
          const mgr = ctx(f);
          let exit: Ref;
          try {
            const [v, ex] = it.withEnter(mgr);
            exit = ex;
            if (store !== null) store(f, v);
            else heap.decref(v);
          } catch (e) {
            heap.decref(mgr);
            throw e;
          }
          let completion: number;
          try {
            completion = yield* body(f);
          } catch (e) {
            if (!(e instanceof PyException)) {
              heap.decref(exit);
              heap.decref(mgr);
              throw e;
            }
            it.addTraceback(e, f);
            const token = it.beginHandling(f, e, true);
            let suppress: boolean;
            try {
              const tb = it.tracebackOf(e);
              const res = callExit(it, exit, heap.newRef(heap.typ[e.exc]!), heap.newRef(e.exc), heap.newRef(tb !== 0 ? tb : heap.None));
              try {
                suppress = isTrue(heap, res);
              } finally {
                heap.decref(res);
              }
            } finally {
              it.endHandling(f, token);
              heap.decref(mgr);
              heap.decref(exit);
            }
            if (suppress) {
              it.discard(e);
              return NEXT;
            }
            throw e;
          }
          try {
            heap.decref(callExit(it, exit, heap.newRef(heap.None), heap.newRef(heap.None), heap.newRef(heap.None)));
          } finally {
            heap.decref(mgr);
            heap.decref(exit);
          }
          return completion;
        };
      }
      default:
        throw new CompileError(`yield in a ${s.type} statement is not supported by HeapLab`, s, 'NotImplementedError');
    }
  }

  private loopDepthInc(): void {
    this.loopDepth++;
  }

  private loopDepthDec(): void {
    this.loopDepth--;
  }

  /** A `yield`/`yield from` expression in statement position: produces the sent value (owned). */
  private genYield(e: A.Expr): (f: Frame) => Generator<Ref, Ref, Ref> {
    const heap = this.heap;
    if (e.type === 'Yield') {
      const v = e.value ? this.expr(e.value) : null;
      return function* (f: Frame) {
        const x = v ? v(f) : heap.newRef(heap.None);
        const sent: Ref = yield x;
        return sent;
      };
    }
    if (e.type === 'YieldFrom') {
      const v = this.expr(e.value);
      const it = this.it;
      // PEP 380: values sent in go to the subiterator (next() for None, else send()), exceptions
      // thrown in go to its throw() (GeneratorExit closes it), and its return value is the result.
      return function* (f: Frame) {
        const obj = v(f);
        let iter: Ref;
        try {
          f.pos = e;
          iter = getIter(heap, obj);
        } finally {
          heap.decref(obj);
        }
        try {
          let step = delegateSend(it, iter, heap.None);
          while (step.done === false) {
            let sent: Ref;
            try {
              sent = yield step.value;
            } catch (err) {
              if (!(err instanceof PyException)) throw err;
              step = delegateThrow(it, iter, err);
              continue;
            }
            try {
              step = delegateSend(it, iter, sent);
            } finally {
              heap.decref(sent);
            }
          }
          return step.value;
        } finally {
          heap.decref(iter);
        }
      };
    }
    if (containsYieldExpr(e)) throw new CompileError('yield inside an expression is not supported by HeapLab', e, 'NotImplementedError');
    const v = this.expr(e);
    // biome-ignore lint/correctness/useYield: the executor protocol wants a generator; this expression never suspends
    return function* (f: Frame) {
      return v(f);
    };
  }

  private genTry(s: A.Try, enter: (f: Frame) => void): (f: Frame) => Generator<Ref, number, Ref> {
    const heap = this.heap;
    const it = this.it;
    const body = this.genBlock(s.body);
    const handlers = s.handlers.map((h) => ({
      type: h.exc_type ? this.expr(h.exc_type) : null,
      store: h.name ? this.storeName(h.name) : h.target ? this.target(h.target) : null,
      del: h.name && it.profile.exceptDeletesName ? this.deleteName(h.name, h) : null,
      body: this.genBlock(h.body),
      line: h.lineno,
    }));
    const orelse = this.genBlock(s.orelse);
    const hasElse = s.orelse.length > 0;
    const finalbody = s.finalbody.length > 0 ? this.genBlock(s.finalbody) : null;
    const withHandlers = function* (f: Frame): Generator<Ref, number, Ref> {
      let completion: number;
      try {
        completion = yield* body(f);
      } catch (e) {
        if (!(e instanceof PyException) || handlers.length === 0) throw e;
        it.addTraceback(e, f);
        enterExceptBlock(it, e.exc);
        let matched = -1;
        for (let i = 0; i < handlers.length; i++) {
          const h = handlers[i]!;
          f.lineno = h.line;
          if (h.type === null || it.exceptionMatches(f, e.exc, h.type)) {
            matched = i;
            break;
          }
        }
        if (matched < 0) throw e;
        const h = handlers[matched]!;
        const token = it.beginHandling(f, e, false);
        const caught = e.exc;
        heap.rc[caught]++;
        it.discard(e);
        try {
          if (h.store !== null) {
            heap.rc[caught]++;
            h.store(f, caught);
          }
          completion = yield* h.body(f);
        } catch (inner) {
          if (inner instanceof PyException) it.setContext(inner, token);
          throw inner;
        } finally {
          if (h.del !== null) {
            try {
              h.store!(f, heap.newRef(heap.None));
              h.del(f);
            } catch {
              // already deleted
            }
          }
          it.endHandling(f, token);
          heap.decref(caught);
        }
        return completion;
      }
      if (completion === NEXT && hasElse) return yield* orelse(f);
      return completion;
    };
    return function* (f: Frame) {
      enter(f);
      const fr = f as Frame & { tryDepth?: number };
      fr.tryDepth = (fr.tryDepth ?? 0) + 1;
      try {
        return yield* tryBody(f);
      } finally {
        fr.tryDepth!--;
      }
    };
    function* tryBody(f: Frame): Generator<Ref, number, Ref> {
      if (finalbody === null) return yield* withHandlers(f);
      let completion: number;
      try {
        completion = yield* withHandlers(f);
      } catch (e) {
        if (e instanceof PyException) {
          it.addTraceback(e, f);
          const token = it.beginHandling(f, e, true);
          let c: number;
          try {
            c = yield* finalbody(f);
          } catch (inner) {
            it.endHandling(f, token);
            it.discard(e);
            throw inner;
          }
          it.endHandling(f, token);
          if (c !== NEXT) {
            it.discard(e);
            return c;
          }
        } else yield* finalbody(f);
        throw e;
      }
      const saved = f.retval;
      if (completion === RETURN) f.retval = 0;
      const c = yield* finalbody(f);
      if (c !== NEXT) {
        if (saved !== 0) heap.decref(saved);
        return c;
      }
      if (completion === RETURN) f.retval = saved;
      return completion;
    }
  }

  // ---- f-strings ---------------------------------------------------------------------------------

  private joinedStr(e: A.JoinedStr): ExprFn {
    const heap = this.heap;
    const parts = e.values.map((v) => (v.type === 'Constant' ? { konst: strValue(heap, this.constant(v)), fn: null } : { konst: '', fn: this.formattedValue(v) }));
    return (f) => {
      let s = '';
      for (const p of parts) {
        if (p.fn === null) s += p.konst;
        else {
          const r = p.fn(f);
          s += heap.payload[r] as string;
          heap.decref(r);
        }
      }
      return newStr(heap, s);
    };
  }

  private formattedValue(e: A.FormattedValue): ExprFn {
    const heap = this.heap;
    const v = this.expr(e.value);
    const spec = e.format_spec ? this.joinedStr(e.format_spec) : null;
    const conv = e.conversion;
    return (f) => {
      const x = v(f);
      let sp = 0;
      try {
        if (spec) sp = spec(f);
        f.pos = e;
        return this.ops.formatValue(heap, x, conv, sp);
      } finally {
        heap.decref(x);
        if (sp !== 0) heap.decref(sp);
      }
    };
  }
}

export { InlineFrame };
// Helpers some statements need from the heap, re-exported for the interpreter's use.
export { richCompareBool, CompareOp, isSubtype, newClass, call, cellGet, Flag, TypeFlag };
export type { FunctionData, ExceptionData };

/**
 * How the errors of a call's `**mapping` name the callable: 2.7's PyEval_GetFuncName +
 * PyEval_GetFuncDesc (`f()`, `len()`, `C constructor` for classic classes, `type object`), 3.12's
 * _PyObject_FunctionStr (`module.qualname()`, no module for builtins, `str(x)` without a
 * `__qualname__`).
 */
function callableDescription(heap: Heap, callable: Ref): string {
  const k = heap.kind[callable];
  if (interpreterProfileOf(heap).callableDescription === 'funcNameAndDesc') {
    const fn = k === Kind.METHOD && heap.typ[callable] === heap.t.method ? (heap.payload[callable] as Ref[])[0]! : callable;
    const kf = heap.kind[fn];
    if (kf === Kind.FUNCTION || kf === Kind.BUILTIN) return `${strAttr(heap, fn, '__name__') ?? heap.typeName(fn)}()`;
    if (kf === Kind.CLASSIC_CLASS) return `${strAttr(heap, fn, '__name__') ?? '?'} constructor`;
    if (kf === Kind.CLASSIC_INSTANCE) return `${strAttr(heap, (heap.payload[fn] as Ref[])[0]!, '__name__') ?? '?'} instance`;
    return `${heap.typeName(fn)} object`;
  }
  const qualname = strAttr(heap, callable, '__qualname__');
  if (qualname === null) return strOf(heap, callable);
  const module = strAttr(heap, callable, '__module__');
  return module !== null && module !== 'builtins' ? `${module}.${qualname}()` : `${qualname}()`;
}

/** 2.7: `f() ` for a Python function or method (PyEval_EvalCodeEx names its code), else ''. */
function functionNamePrefix27(heap: Heap, callable: Ref): string {
  const fn = heap.kind[callable] === Kind.METHOD && heap.typ[callable] === heap.t.method ? (heap.payload[callable] as Ref[])[0]! : callable;
  if (heap.kind[fn] !== Kind.FUNCTION) return '';
  return `${strAttr(heap, fn, '__name__') ?? '?'}() `;
}

/** `getattr(x, name)` as a str, or null (missing, not a str, or raising). */
function strAttr(heap: Heap, x: Ref, name: string): string | null {
  let v: Ref = 0;
  try {
    v = getAttrOrNull(heap, x, name);
  } catch {
    return null;
  }
  if (v === 0) return null;
  try {
    return heap.kind[v] === Kind.STR ? (heap.payload[v] as string) : null;
  } finally {
    heap.decref(v);
  }
}
