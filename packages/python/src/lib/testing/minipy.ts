/**
 * A small tree-walking interpreter used only by the library's tests: it runs Python snippets on
 * a heap with the runtime library installed, so table tests can compare what HeapLab prints
 * with what CPython printed for the same snippet. It is not the real evaluator (that lives in
 * `../vm`); it supports the constructs the test cases use (expressions, assignments, functions,
 * classes, loops, try/except, print) with careful but not exhaustive reference handling.
 */
import {
  call,
  CompareOp,
  dictGetStr,
  dictSetStr,
  dictDelStr,
  type FunctionData,
  getAttr,
  getIter,
  type Heap,
  Heap as HeapClass,
  intern,
  isTrue,
  iterNext,
  Kind,
  moduleDict,
  newModule,
  newDict,
  newFloat,
  newInt,
  newList,
  newListSteal,
  newLong,
  newSet,
  newStr,
  newTupleSteal,
  newUnicode,
  PyException,
  type Ref,
  reprOf,
  richCompareBool,
  setAttr,
  strOf,
  type TypeData,
  dictSetItem,
  setAdd,
  listAppend,
  newExceptionObject,
  isSubtype,
  getAttrOrNull,
  type PythonVersion,
} from '@heaplab/heap';
import { parse, type Expr, type Stmt, type Arguments } from '../../parser/index.js';
import { createBuiltinsModule, printStatement27 } from '../builtins.js';
import { compareOp } from '../compare.js';
import { formatFString } from '../format.js';
import type { RuntimeHooks } from '../hooks.js';
import { installBuiltinTypes } from '../install.js';
import { binaryOp, inplaceOp, newComplex, unaryOp } from '../number.js';
import { newBytes } from '../strutil.js';
import { delItem, getItem, getSlice, setItem, setSlice } from '../subscript.js';
import { newStdStream, softspace } from '../types/file.js';
import { typeNew } from '../types/object.js';
import { makeException } from '../types/exceptions.js';
import { collect } from '../util.js';

class BreakSignal {}
class ContinueSignal {}
class ReturnSignal {
  constructor(readonly value: Ref) {}
}

/** A function's local scope (owned refs). */
interface Scope {
  vars: Map<string, Ref>;
  parent: Scope | null;
  /** Names assigned in this function (locals). */
  locals: Set<string> | null;
  globalsDecl: Set<string>;
  /** Class body namespace (a dict) instead of `vars`. */
  classDict: Ref;
  func: FuncInfo | null;
  firstArg: Ref;
}

interface FuncInfo {
  node: { args: Arguments; body: Stmt[] | Expr; name: string };
  scope: Scope | null;
  cls: Ref;
  isLambda: boolean;
  locals: Set<string>;
}

/** Names bound in a function body (assignment targets, defs, for targets...). */
function localNames(body: Stmt[] | Expr, args: Arguments): Set<string> {
  const out = new Set<string>();
  for (const a of [...args.posonlyargs, ...args.args, ...args.kwonlyargs]) out.add(a.arg);
  if (args.vararg) out.add(args.vararg.arg);
  if (args.kwarg) out.add(args.kwarg.arg);
  const globals = new Set<string>();
  const target = (e: Expr): void => {
    if (e.type === 'Name') out.add(e.id);
    else if (e.type === 'Tuple' || e.type === 'List') e.elts.forEach(target);
    else if (e.type === 'Starred') target(e.value);
  };
  const walk = (stmts: Stmt[]): void => {
    for (const s of stmts) {
      switch (s.type) {
        case 'Assign':
          s.targets.forEach(target);
          break;
        case 'AugAssign':
          target(s.target);
          break;
        case 'For':
          target(s.target);
          walk(s.body);
          walk(s.orelse);
          break;
        case 'While':
        case 'If':
          walk(s.body);
          walk(s.orelse);
          break;
        case 'With':
          for (const it of s.items) if (it.optional_vars) target(it.optional_vars);
          walk(s.body);
          break;
        case 'Try':
          walk(s.body);
          for (const h of s.handlers) {
            if (h.name) out.add(h.name);
            walk(h.body);
          }
          walk(s.orelse);
          walk(s.finalbody);
          break;
        case 'FunctionDef':
        case 'ClassDef':
          out.add(s.name);
          break;
        case 'Global':
          for (const n of s.names) globals.add(n);
          break;
        case 'Import':
          for (const a of s.names) out.add(a.asname ?? a.name.split('.')[0]!);
          break;
        case 'Delete':
          s.targets.forEach(target);
          break;
      }
    }
  };
  if (Array.isArray(body)) walk(body);
  for (const g of globals) out.delete(g);
  return out;
}

/** Options for MiniPy. */
export interface MiniPyOptions {
  version: PythonVersion;
  files?: Map<string, string>;
}

/**
 * Run Python snippets on a fresh heap with the runtime library.
 *
 * @example
 * ```ts
 * const py = new MiniPy({ version: '3.12' });
 * py.evalRepr("'%5.2f' % 3.14159"); // "' 3.14'"
 * ```
 */
export class MiniPy {
  readonly heap: Heap;
  readonly hooks: RuntimeHooks;
  readonly builtins: Ref;
  readonly globals: Ref;
  readonly files: Map<string, string>;
  out = '';
  stdout: Ref;
  private frames: Scope[] = [];
  private readonly module: Scope;

  constructor(options: MiniPyOptions) {
    const heap = new HeapClass({ version: options.version, writeStdout: (t) => (this.out += t), writeStderr: () => {} });
    this.heap = heap;
    this.files = options.files ?? new Map();
    this.globals = newDict(heap);
    this.module = { vars: new Map(), parent: null, locals: null, globalsDecl: new Set(), classDict: 0, func: null, firstArg: 0 };
    const self = this;
    this.hooks = {
      stdout: () => self.stdout,
      stderr: () => self.stdout,
      globals: () => self.globals,
      locals: () => self.localsDict(),
      superArgs: () => {
        for (let i = self.frames.length - 1; i >= 0; i--) {
          const f = self.frames[i]!;
          if (f.func !== null && !f.func.isLambda) {
            if (f.func.cls === 0 || f.firstArg === 0) return null;
            return [f.func.cls, f.firstArg];
          }
        }
        return null;
      },
      importModule: (name) => {
        throw heap.newException(heap.t.ImportError, `No module named ${name}`);
      },
      fs: {
        readFile: (p) => self.files.get(p) ?? null,
        writeFile: (p, d) => {
          self.files.set(p, d);
        },
        appendFile: (p, d) => {
          self.files.set(p, (self.files.get(p) ?? '') + d);
        },
      },
    };
    installBuiltinTypes(heap, this.hooks);
    this.builtins = createBuiltinsModule(heap, this.hooks);
    this.stdout = newStdStream(heap, '<stdout>', (t) => (this.out += t));
    dictSetStr(heap, this.globals, '__name__', intern(heap, '__main__'));
    dictSetStr(heap, this.globals, '__builtins__', this.builtins);
    (heap.payload[heap.t.function] as TypeData).slots.call = (h, f, args, kw) => this.callFunction(f, args, kw);
  }

  get is27(): boolean {
    return this.heap.profile.version === '2.7';
  }

  private localsDict(): Ref {
    const f = this.frames[this.frames.length - 1];
    if (f === undefined) return this.globals;
    if (f.classDict !== 0) return f.classDict;
    const d = newDict(this.heap);
    for (const [k, v] of f.vars) dictSetStr(this.heap, d, k, v);
    this.heap.decref(d); // kept alive by nothing: tests only read it immediately
    return d;
  }

  // ------------------------------------------------------------------------------------------
  // Public entry points
  // ------------------------------------------------------------------------------------------

  /** Execute statements at module level. */
  exec(src: string): void {
    const mod = parse(src, { dialect: this.is27 ? '2.7' : '3.12', filename: '<case>' });
    this.execBlock(mod.body, this.module);
  }

  /** Evaluate an expression (new reference). */
  eval(src: string): Ref {
    const mod = parse(`(${src}\n)\n`, { dialect: this.is27 ? '2.7' : '3.12', filename: '<case>' });
    const st = mod.body[0]!;
    if (st.type !== 'Expr') throw new Error('not an expression');
    return this.evalExpr(st.value, this.module);
  }

  /** Evaluate and return `repr(result)` or `ExcType: message`. */
  evalRepr(src: string): string {
    try {
      const r = this.eval(src);
      try {
        return reprOf(this.heap, r);
      } finally {
        this.heap.decref(r);
      }
    } catch (e) {
      return this.describe(e);
    }
  }

  /** `ExcType: message` for a Python exception (re-throws JS errors). */
  describe(e: unknown): string {
    if (!(e instanceof PyException)) throw e;
    const heap = this.heap;
    try {
      return `${(heap.payload[heap.typ[e.exc]!] as TypeData).name}: ${strOf(heap, e.exc)}`;
    } finally {
      heap.decref(e.exc);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Names
  // ------------------------------------------------------------------------------------------

  private lookup(name: string, scope: Scope): Ref {
    const heap = this.heap;
    for (let s: Scope | null = scope; s !== null && s !== this.module; s = s.parent) {
      if (s.globalsDecl.has(name)) break;
      if (s.classDict !== 0) {
        if (s === scope) {
          const v = dictGetStr(heap, s.classDict, name);
          if (v !== 0) return heap.newRef(v);
        }
        continue;
      }
      const v = s.vars.get(name);
      if (v !== undefined) return heap.newRef(v);
      if (s === scope && s.locals?.has(name)) {
        throw heap.newException(heap.t.UnboundLocalError, this.is27 ? `local variable '${name}' referenced before assignment` : `cannot access local variable '${name}' where it is not associated with a value`);
      }
    }
    const g = dictGetStr(heap, this.globals, name);
    if (g !== 0) return heap.newRef(g);
    const b = dictGetStr(heap, moduleDict(heap, this.builtins), name);
    if (b !== 0) return heap.newRef(b);
    throw heap.newException(heap.t.NameError, this.is27 ? `global name '${name}' is not defined` .replace('global name', scope === this.module ? 'name' : 'global name') : `name '${name}' is not defined`);
  }

  private store(name: string, value: Ref, scope: Scope): void {
    const heap = this.heap;
    if (scope === this.module || scope.globalsDecl.has(name)) {
      dictSetStr(heap, this.globals, name, value);
      return;
    }
    if (scope.classDict !== 0) {
      dictSetStr(heap, scope.classDict, name, value);
      return;
    }
    heap.incref(value);
    const old = scope.vars.get(name);
    scope.vars.set(name, value);
    if (old !== undefined) heap.decref(old);
  }

  private deleteName(name: string, scope: Scope): void {
    const heap = this.heap;
    if (scope === this.module || scope.globalsDecl.has(name)) {
      if (!dictDelStr(heap, this.globals, name)) throw heap.newException(heap.t.NameError, `name '${name}' is not defined`);
      return;
    }
    if (scope.classDict !== 0) {
      dictDelStr(heap, scope.classDict, name);
      return;
    }
    const old = scope.vars.get(name);
    if (old === undefined) throw heap.newException(heap.t.NameError, `name '${name}' is not defined`);
    scope.vars.delete(name);
    heap.decref(old);
  }

  // ------------------------------------------------------------------------------------------
  // Statements
  // ------------------------------------------------------------------------------------------

  private execBlock(stmts: Stmt[], scope: Scope): void {
    for (const s of stmts) this.execStmt(s, scope);
  }

  private execStmt(s: Stmt, scope: Scope): void {
    const heap = this.heap;
    switch (s.type) {
      case 'Expr': {
        heap.decref(this.evalExpr(s.value, scope));
        return;
      }
      case 'Assign': {
        const v = this.evalExpr(s.value, scope);
        try {
          for (const t of s.targets) this.assign(t, v, scope);
        } finally {
          heap.decref(v);
        }
        return;
      }
      case 'AugAssign': {
        const t = s.target;
        if (t.type === 'Name') {
          const cur = this.lookup(t.id, scope);
          const rhs = this.evalExpr(s.value, scope);
          try {
            const r = inplaceOp(heap, s.op, cur, rhs);
            this.store(t.id, r, scope);
            heap.decref(r);
          } finally {
            heap.decref(cur);
            heap.decref(rhs);
          }
        } else if (t.type === 'Attribute') {
          const obj = this.evalExpr(t.value, scope);
          try {
            const cur = getAttr(heap, obj, t.attr);
            const rhs = this.evalExpr(s.value, scope);
            try {
              const r = inplaceOp(heap, s.op, cur, rhs);
              setAttr(heap, obj, t.attr, r);
              heap.decref(r);
            } finally {
              heap.decref(cur);
              heap.decref(rhs);
            }
          } finally {
            heap.decref(obj);
          }
        } else if (t.type === 'Subscript') {
          const obj = this.evalExpr(t.value, scope);
          const key = this.evalExpr(t.slice, scope);
          try {
            const cur = getItem(heap, obj, key);
            const rhs = this.evalExpr(s.value, scope);
            try {
              const r = inplaceOp(heap, s.op, cur, rhs);
              setItem(heap, obj, key, r);
              heap.decref(r);
            } finally {
              heap.decref(cur);
              heap.decref(rhs);
            }
          } finally {
            heap.decref(obj);
            heap.decref(key);
          }
        }
        return;
      }
      case 'Delete':
        for (const t of s.targets) this.del(t, scope);
        return;
      case 'Pass':
      case 'Global':
        return;
      case 'If': {
        const c = this.evalExpr(s.test, scope);
        let b: boolean;
        try {
          b = isTrue(heap, c);
        } finally {
          heap.decref(c);
        }
        this.execBlock(b ? s.body : s.orelse, scope);
        return;
      }
      case 'While': {
        for (;;) {
          const c = this.evalExpr(s.test, scope);
          let b: boolean;
          try {
            b = isTrue(heap, c);
          } finally {
            heap.decref(c);
          }
          if (!b) {
            this.execBlock(s.orelse, scope);
            return;
          }
          try {
            this.execBlock(s.body, scope);
          } catch (e) {
            if (e instanceof BreakSignal) return;
            if (e instanceof ContinueSignal) continue;
            throw e;
          }
        }
      }
      case 'For': {
        const iterable = this.evalExpr(s.iter, scope);
        const it = getIter(heap, iterable);
        heap.decref(iterable);
        try {
          for (;;) {
            const x = iterNext(heap, it);
            if (x === 0) break;
            try {
              this.assign(s.target, x, scope);
            } finally {
              heap.decref(x);
            }
            try {
              this.execBlock(s.body, scope);
            } catch (e) {
              if (e instanceof BreakSignal) return;
              if (e instanceof ContinueSignal) continue;
              throw e;
            }
          }
        } finally {
          heap.decref(it);
        }
        this.execBlock(s.orelse, scope);
        return;
      }
      case 'Break':
        throw new BreakSignal();
      case 'Continue':
        throw new ContinueSignal();
      case 'Return':
        throw new ReturnSignal(s.value ? this.evalExpr(s.value, scope) : heap.newRef(heap.None));
      case 'FunctionDef': {
        let f = this.makeFunction(s, scope);
        for (let i = s.decorator_list.length - 1; i >= 0; i--) {
          const d = this.evalExpr(s.decorator_list[i]!, scope);
          try {
            const r = call(heap, d, [f]);
            heap.decref(f);
            f = r;
          } finally {
            heap.decref(d);
          }
        }
        this.store(s.name, f, scope);
        heap.decref(f);
        return;
      }
      case 'ClassDef': {
        const bases = s.bases.map((b) => this.evalExpr(b, scope));
        const basesT = newTupleSteal(heap, bases);
        let meta = heap.newRef(heap.t.type);
        const kwNames: string[] = [];
        const kwVals: Ref[] = [];
        for (const k of s.keywords) {
          const v = this.evalExpr(k.value, scope);
          if (k.arg === 'metaclass') {
            heap.decref(meta);
            meta = v;
          } else {
            kwNames.push(k.arg!);
            kwVals.push(v);
          }
        }
        const ns = newDict(heap);
        dictSetStr(heap, ns, '__module__', dictGetStr(heap, this.globals, '__name__'));
        const qn = newStr(heap, s.name);
        dictSetStr(heap, ns, '__qualname__', qn);
        heap.decref(qn);
        const classScope: Scope = { vars: new Map(), parent: scope, locals: null, globalsDecl: new Set(), classDict: ns, func: null, firstArg: 0 };
        this.pendingFuncs.push([]);
        let cls: Ref;
        try {
          this.execBlock(s.body, classScope);
          if (this.is27) {
            const m27 = dictGetStr(heap, ns, '__metaclass__');
            if (m27 !== 0) {
              heap.decref(meta);
              meta = heap.newRef(m27);
            }
          }
          const nameS = newStr(heap, s.name);
          try {
            if (meta === heap.t.type) cls = typeNew(heap, heap.t.type, s.name, basesT, ns, kwNames, kwVals);
            else cls = call(heap, meta, [nameS, basesT, ns, ...kwVals], kwNames.length > 0 ? kwNames : null);
          } finally {
            heap.decref(nameS);
          }
        } finally {
          const funcs = this.pendingFuncs.pop()!;
          heap.decref(ns);
          heap.decref(basesT);
          heap.decref(meta);
          for (const v of kwVals) heap.decref(v);
          if (typeof cls! === 'number') for (const f of funcs) f.cls = cls!;
        }
        for (let i = s.decorator_list.length - 1; i >= 0; i--) {
          const d = this.evalExpr(s.decorator_list[i]!, scope);
          try {
            const r = call(heap, d, [cls]);
            heap.decref(cls);
            cls = r;
          } finally {
            heap.decref(d);
          }
        }
        this.store(s.name, cls, scope);
        heap.decref(cls);
        return;
      }
      case 'Raise': {
        if (s.exc === null) throw this.reraise ?? heap.newException(heap.t.RuntimeError, 'No active exception to reraise');
        let e = this.evalExpr(s.exc, scope);
        if (heap.kind[e] === Kind.TYPE) {
          let inst: Ref;
          if (this.is27 && s.inst) {
            const v = this.evalExpr(s.inst, scope);
            try {
              inst = heap.kind[v] === Kind.TUPLE ? call(heap, e, heap.payload[v] as Ref[]) : call(heap, e, [v]);
            } finally {
              heap.decref(v);
            }
          } else inst = call(heap, e, []);
          heap.decref(e);
          e = inst;
        }
        if (heap.kind[e] !== Kind.EXCEPTION) {
          heap.decref(e);
          throw heap.newException(heap.t.TypeError, this.is27 ? 'exceptions must be old-style classes or derived from BaseException, not str' : 'exceptions must derive from BaseException');
        }
        throw new PyException(e, heap.typeName(e));
      }
      case 'Try': {
        try {
          try {
            this.execBlock(s.body, scope);
          } catch (e) {
            if (!(e instanceof PyException) || s.handlers.length === 0) throw e;
            for (const h of s.handlers) {
              let match = h.exc_type === null;
              if (!match) {
                const t = this.evalExpr(h.exc_type!, scope);
                try {
                  const types = heap.kind[t] === Kind.TUPLE ? (heap.payload[t] as Ref[]) : [t];
                  match = types.some((ty) => heap.kind[ty] === Kind.TYPE && isSubtype(heap, heap.typ[e.exc]!, ty));
                } finally {
                  heap.decref(t);
                }
              }
              if (match) {
                if (h.name) this.store(h.name, e.exc, scope);
                else if (h.target) this.assign(h.target, e.exc, scope);
                const saved = this.reraise;
                this.reraise = e;
                try {
                  this.execBlock(h.body, scope);
                } finally {
                  this.reraise = saved;
                }
                heap.decref(e.exc);
                this.execAfterTry(s, scope, false);
                return;
              }
            }
            throw e;
          }
          this.execBlock(s.orelse, scope);
        } finally {
          this.execBlock(s.finalbody, scope);
        }
        return;
      }
      case 'Assert': {
        const c = this.evalExpr(s.test, scope);
        const ok = isTrue(heap, c);
        heap.decref(c);
        if (!ok) {
          const args: Ref[] = s.msg ? [this.evalExpr(s.msg, scope)] : [];
          const exc = makeException(heap, heap.t.AssertionError, args);
          for (const a of args) heap.decref(a);
          throw new PyException(exc, 'AssertionError');
        }
        return;
      }
      case 'Print': {
        const dest = s.dest ? this.evalExpr(s.dest, scope) : 0;
        const values = s.values.map((v) => this.evalExpr(v, scope));
        try {
          printStatement27(heap, this.hooks, dest, values, s.nl);
        } finally {
          for (const v of values) heap.decref(v);
          if (dest !== 0) heap.decref(dest);
        }
        return;
      }
      case 'With': {
        const item = s.items[0]!;
        const mgr = this.evalExpr(item.context_expr, scope);
        try {
          const enter = getAttr(heap, mgr, '__enter__');
          let entered: Ref;
          try {
            entered = call(heap, enter, []);
          } finally {
            heap.decref(enter);
          }
          if (item.optional_vars) this.assign(item.optional_vars, entered, scope);
          heap.decref(entered);
          try {
            this.execBlock(s.body, scope);
          } finally {
            const exit = getAttr(heap, mgr, '__exit__');
            try {
              heap.decref(call(heap, exit, [heap.None, heap.None, heap.None]));
            } finally {
              heap.decref(exit);
            }
          }
        } finally {
          heap.decref(mgr);
        }
        return;
      }
      case 'Import': {
        for (const a of s.names) {
          if (a.name !== 'sys') throw heap.newException(heap.t.ImportError, `No module named ${a.name}`);
          this.store(a.asname ?? 'sys', this.sysModule(), scope);
        }
        return;
      }
      default:
        throw new Error(`MiniPy: unsupported statement ${s.type}`);
    }
  }

  private reraise: PyException | null = null;
  private sysMod = 0;

  /** A minimal `sys` module (stdout only). */
  private sysModule(): Ref {
    if (this.sysMod === 0) {
      this.sysMod = newModule(this.heap, 'sys');
      dictSetStr(this.heap, moduleDict(this.heap, this.sysMod), 'stdout', this.stdout);
    }
    return this.sysMod;
  }

  private execAfterTry(s: Extract<Stmt, { type: 'Try' }>, scope: Scope, runElse: boolean): void {
    if (runElse) this.execBlock(s.orelse, scope);
  }

  private pendingFuncs: FuncInfo[][] = [];

  private assign(t: Expr, v: Ref, scope: Scope): void {
    const heap = this.heap;
    switch (t.type) {
      case 'Name':
        this.store(t.id, v, scope);
        return;
      case 'Attribute': {
        const obj = this.evalExpr(t.value, scope);
        try {
          setAttr(heap, obj, t.attr, v);
        } finally {
          heap.decref(obj);
        }
        return;
      }
      case 'Subscript': {
        const obj = this.evalExpr(t.value, scope);
        try {
          if (t.slice.type === 'Slice') {
            const [lo, hi, st] = this.sliceParts(t.slice, scope);
            try {
              setSlice(heap, obj, lo, hi, st, v);
            } finally {
              heap.xdecref(lo);
              heap.xdecref(hi);
              heap.xdecref(st);
            }
          } else {
            const key = this.evalExpr(t.slice, scope);
            try {
              setItem(heap, obj, key, v);
            } finally {
              heap.decref(key);
            }
          }
        } finally {
          heap.decref(obj);
        }
        return;
      }
      case 'Tuple':
      case 'List': {
        const items = collect(heap, v);
        try {
          const star = t.elts.findIndex((e) => e.type === 'Starred');
          if (star < 0) {
            if (items.length !== t.elts.length) {
              throw heap.newException(
                heap.t.ValueError,
                items.length > t.elts.length
                  ? this.is27
                    ? 'too many values to unpack'
                    : `too many values to unpack (expected ${t.elts.length})`
                  : this.is27
                    ? `need more than ${items.length} value${items.length === 1 ? '' : 's'} to unpack`
                    : `not enough values to unpack (expected ${t.elts.length}, got ${items.length})`,
              );
            }
            t.elts.forEach((e, i) => {
              this.assign(e, items[i]!, scope);
            });
          } else {
            const after = t.elts.length - star - 1;
            t.elts.slice(0, star).forEach((e, i) => {
              this.assign(e, items[i]!, scope);
            });
            const mid = newList(heap, items.slice(star, items.length - after));
            this.assign((t.elts[star] as Extract<Expr, { type: 'Starred' }>).value, mid, scope);
            heap.decref(mid);
            t.elts.slice(star + 1).forEach((e, i) => {
              this.assign(e, items[items.length - after + i]!, scope);
            });
          }
        } finally {
          for (const x of items) heap.decref(x);
        }
        return;
      }
      default:
        throw new Error(`MiniPy: cannot assign to ${t.type}`);
    }
  }

  private del(t: Expr, scope: Scope): void {
    const heap = this.heap;
    switch (t.type) {
      case 'Name':
        this.deleteName(t.id, scope);
        return;
      case 'Attribute': {
        const obj = this.evalExpr(t.value, scope);
        try {
          setAttr(heap, obj, t.attr, 0);
        } finally {
          heap.decref(obj);
        }
        return;
      }
      case 'Subscript': {
        const obj = this.evalExpr(t.value, scope);
        try {
          if (t.slice.type === 'Slice') {
            const [lo, hi, st] = this.sliceParts(t.slice, scope);
            try {
              setSlice(heap, obj, lo, hi, st, 0);
            } finally {
              heap.xdecref(lo);
              heap.xdecref(hi);
              heap.xdecref(st);
            }
          } else {
            const key = this.evalExpr(t.slice, scope);
            try {
              delItem(heap, obj, key);
            } finally {
              heap.decref(key);
            }
          }
        } finally {
          heap.decref(obj);
        }
        return;
      }
      case 'Tuple':
      case 'List':
        for (const e of t.elts) this.del(e, scope);
        return;
      default:
        throw new Error(`MiniPy: cannot delete ${t.type}`);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Functions
  // ------------------------------------------------------------------------------------------

  private makeFunction(node: Extract<Stmt, { type: 'FunctionDef' }> | Extract<Expr, { type: 'Lambda' }>, scope: Scope): Ref {
    const heap = this.heap;
    const isLambda = node.type === 'Lambda';
    const name = isLambda ? '<lambda>' : node.name;
    const body = isLambda ? node.body : node.body;
    const defaults = node.args.defaults.map((d) => this.evalExpr(d, scope));
    let kwdefaults = 0;
    node.args.kw_defaults.forEach((d, i) => {
      if (d === null) return;
      if (kwdefaults === 0) kwdefaults = newDict(heap);
      const v = this.evalExpr(d, scope);
      dictSetStr(heap, kwdefaults, node.args.kwonlyargs[i]!.arg, v);
      heap.decref(v);
    });
    const info: FuncInfo = {
      node: { args: node.args, body, name },
      scope: scope === this.module ? null : scope,
      cls: 0,
      isLambda,
      locals: localNames(body, node.args),
    };
    if (!isLambda && scope.classDict !== 0 && this.pendingFuncs.length > 0) this.pendingFuncs[this.pendingFuncs.length - 1]!.push(info);
    let doc = 0;
    if (!isLambda) {
      const first = node.body[0];
      if (first?.type === 'Expr' && first.value.type === 'Constant' && (first.value.value.t === 'str' || first.value.value.t === 'unicode')) doc = this.evalExpr(first.value, scope);
    }
    const qual = scope.classDict !== 0 ? `${strOf(heap, dictGetStr(heap, scope.classDict, '__qualname__') || heap.None)}.${name}` : name;
    const data: FunctionData = {
      code: 0,
      globals: heap.newRef(this.globals),
      // 2.7 function objects have no func_builtins/func_qualname fields (the heap's 2.7 layout
      // never releases them).
      builtins: this.is27 ? 0 : heap.newRef(moduleDict(heap, this.builtins)),
      name: newStr(heap, name),
      qualname: this.is27 ? 0 : newStr(heap, qual),
      defaults: defaults.length > 0 ? newTupleSteal(heap, defaults) : 0,
      kwdefaults,
      closure: 0,
      doc: doc || heap.newRef(heap.None),
      module: heap.newRef(dictGetStr(heap, this.globals, '__name__')),
      dict: 0,
      annotations: 0,
      ext: info,
    };
    const f = heap.alloc(heap.t.function, Kind.FUNCTION, data);
    heap.track(f);
    return f;
  }

  private callFunction(f: Ref, args: readonly Ref[], kwnames: readonly string[] | null): Ref {
    const heap = this.heap;
    const data = heap.payload[f] as FunctionData;
    const info = data.ext as FuncInfo;
    const a = info.node.args;
    const scope: Scope = { vars: new Map(), parent: info.scope ?? this.module, locals: info.locals, globalsDecl: new Set(), classDict: 0, func: info, firstArg: 0 };
    const params = [...a.posonlyargs, ...a.args].map((x) => x.arg);
    const npos = args.length - (kwnames?.length ?? 0);
    const fname = info.node.name;
    const bound = new Map<string, Ref>();
    const extra: Ref[] = [];
    for (let i = 0; i < npos; i++) {
      if (i < params.length) bound.set(params[i]!, args[i]!);
      else extra.push(args[i]!);
    }
    if (extra.length > 0 && !a.vararg) {
      throw heap.newException(heap.t.TypeError, `${fname}() takes ${params.length} positional argument${params.length === 1 ? '' : 's'} but ${npos} were given`);
    }
    let kwDict = 0;
    if (a.kwarg) kwDict = newDict(heap);
    const kwonly = a.kwonlyargs.map((x) => x.arg);
    kwnames?.forEach((k, j) => {
      const v = args[npos + j]!;
      if (params.includes(k) || kwonly.includes(k)) {
        if (bound.has(k)) throw heap.newException(heap.t.TypeError, `${fname}() got multiple values for argument '${k}'`);
        bound.set(k, v);
      } else if (kwDict !== 0) {
        const key = newStr(heap, k);
        dictSetItem(heap, kwDict, key, v);
        heap.decref(key);
      } else throw heap.newException(heap.t.TypeError, `${fname}() got an unexpected keyword argument '${k}'`);
    });
    const defaults = data.defaults === 0 ? [] : (heap.payload[data.defaults] as Ref[]);
    params.forEach((p, i) => {
      if (bound.has(p)) return;
      const di = i - (params.length - defaults.length);
      if (di >= 0) bound.set(p, defaults[di]!);
      else throw heap.newException(heap.t.TypeError, `${fname}() missing 1 required positional argument: '${p}'`);
    });
    kwonly.forEach((p) => {
      if (bound.has(p)) return;
      const v = data.kwdefaults === 0 ? 0 : dictGetStr(heap, data.kwdefaults, p);
      if (v === 0) throw heap.newException(heap.t.TypeError, `${fname}() missing 1 required keyword-only argument: '${p}'`);
      bound.set(p, v);
    });
    for (const [k, v] of bound) {
      heap.incref(v);
      scope.vars.set(k, v);
    }
    if (a.vararg) scope.vars.set(a.vararg.arg, newTupleSteal(heap, extra.map((x) => heap.newRef(x))));
    if (a.kwarg) scope.vars.set(a.kwarg.arg, kwDict);
    scope.firstArg = params.length > 0 ? (scope.vars.get(params[0]!) ?? 0) : 0;
    this.frames.push(scope);
    try {
      if (info.isLambda) return this.evalExpr(info.node.body as Expr, scope);
      for (const s of info.node.body as Stmt[]) this.execStmt(s, scope);
      return heap.newRef(heap.None);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw e;
    } finally {
      this.frames.pop();
      for (const v of scope.vars.values()) heap.decref(v);
      scope.vars.clear();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Expressions
  // ------------------------------------------------------------------------------------------

  private sliceParts(sl: Extract<Expr, { type: 'Slice' }>, scope: Scope): [Ref, Ref, Ref] {
    const lo = sl.lower ? this.evalExpr(sl.lower, scope) : 0;
    const hi = sl.upper ? this.evalExpr(sl.upper, scope) : 0;
    const st = sl.step ? this.evalExpr(sl.step, scope) : 0;
    return [lo, hi, st];
  }

  private evalArgs(args: Expr[], keywords: { arg: string | null; value: Expr }[], scope: Scope): { vals: Ref[]; names: string[] } {
    const heap = this.heap;
    const vals: Ref[] = [];
    const names: string[] = [];
    const kwVals: Ref[] = [];
    try {
      for (const a of args) {
        if (a.type === 'Starred') {
          const v = this.evalExpr(a.value, scope);
          try {
            vals.push(...collect(heap, v));
          } finally {
            heap.decref(v);
          }
        } else vals.push(this.evalExpr(a, scope));
      }
      for (const k of keywords) {
        const v = this.evalExpr(k.value, scope);
        if (k.arg !== null) {
          names.push(k.arg);
          kwVals.push(v);
        } else {
          try {
            const keys = getAttr(heap, v, 'keys');
            const ks = call(heap, keys, []);
            heap.decref(keys);
            for (const key of collect(heap, ks)) {
              names.push(heap.payload[key] as string);
              kwVals.push(getItem(heap, v, key));
              heap.decref(key);
            }
            heap.decref(ks);
          } finally {
            heap.decref(v);
          }
        }
      }
    } catch (e) {
      for (const x of [...vals, ...kwVals]) heap.decref(x);
      throw e;
    }
    return { vals: [...vals, ...kwVals], names };
  }

  private comprehension(gens: { target: Expr; iter: Expr; ifs: Expr[] }[], scope: Scope, emit: (s: Scope) => void): void {
    const heap = this.heap;
    const inner: Scope = this.is27 ? scope : { vars: new Map(), parent: scope, locals: new Set(), globalsDecl: new Set(), classDict: 0, func: null, firstArg: 0 };
    const level = (i: number): void => {
      if (i === gens.length) {
        emit(inner);
        return;
      }
      const g = gens[i]!;
      const iterable = this.evalExpr(g.iter, i === 0 ? scope : inner);
      const it = getIter(heap, iterable);
      heap.decref(iterable);
      try {
        for (;;) {
          const x = iterNext(heap, it);
          if (x === 0) break;
          this.assign(g.target, x, inner);
          heap.decref(x);
          let ok = true;
          for (const cond of g.ifs) {
            const c = this.evalExpr(cond, inner);
            ok = isTrue(heap, c);
            heap.decref(c);
            if (!ok) break;
          }
          if (ok) level(i + 1);
        }
      } finally {
        heap.decref(it);
      }
    };
    try {
      level(0);
    } finally {
      if (inner !== scope) for (const v of inner.vars.values()) heap.decref(v);
    }
  }

  private constant(e: Extract<Expr, { type: 'Constant' }>): Ref {
    const heap = this.heap;
    const v = e.value;
    switch (v.t) {
      case 'int':
        return newInt(heap, v.v);
      case 'long':
        return newLong(heap, v.v);
      case 'float':
        return newFloat(heap, v.v);
      case 'complex':
        return newComplex(heap, 0, v.imag);
      case 'str':
        return newStr(heap, v.v);
      case 'unicode':
        return newUnicode(heap, v.v);
      case 'bytes':
        return newBytes(heap, v.v);
      case 'bool':
        return heap.newRef(v.v ? heap.True : heap.False);
      case 'none':
        return heap.newRef(heap.None);
      case 'ellipsis':
        return heap.newRef(heap.Ellipsis);
    }
  }

  evalExpr(e: Expr, scope: Scope): Ref {
    const heap = this.heap;
    switch (e.type) {
      case 'Constant':
        return this.constant(e);
      case 'Name':
        if (this.is27 && (e.id === 'None' || e.id === 'True' || e.id === 'False')) {
          return heap.newRef(e.id === 'None' ? heap.None : e.id === 'True' ? heap.True : heap.False);
        }
        return this.lookup(e.id, scope);
      case 'Attribute': {
        const obj = this.evalExpr(e.value, scope);
        try {
          return getAttr(heap, obj, e.attr);
        } finally {
          heap.decref(obj);
        }
      }
      case 'Subscript': {
        const obj = this.evalExpr(e.value, scope);
        try {
          if (e.slice.type === 'Slice') {
            const [lo, hi, st] = this.sliceParts(e.slice, scope);
            try {
              return getSlice(heap, obj, lo, hi, st);
            } finally {
              heap.xdecref(lo);
              heap.xdecref(hi);
              heap.xdecref(st);
            }
          }
          const key = this.evalExpr(e.slice, scope);
          try {
            return getItem(heap, obj, key);
          } finally {
            heap.decref(key);
          }
        } finally {
          heap.decref(obj);
        }
      }
      case 'Call': {
        const f = this.evalExpr(e.func, scope);
        try {
          const { vals, names } = this.evalArgs(e.args, e.keywords, scope);
          try {
            return call(heap, f, vals, names.length > 0 ? names : null);
          } finally {
            for (const v of vals) heap.decref(v);
          }
        } finally {
          heap.decref(f);
        }
      }
      case 'BinOp': {
        const a = this.evalExpr(e.left, scope);
        let b: Ref;
        try {
          b = this.evalExpr(e.right, scope);
        } catch (err) {
          heap.decref(a);
          throw err;
        }
        try {
          return binaryOp(heap, e.op, a, b);
        } finally {
          heap.decref(a);
          heap.decref(b);
        }
      }
      case 'UnaryOp': {
        const a = this.evalExpr(e.operand, scope);
        try {
          return unaryOp(heap, e.op, a);
        } finally {
          heap.decref(a);
        }
      }
      case 'BoolOp': {
        let v = this.evalExpr(e.values[0]!, scope);
        for (let i = 1; i < e.values.length; i++) {
          const t = isTrue(heap, v);
          if ((e.op === 'And' && !t) || (e.op === 'Or' && t)) return v;
          heap.decref(v);
          v = this.evalExpr(e.values[i]!, scope);
        }
        return v;
      }
      case 'Compare': {
        let left = this.evalExpr(e.left, scope);
        for (let i = 0; i < e.ops.length; i++) {
          const right = this.evalExpr(e.comparators[i]!, scope);
          let r: Ref;
          try {
            r = compareOp(heap, e.ops[i]!, left, right);
          } catch (err) {
            heap.decref(left);
            heap.decref(right);
            throw err;
          }
          heap.decref(left);
          if (i === e.ops.length - 1) {
            heap.decref(right);
            return r;
          }
          if (!isTrue(heap, r)) {
            heap.decref(right);
            return r;
          }
          heap.decref(r);
          left = right;
        }
        return left;
      }
      case 'IfExp': {
        const c = this.evalExpr(e.test, scope);
        const t = isTrue(heap, c);
        heap.decref(c);
        return this.evalExpr(t ? e.body : e.orelse, scope);
      }
      case 'List':
      case 'Tuple':
      case 'Set': {
        const items: Ref[] = [];
        try {
          for (const x of e.elts) {
            if (x.type === 'Starred') {
              const v = this.evalExpr(x.value, scope);
              items.push(...collect(heap, v));
              heap.decref(v);
            } else items.push(this.evalExpr(x, scope));
          }
        } catch (err) {
          for (const x of items) heap.decref(x);
          throw err;
        }
        if (e.type === 'List') return newListSteal(heap, items);
        if (e.type === 'Tuple') return newTupleSteal(heap, items);
        try {
          return newSet(heap, items);
        } finally {
          for (const x of items) heap.decref(x);
        }
      }
      case 'Dict': {
        const d = newDict(heap, e.keys.length);
        try {
          e.keys.forEach((k, i) => {
            const v = this.evalExpr(e.values[i]!, scope);
            try {
              if (k === null) {
                const keys = collect(heap, v);
                for (const kk of keys) {
                  const vv = getItem(heap, v, kk);
                  dictSetItem(heap, d, kk, vv);
                  heap.decref(vv);
                  heap.decref(kk);
                }
              } else {
                const kr = this.evalExpr(k, scope);
                try {
                  dictSetItem(heap, d, kr, v);
                } finally {
                  heap.decref(kr);
                }
              }
            } finally {
              heap.decref(v);
            }
          });
        } catch (err) {
          heap.decref(d);
          throw err;
        }
        return d;
      }
      case 'ListComp':
      case 'GeneratorExp': {
        const l = newList(heap, []);
        try {
          this.comprehension(e.generators, scope, (s) => {
            const v = this.evalExpr(e.elt, s);
            listAppend(heap, l, v);
            heap.decref(v);
          });
        } catch (err) {
          heap.decref(l);
          throw err;
        }
        if (e.type === 'GeneratorExp') {
          const it = getIter(heap, l);
          heap.decref(l);
          return it;
        }
        return l;
      }
      case 'SetComp': {
        const s = newSet(heap, []);
        try {
          this.comprehension(e.generators, scope, (sc) => {
            const v = this.evalExpr(e.elt, sc);
            setAdd(heap, s, v);
            heap.decref(v);
          });
        } catch (err) {
          heap.decref(s);
          throw err;
        }
        return s;
      }
      case 'DictComp': {
        const d = newDict(heap);
        try {
          this.comprehension(e.generators, scope, (sc) => {
            const k = this.evalExpr(e.key, sc);
            const v = this.evalExpr(e.value, sc);
            dictSetItem(heap, d, k, v);
            heap.decref(k);
            heap.decref(v);
          });
        } catch (err) {
          heap.decref(d);
          throw err;
        }
        return d;
      }
      case 'Lambda':
        return this.makeFunction(e, scope);
      case 'JoinedStr': {
        let out = '';
        for (const part of e.values) {
          if (part.type === 'Constant') out += (part.value as { v: string }).v;
          else {
            const v = this.evalExpr(part.value, scope);
            let spec = 0;
            try {
              if (part.format_spec !== null) spec = this.evalExpr(part.format_spec, scope);
              const r = formatFString(heap, v, part.conversion, spec);
              out += heap.payload[r] as string;
              heap.decref(r);
            } finally {
              heap.decref(v);
              heap.xdecref(spec);
            }
          }
        }
        return newStr(heap, out);
      }
      case 'Repr': {
        const v = this.evalExpr(e.value, scope);
        try {
          return newStr(heap, reprOf(heap, v));
        } finally {
          heap.decref(v);
        }
      }
      case 'NamedExpr': {
        const v = this.evalExpr(e.value, scope);
        this.store(e.target.id, v, scope);
        return v;
      }
      case 'Starred':
        throw new Error('MiniPy: starred outside call');
      default:
        throw new Error(`MiniPy: unsupported expression ${(e as { type: string }).type}`);
    }
  }
}


// ============================================================================================
// Case files
// ============================================================================================

function esc(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/** One recorded line of a case file. */
export interface CaseRecord {
  label: string;
  output: string;
}

/**
 * Run a case file (see `testing/record.py` for the format) and produce the same records
 * CPython's recorder prints.
 *
 * @example
 * ```ts
 * runCaseFile("1 + 1\n'a' * 2\n", '3.12').map((r) => r.output); // ['1 + 1 => 2', "'a' * 2 => 'aa'"]
 * ```
 */
export function runCaseFile(source: string, version: PythonVersion, files?: Map<string, string>): CaseRecord[] {
  const py = new MiniPy({ version, files });
  const lines = source.split('\n');
  const out: CaseRecord[] = [];
  const run = (kind: 'exec' | 'eval', text: string, label: string) => {
    py.out = '';
    softspace(py.heap, py.stdout, 0);
    let result: string;
    try {
      if (kind === 'exec') {
        py.exec(text);
        result = 'ok';
      } else {
        const r = py.eval(text);
        try {
          result = reprOf(py.heap, r);
        } finally {
          py.heap.decref(r);
        }
      }
    } catch (e) {
      if (e instanceof PyException) result = py.describe(e);
      else result = `JSError: ${(e as Error).message}`;
    }
    result = result.replace(/0x[0-9a-f]{6,}/g, '0x?');
    if (py.out !== '') result += ` | out=${esc(py.out.replace(/0x[0-9a-f]{6,}/g, '0x?'))}`;
    out.push({ label, output: `${label} => ${result}` });
  };
  let i = 0;
  while (i < lines.length) {
    let line = lines[i++]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const m = /^(2\.7|3\.12)\| ?(.*)$/.exec(line);
    if (m) {
      if (m[1] !== version) {
        if (m[2]!.trim() === '!!') {
          while (i < lines.length && lines[i]!.trim() !== '!!') i++;
          i++;
        }
        continue;
      }
      line = m[2]!;
    }
    if (line.trim() === '!!') {
      const block: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '!!') block.push(lines[i++]!);
      i++;
      run('exec', `${block.join('\n')}\n`, `!! ${block[0]!.trim()}`);
    } else if (line.startsWith('!')) run('exec', line.slice(1), line);
    else run('eval', line, line);
  }
  void richCompareBool;
  void CompareOp;
  void getAttrOrNull;
  void newExceptionObject;
  return out;
}
