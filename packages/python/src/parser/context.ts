/**
 * Compile-time statement-context checks that CPython makes in its compiler
 * rather than its parser (so `parse()` accepts these programs, as `ast.parse`
 * does): `return`/`yield` outside a function, `break`/`continue` outside a
 * loop, `nonlocal` at module level (3.12), `yield` inside a comprehension
 * (3.12), and 2.7's `return` with a value inside a generator and `continue`
 * inside `finally`.
 *
 * The first problem in source order is reported.  Messages are CPython's;
 * 2.7 gives these errors no offset (None), HeapLab gives the node's column.
 *
 * @module
 */
import type * as A from './ast.js';
import type { PySyntaxError } from './errors.js';
import { type Dialect, Source } from './source.js';

export interface ContextCheckOptions {
  dialect: Dialect;
  filename?: string;
  /** The module's source, to fill in PySyntaxError.text and exact offsets. */
  source?: string;
}

interface Ctx {
  /** 'module' | 'class' | 'function' (lambdas count as functions). */
  scope: 'module' | 'class' | 'function';
  inLoop: boolean;
  /** 2.7: inside a `finally` block of the innermost loop. */
  inFinally: boolean;
}

const COMP_NAMES: Record<string, string> = {
  ListComp: 'list comprehension',
  SetComp: 'set comprehension',
  DictComp: 'dict comprehension',
  GeneratorExp: 'generator expression',
};

/**
 * Find the first statement-context error CPython's compiler would report,
 * or null.
 *
 * @example
 * ```ts
 * import { parse } from './index.js';
 * import { findContextError } from './context.js';
 * const mod = parse('return 1\n', { dialect: '3.12' });
 * findContextError(mod, { dialect: '3.12' })?.msg; // "'return' outside function"
 * ```
 */
export function findContextError(mod: A.Module, opts: ContextCheckOptions): PySyntaxError | null {
  const src = new Source(opts.source ?? '', opts.filename ?? '<unknown>', opts.dialect);
  const v27 = opts.dialect === '2.7';
  let found: PySyntaxError | null = null;
  let foundAt = Number.POSITIVE_INFINITY;

  const report = (msg: string, n: A.Pos): void => {
    // keep the first in source order
    const key = n.lineno * 1e7 + n.col_offset;
    if (key >= foundAt) return;
    foundAt = key;
    const col = opts.source !== undefined ? src.charCol(n.lineno, n.col_offset) : n.col_offset;
    found = src.error(msg, n.lineno, col, opts.source === undefined ? { offset: n.col_offset + 1, noText: true } : {});
  };

  /** Scan an expression tree (iteratively) for yields and nested scopes. */
  const expr = (e: A.Expr | null | undefined, ctx: Ctx): void => {
    if (e === null || e === undefined) return;
    const stack: { n: unknown; ctx: Ctx; comp: string | null }[] = [{ n: e, ctx, comp: null }];
    while (stack.length > 0) {
      const { n, ctx: c, comp } = stack.pop()!;
      if (n === null || typeof n !== 'object') continue;
      if (Array.isArray(n)) {
        for (const x of n) stack.push({ n: x, ctx: c, comp });
        continue;
      }
      const node = n as { type?: string } & Record<string, unknown>;
      const t = node.type;
      if (t === undefined) continue;
      if (t === 'Yield' || t === 'YieldFrom') {
        if (comp !== null) report(`'yield' inside ${comp}`, node as unknown as A.Pos);
        else if (c.scope !== 'function') report("'yield' outside function", node as unknown as A.Pos);
      }
      if (t === 'Lambda') {
        const fn: Ctx = { scope: 'function', inLoop: false, inFinally: false };
        const lam = node as unknown as A.Lambda;
        stack.push({ n: lam.args, ctx: c, comp });
        stack.push({ n: lam.body, ctx: fn, comp: null });
        continue;
      }
      const compName = COMP_NAMES[t];
      if (compName !== undefined && !(v27 && t === 'ListComp')) {
        // The first iterable is evaluated in the enclosing scope.
        const gens = node.generators as A.Comprehension[];
        const inner = v27 ? null : compName;
        for (let k = 0; k < gens.length; k++) {
          const g = gens[k]!;
          stack.push({ n: g.iter, ctx: c, comp: k === 0 ? comp : inner });
          stack.push({ n: g.target, ctx: c, comp: inner });
          stack.push({ n: g.ifs, ctx: c, comp: inner });
        }
        if (v27) {
          // 2.7 set/dict comprehensions and generator expressions are functions.
          const fn: Ctx = { scope: 'function', inLoop: false, inFinally: false };
          for (const key of ['elt', 'key', 'value']) if (key in node) stack.push({ n: node[key], ctx: fn, comp: null });
        } else {
          for (const key of ['elt', 'key', 'value']) if (key in node) stack.push({ n: node[key], ctx: c, comp: inner });
        }
        continue;
      }
      for (const k in node) {
        if (k === 'type') continue;
        const v = node[k];
        if (v !== null && typeof v === 'object') stack.push({ n: v, ctx: c, comp });
      }
    }
  };

  const hasYield = (body: A.Stmt[]): boolean => {
    // 2.7: does this function body (not nested scopes) contain a yield?
    let yes = false;
    const probe: Ctx = { scope: 'function', inLoop: false, inFinally: false };
    const walk = (n: unknown): void => {
      if (yes || n === null || typeof n !== 'object') return;
      if (Array.isArray(n)) {
        for (const x of n) walk(x);
        return;
      }
      const node = n as { type?: string } & Record<string, unknown>;
      if (node.type === 'Yield' || node.type === 'YieldFrom') {
        yes = true;
        return;
      }
      if (node.type === 'FunctionDef' || node.type === 'ClassDef' || node.type === 'Lambda') {
        if (node.type !== 'Lambda') walk(node.decorator_list);
        return;
      }
      for (const k in node) if (k !== 'type') walk(node[k]);
    };
    void probe;
    walk(body);
    return yes;
  };

  const stmts = (body: A.Stmt[], ctx: Ctx, generator: boolean): void => {
    for (const s of body) stmt(s, ctx, generator);
  };

  const stmt = (s: A.Stmt, ctx: Ctx, generator: boolean): void => {
    switch (s.type) {
      case 'FunctionDef': {
        expr(s.decorator_list as unknown as A.Expr, ctx);
        expr(s.args as unknown as A.Expr, ctx);
        expr(s.returns, ctx);
        const fn: Ctx = { scope: 'function', inLoop: false, inFinally: false };
        stmts(s.body, fn, v27 && hasYield(s.body));
        return;
      }
      case 'ClassDef': {
        expr(s.decorator_list as unknown as A.Expr, ctx);
        expr(s.bases as unknown as A.Expr, ctx);
        expr(s.keywords as unknown as A.Expr, ctx);
        stmts(s.body, { scope: 'class', inLoop: false, inFinally: false }, false);
        return;
      }
      case 'Return':
        if (ctx.scope !== 'function') report("'return' outside function", s);
        else if (generator && s.value !== null) report("'return' with argument inside generator", s);
        expr(s.value, ctx);
        return;
      case 'Break':
        if (!ctx.inLoop) report("'break' outside loop", s);
        return;
      case 'Continue':
        if (!ctx.inLoop) report("'continue' not properly in loop", s);
        else if (v27 && ctx.inFinally) report("'continue' not supported inside 'finally' clause", s);
        return;
      case 'Nonlocal':
        if (ctx.scope === 'module' && !v27) report('nonlocal declaration not allowed at module level', s);
        return;
      case 'For':
      case 'While': {
        if (s.type === 'For') {
          expr(s.target, ctx);
          expr(s.iter, ctx);
        } else expr(s.test, ctx);
        stmts(s.body, { ...ctx, inLoop: true, inFinally: false }, generator);
        stmts(s.orelse, ctx, generator);
        return;
      }
      case 'If':
        expr(s.test, ctx);
        stmts(s.body, ctx, generator);
        stmts(s.orelse, ctx, generator);
        return;
      case 'With':
        for (const it of s.items) {
          expr(it.context_expr, ctx);
          expr(it.optional_vars, ctx);
        }
        stmts(s.body, ctx, generator);
        return;
      case 'Try':
        stmts(s.body, ctx, generator);
        for (const h of s.handlers) {
          expr(h.exc_type, ctx);
          stmts(h.body, ctx, generator);
        }
        stmts(s.orelse, ctx, generator);
        stmts(s.finalbody, ctx.inLoop ? { ...ctx, inFinally: true } : ctx, generator);
        return;
      default:
        expr(s as unknown as A.Expr, ctx);
    }
  };

  stmts(mod.body, { scope: 'module', inLoop: false, inFinally: false }, false);
  return found;
}

/**
 * Throw the first statement-context error (see {@link findContextError}).
 *
 * @example
 * ```ts
 * import { parse } from './index.js';
 * import { checkContext } from './context.js';
 * checkContext(parse('while x:\n    break\n', { dialect: '2.7' }), { dialect: '2.7' }); // ok
 * ```
 */
export function checkContext(mod: A.Module, opts: ContextCheckOptions): void {
  const e = findContextError(mod, opts);
  if (e !== null) throw e;
}
