/**
 * Scope analysis (CPython's `symtable.c`): for every function, class, lambda, comprehension and
 * the module, which names are local, global, free (from an enclosing function) or cell (local
 * but captured by a nested function).
 *
 * Rules that differ by dialect:
 * - 2.7 list comprehensions run in the enclosing scope (their loop variable leaks); set/dict
 *   comprehensions and generator expressions get their own scope in both dialects.
 * - 3.12 list/set/dict comprehensions are *inlined* (PEP 709) but keep their own names: they are
 *   still analysed as a scope, and the compiler runs them without creating a function object.
 * - `nonlocal` exists only in 3.12.
 */
import type * as A from '../parser/ast.js';

export type ScopeKind = 'module' | 'function' | 'class' | 'lambda' | 'comprehension' | 'genexpr';

/** How a name is resolved in a scope. */
export type Binding = 'local' | 'global' | 'global-implicit' | 'free' | 'cell' | 'name' | 'outer';

/** The analysis of one scope. */
export class Scope {
  readonly children: Scope[] = [];
  /** Names assigned (bound) in this scope. */
  readonly assigned = new Set<string>();
  /** Names read in this scope. */
  readonly used = new Set<string>();
  /** Parameters, in order. */
  readonly params: string[] = [];
  readonly explicitGlobals = new Set<string>();
  readonly nonlocals = new Set<string>();
  /** Final resolution, filled by `resolve`. */
  readonly bindings = new Map<string, Binding>();
  /** Names of this scope that nested scopes capture. */
  readonly cells = new Set<string>();
  /** Names this scope takes from enclosing functions. */
  readonly frees = new Set<string>();
  /** Local variable order: parameters first, then other locals in first-seen order. */
  readonly varnames: string[] = [];
  hasStarArgs = false;
  hasStarKwargs = false;
  /** Uses `super()` with no arguments or `__class__` (3.12): the class body provides a `__class__` cell. */
  needsClassCell = false;
  /** Contains `yield`. */
  isGenerator = false;
  /** A 3.12 inlined comprehension: runs in its parent's frame (PEP 709). */
  inlined = false;
  /** 2.7: uses `exec` or `import *` without a dict: names fall back to dictionary lookup. */
  unoptimized = false;

  constructor(
    readonly kind: ScopeKind,
    readonly name: string,
    readonly parent: Scope | null,
    readonly node: A.Node | null,
  ) {}

  /** Record a local variable (keeps first-seen order for `co_varnames`). */
  addVar(name: string): void {
    if (!this.varnames.includes(name)) this.varnames.push(name);
  }

  /** Is this scope a function-like scope (has fast locals)? */
  get isFunctionLike(): boolean {
    return this.kind === 'function' || this.kind === 'lambda' || this.kind === 'comprehension' || this.kind === 'genexpr';
  }
}

/** Results keyed by AST node. */
export class SymbolTable {
  readonly scopes = new Map<A.Node, Scope>();
  constructor(readonly module: Scope) {}
  scopeOf(node: A.Node): Scope {
    const s = this.scopes.get(node);
    if (s === undefined) throw new Error(`internal: no scope for ${(node as { type: string }).type}`);
    return s;
  }
}

/** Mangle a private name inside a class (`__x` → `_Class__x`). */
export function mangle(className: string | null, name: string): string {
  if (className === null || !name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
  const stripped = className.replace(/^_+/, '');
  if (stripped === '') return name;
  return `_${stripped}${name}`;
}

/** Errors found by the analysis (CPython raises SyntaxError for these). */
export class ScopeError extends Error {
  constructor(
    message: string,
    readonly node: A.Pos,
  ) {
    super(message);
  }
}

/**
 * Build the symbol table of a module.
 *
 * @example
 * ```ts
 * import { parse } from '../parser/index.js';
 * import { buildSymbolTable } from './symtable.js';
 * const mod = parse('def f():\n  x = 1\n  def g(): return x\n', { dialect: '3.12' });
 * const st = buildSymbolTable(mod, '3.12');
 * st.module.children[0]!.cells.has('x'); // true
 * ```
 */
export function buildSymbolTable(module: A.Module, dialect: '2.7' | '3.12'): SymbolTable {
  const top = new Scope('module', '<module>', null, module);
  const table = new SymbolTable(top);
  table.scopes.set(module, top);
  const visitor = new Visitor(table, dialect);
  visitor.body(module.body, top, null);
  finishScopes(table, dialect);
  return table;
}

class Visitor {
  constructor(
    readonly table: SymbolTable,
    readonly dialect: '2.7' | '3.12',
  ) {}

  body(stmts: readonly A.Stmt[], s: Scope, cls: string | null): void {
    for (const st of stmts) this.stmt(st, s, cls);
  }

  bind(name: string, s: Scope, cls: string | null): void {
    const n = s.kind === 'class' ? name : mangle(cls, name);
    s.assigned.add(n);
    if (s.isFunctionLike && !s.explicitGlobals.has(n) && !s.nonlocals.has(n)) s.addVar(n);
  }

  use(name: string, s: Scope, cls: string | null): void {
    s.used.add(mangle(cls, name));
  }

  newScope(kind: ScopeKind, name: string, parent: Scope, node: A.Node): Scope {
    const s = new Scope(kind, name, parent, node);
    parent.children.push(s);
    this.table.scopes.set(node, s);
    return s;
  }

  args(a: A.Arguments, fs: Scope, cls: string | null): void {
    for (const p of [...a.posonlyargs, ...a.args]) {
      fs.params.push(p.arg);
      this.bind(p.arg, fs, cls);
    }
    if (a.vararg) {
      fs.hasStarArgs = true;
    }
    for (const p of a.kwonlyargs) {
      fs.params.push(p.arg);
      this.bind(p.arg, fs, cls);
    }
    if (a.vararg) {
      fs.params.push(a.vararg.arg);
      this.bind(a.vararg.arg, fs, cls);
    }
    if (a.kwarg) {
      fs.hasStarKwargs = true;
      fs.params.push(a.kwarg.arg);
      this.bind(a.kwarg.arg, fs, cls);
    }
  }

  /** Defaults and annotations are evaluated in the enclosing scope. */
  argDefaults(a: A.Arguments, s: Scope, cls: string | null): void {
    for (const d of a.defaults) this.expr(d, s, cls);
    for (const d of a.kw_defaults) if (d) this.expr(d, s, cls);
    for (const p of [...a.posonlyargs, ...a.args, ...a.kwonlyargs]) if (p.annotation) this.expr(p.annotation, s, cls);
    if (a.vararg?.annotation) this.expr(a.vararg.annotation, s, cls);
    if (a.kwarg?.annotation) this.expr(a.kwarg.annotation, s, cls);
  }

  stmt(st: A.Stmt, s: Scope, cls: string | null): void {
    switch (st.type) {
      case 'FunctionDef': {
        for (const d of st.decorator_list) this.expr(d, s, cls);
        this.argDefaults(st.args, s, cls);
        if (st.returns) this.expr(st.returns, s, cls);
        this.bind(st.name, s, cls);
        const fs = this.newScope('function', st.name, s, st);
        this.args(st.args, fs, cls);
        this.body(st.body, fs, cls);
        break;
      }
      case 'ClassDef': {
        for (const d of st.decorator_list) this.expr(d, s, cls);
        for (const b of st.bases) this.expr(b, s, cls);
        for (const k of st.keywords) this.expr(k.value, s, cls);
        this.bind(st.name, s, cls);
        const cs = this.newScope('class', st.name, s, st);
        this.body(st.body, cs, st.name);
        break;
      }
      case 'Return':
        if (st.value) this.expr(st.value, s, cls);
        break;
      case 'Delete':
        for (const t of st.targets) this.target(t, s, cls);
        break;
      case 'Assign':
        this.expr(st.value, s, cls);
        for (const t of st.targets) this.target(t, s, cls);
        break;
      case 'AugAssign':
        this.expr(st.value, s, cls);
        if (st.target.type === 'Name') this.use(st.target.id, s, cls);
        this.target(st.target, s, cls);
        break;
      case 'AnnAssign':
        if (st.value) this.expr(st.value, s, cls);
        if (st.value || st.target.type !== 'Name') this.target(st.target, s, cls);
        else if (st.target.type === 'Name' && s.isFunctionLike) this.bind(st.target.id, s, cls);
        break;
      case 'For':
        this.expr(st.iter, s, cls);
        this.target(st.target, s, cls);
        this.body(st.body, s, cls);
        this.body(st.orelse, s, cls);
        break;
      case 'While':
        this.expr(st.test, s, cls);
        this.body(st.body, s, cls);
        this.body(st.orelse, s, cls);
        break;
      case 'If':
        this.expr(st.test, s, cls);
        this.body(st.body, s, cls);
        this.body(st.orelse, s, cls);
        break;
      case 'With':
        for (const it of st.items) {
          this.expr(it.context_expr, s, cls);
          if (it.optional_vars) this.target(it.optional_vars, s, cls);
        }
        this.body(st.body, s, cls);
        break;
      case 'Raise':
        if (st.exc) this.expr(st.exc, s, cls);
        if (st.cause) this.expr(st.cause, s, cls);
        if (st.inst) this.expr(st.inst, s, cls);
        if (st.tback) this.expr(st.tback, s, cls);
        break;
      case 'Try':
        this.body(st.body, s, cls);
        for (const h of st.handlers) {
          if (h.exc_type) this.expr(h.exc_type, s, cls);
          if (h.name) this.bind(h.name, s, cls);
          if (h.target) this.target(h.target, s, cls);
          this.body(h.body, s, cls);
        }
        this.body(st.orelse, s, cls);
        this.body(st.finalbody, s, cls);
        break;
      case 'Assert':
        this.expr(st.test, s, cls);
        if (st.msg) this.expr(st.msg, s, cls);
        break;
      case 'Import':
        for (const a of st.names) this.bind(a.asname ?? a.name.split('.')[0]!, s, cls);
        break;
      case 'ImportFrom':
        for (const a of st.names) {
          if (a.name === '*') {
            if (s.isFunctionLike) s.unoptimized = true;
            continue;
          }
          this.bind(a.asname ?? a.name, s, cls);
        }
        break;
      case 'Global':
        for (const n of st.names) {
          const m = mangle(cls, n);
          if (s.assigned.has(m) || s.used.has(m)) {
            const what = s.assigned.has(m) ? 'assigned to' : 'used';
            if (this.dialect === '3.12' || what === 'assigned to') {
              if (this.dialect === '3.12') throw new ScopeError(`name '${n}' is ${what} before global declaration`, st);
            }
          }
          s.explicitGlobals.add(m);
          const i = s.varnames.indexOf(m);
          if (i >= 0 && !s.params.includes(m)) s.varnames.splice(i, 1);
        }
        break;
      case 'Nonlocal':
        for (const n of st.names) {
          const m = mangle(cls, n);
          if (s.kind === 'module') throw new ScopeError('nonlocal declaration not allowed at module level', st);
          if (s.assigned.has(m) || s.used.has(m)) {
            throw new ScopeError(`name '${n}' is ${s.assigned.has(m) ? 'assigned to' : 'used'} before nonlocal declaration`, st);
          }
          s.nonlocals.add(m);
          const i = s.varnames.indexOf(m);
          if (i >= 0) s.varnames.splice(i, 1);
        }
        break;
      case 'Expr':
        this.expr(st.value, s, cls);
        break;
      case 'Print':
        if (st.dest) this.expr(st.dest, s, cls);
        for (const v of st.values) this.expr(v, s, cls);
        break;
      case 'Exec':
        this.expr(st.body, s, cls);
        if (st.globals) this.expr(st.globals, s, cls);
        if (st.locals) this.expr(st.locals, s, cls);
        if (!st.globals && s.isFunctionLike) s.unoptimized = true;
        break;
      case 'Pass':
      case 'Break':
      case 'Continue':
        break;
    }
  }

  target(t: A.Expr, s: Scope, cls: string | null): void {
    switch (t.type) {
      case 'Name':
        this.bind(t.id, s, cls);
        break;
      case 'Tuple':
      case 'List':
        for (const e of t.elts) this.target(e, s, cls);
        break;
      case 'Starred':
        this.target(t.value, s, cls);
        break;
      case 'Attribute':
        this.expr(t.value, s, cls);
        break;
      case 'Subscript':
        this.expr(t.value, s, cls);
        this.expr(t.slice, s, cls);
        break;
      default:
        this.expr(t, s, cls);
    }
  }

  comprehension(node: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, s: Scope, cls: string | null): void {
    const gens = node.generators;
    // The first iterable is evaluated in the enclosing scope.
    this.expr(gens[0]!.iter, s, cls);
    const inline27 = this.dialect === '2.7' && node.type === 'ListComp';
    let cs: Scope;
    if (inline27) cs = s;
    else {
      cs = this.newScope(node.type === 'GeneratorExp' ? 'genexpr' : 'comprehension', node.type === 'GeneratorExp' ? '<genexpr>' : `<${node.type === 'ListComp' ? 'listcomp' : node.type === 'SetComp' ? 'setcomp' : 'dictcomp'}>`, s, node);
      cs.params.push('.0');
      cs.addVar('.0');
      cs.assigned.add('.0');
    }
    gens.forEach((g, i) => {
      if (i > 0) this.expr(g.iter, cs, cls);
      this.target(g.target, cs, cls);
      for (const c of g.ifs) this.expr(c, cs, cls);
    });
    if (node.type === 'DictComp') {
      this.expr(node.key, cs, cls);
      this.expr(node.value, cs, cls);
    } else this.expr(node.elt, cs, cls);
    if (node.type === 'GeneratorExp') cs.isGenerator = true;
    // 3.12 inlines list/set/dict comprehensions (PEP 709): names they use without binding are
    // the enclosing scope's own names (no cells are created for them).
    if (!inline27 && this.dialect === '3.12' && node.type !== 'GeneratorExp') {
      cs.inlined = true;
      for (const n of cs.used) if (!cs.assigned.has(n)) s.used.add(n);
    }
  }

  expr(e: A.Expr, s: Scope, cls: string | null): void {
    switch (e.type) {
      case 'Name':
        if (e.ctx === 'Load') this.use(e.id, s, cls);
        else this.bind(e.id, s, cls);
        if (e.id === 'super' && s.isFunctionLike && this.dialect === '3.12') s.needsClassCell = true;
        break;
      case 'BoolOp':
        for (const v of e.values) this.expr(v, s, cls);
        break;
      case 'NamedExpr': {
        this.expr(e.value, s, cls);
        // The target binds in the nearest non-comprehension scope.
        let t: Scope = s;
        while (t.kind === 'comprehension' || t.kind === 'genexpr') t = t.parent!;
        this.bind(e.target.id, t, cls);
        if (t !== s) s.used.add(e.target.id);
        break;
      }
      case 'BinOp':
        this.expr(e.left, s, cls);
        this.expr(e.right, s, cls);
        break;
      case 'UnaryOp':
        this.expr(e.operand, s, cls);
        break;
      case 'Lambda': {
        this.argDefaults(e.args, s, cls);
        const ls = this.newScope('lambda', '<lambda>', s, e);
        this.args(e.args, ls, cls);
        this.expr(e.body, ls, cls);
        break;
      }
      case 'IfExp':
        this.expr(e.test, s, cls);
        this.expr(e.body, s, cls);
        this.expr(e.orelse, s, cls);
        break;
      case 'Dict':
        for (const k of e.keys) if (k) this.expr(k, s, cls);
        for (const v of e.values) this.expr(v, s, cls);
        break;
      case 'Set':
      case 'List':
      case 'Tuple':
        for (const x of e.elts) this.expr(x, s, cls);
        break;
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        this.comprehension(e, s, cls);
        break;
      case 'Yield':
        s.isGenerator = true;
        if (e.value) this.expr(e.value, s, cls);
        break;
      case 'YieldFrom':
        s.isGenerator = true;
        this.expr(e.value, s, cls);
        break;
      case 'Compare':
        this.expr(e.left, s, cls);
        for (const c of e.comparators) this.expr(c, s, cls);
        break;
      case 'Call':
        this.expr(e.func, s, cls);
        for (const a of e.args) this.expr(a, s, cls);
        for (const k of e.keywords) this.expr(k.value, s, cls);
        break;
      case 'FormattedValue':
        this.expr(e.value, s, cls);
        if (e.format_spec) this.expr(e.format_spec, s, cls);
        break;
      case 'JoinedStr':
        for (const v of e.values) this.expr(v, s, cls);
        break;
      case 'Constant':
        break;
      case 'Attribute':
        this.expr(e.value, s, cls);
        break;
      case 'Subscript':
        this.expr(e.value, s, cls);
        this.expr(e.slice, s, cls);
        break;
      case 'Starred':
        this.expr(e.value, s, cls);
        break;
      case 'Slice':
        if (e.lower) this.expr(e.lower, s, cls);
        if (e.upper) this.expr(e.upper, s, cls);
        if (e.step) this.expr(e.step, s, cls);
        break;
      case 'Repr':
        this.expr(e.value, s, cls);
        break;
    }
  }
}

/**
 * Resolve names top-down, knowing the enclosing scopes: explicit globals, nonlocals (which must
 * exist in an enclosing function), locals, and free names found in enclosing function scopes
 * (which makes them cells there). Class scopes are skipped when looking for enclosing bindings,
 * except for the implicit `__class__` cell of 3.12 methods that use `super()`.
 */
export function finishScopes(table: SymbolTable, dialect: '2.7' | '3.12'): void {
  const walk = (s: Scope, enclosing: Scope[]) => {
    const names = new Set<string>([...s.assigned, ...s.used, ...s.explicitGlobals, ...s.nonlocals]);
    for (const n of names) {
      if (s.inlined && !s.assigned.has(n)) {
        s.bindings.set(n, 'outer');
        continue;
      }
      if (s.explicitGlobals.has(n)) s.bindings.set(n, 'global');
      else if (s.nonlocals.has(n)) {
        const owner = findEnclosing(enclosing, n);
        if (owner === null) throw new ScopeError(`no binding for nonlocal '${n}' found`, (s.node ?? { lineno: 1, col_offset: 0, end_lineno: 1, end_col_offset: 0 }) as A.Pos);
        s.bindings.set(n, 'free');
        s.frees.add(n);
        markCell(owner, n, enclosing);
      } else if (s.assigned.has(n)) {
        s.bindings.set(n, s.kind === 'module' ? 'global' : s.kind === 'class' ? 'name' : 'local');
      } else {
        const owner = findEnclosing(enclosing, n);
        if (owner !== null && s.kind !== 'module') {
          s.bindings.set(n, 'free');
          s.frees.add(n);
          markCell(owner, n, enclosing);
        } else s.bindings.set(n, s.kind === 'class' || s.kind === 'module' ? (s.kind === 'module' ? 'global' : 'name') : 'global-implicit');
      }
    }
    // 3.12: a method using super() needs the class's __class__ cell.
    if (s.needsClassCell && dialect === '3.12') {
      const owner = findEnclosing(enclosing, '__class__', true);
      if (owner !== null) {
        s.bindings.set('__class__', 'free');
        s.frees.add('__class__');
        markCell(owner, '__class__', enclosing);
      }
    }
    const next = s.isFunctionLike || s.kind === 'class' ? [s, ...enclosing] : enclosing;
    for (const c of s.children) walk(c, next);
  };
  walk(table.module, []);
  // Cells in function scopes: locals captured by children.
}

/** The nearest enclosing function scope that binds `name` (class scopes are skipped). */
function findEnclosing(enclosing: Scope[], name: string, classCell = false): Scope | null {
  for (const e of enclosing) {
    if (e.kind === 'class') {
      if (classCell && name === '__class__') return e;
      continue;
    }
    if (e.explicitGlobals.has(name)) return null;
    if (e.assigned.has(name) || e.nonlocals.has(name)) return e;
    if (e.frees.has(name)) return e;
  }
  return null;
}

/** `name` is captured: it becomes a cell where it is bound, and free in every scope in between. */
function markCell(owner: Scope, name: string, enclosing: Scope[]): void {
  for (const e of enclosing) {
    if (e === owner) break;
    // Classes never pass cells through; 3.12 inlined comprehensions read their parent's
    // variables directly.
    if (e.kind === 'class' || e.inlined) continue;
    if (!e.frees.has(name)) {
      e.frees.add(name);
      e.bindings.set(name, 'free');
    }
  }
  if (owner.kind === 'class') {
    owner.cells.add(name);
    owner.bindings.set(name, 'cell');
    return;
  }
  if (owner.nonlocals.has(name) || (owner.frees.has(name) && !owner.assigned.has(name))) {
    // The owner itself takes it from further out: it is free there, not a cell.
    return;
  }
  owner.cells.add(name);
  owner.bindings.set(name, 'cell');
}
