/**
 * The SyntaxWarnings CPython 3.12's compiler emits while it compiles a module, in the order and
 * number it emits them:
 *
 * - `"is" with 'int' literal. Did you mean "=="?` (and `"is not"` / `"!="`) for an `is`
 *   comparison with an operand that is a constant after constant folding and is not None,
 *   True, False or `...` — at most one per comparison chain (`check_compare`);
 * - `assertion is always true, perhaps remove parentheses?` for `assert (x, msg)`;
 * - `'int' object is not callable; perhaps you missed a comma?` and its `not subscriptable` /
 *   `indices must be integers or slices` siblings for literals called or subscripted.
 *
 * The compiler visits some code more than once, and so warns more than once: a `while` test is
 * compiled before the body and again after it; a `finally` body once for the normal exit, once
 * for the exceptional one, and once more for every `return`, `break` or `continue` that leaves
 * its `try` (`compiler_unwind_fblock`). `try` bodies come before their `else`, and that before
 * the handlers; a generator expression's first iterable after its body; a class's bases after
 * its body. This walker reproduces that order over the AST.
 */
import type * as A from '../parser/ast.js';

/** One warning: the line it is reported at and its text. */
export interface CompileWarning {
  lineno: number;
  message: string;
}

type FBlock = { kind: 'loop' } | { kind: 'finally'; body: readonly A.Stmt[] } | { kind: 'other' };

/** What a foldable constant expression folds to: its type name, or null if it is not constant. */
function constantType(e: A.Expr): string | null {
  switch (e.type) {
    case 'Constant':
      switch (e.value.t) {
        case 'int':
        case 'long':
          return 'int';
        case 'float':
          return 'float';
        case 'complex':
          return 'complex';
        case 'str':
        case 'unicode':
          return 'str';
        case 'bytes':
          return 'bytes';
        case 'bool':
          return 'bool';
        case 'none':
          return 'NoneType';
        case 'ellipsis':
          return 'ellipsis';
      }
      return null;
    case 'Name':
      return e.id === '__debug__' ? 'bool' : null;
    case 'Tuple':
      return e.elts.every((x) => x.type !== 'Starred' && constantType(x) !== null) ? 'tuple' : null;
    case 'UnaryOp': {
      const t = constantType(e.operand);
      if (t === null) return null;
      if (e.op === 'Not') return 'bool';
      if (t === 'bool') return 'int';
      if (t === 'int' || (e.op !== 'Invert' && (t === 'float' || t === 'complex'))) return t;
      return null;
    }
    case 'BinOp': {
      const l = constantType(e.left);
      const r = constantType(e.right);
      if (l === null || r === null) return null;
      const num = (t: string) => t === 'int' || t === 'bool' || t === 'float' || t === 'complex';
      if (num(l) && num(r)) {
        // Division or modulo by a zero constant is not folded.
        if ((e.op === 'Div' || e.op === 'FloorDiv' || e.op === 'Mod') && isZero(e.right)) return null;
        if (l === 'complex' || r === 'complex') return e.op === 'FloorDiv' || e.op === 'Mod' ? null : 'complex';
        if (l === 'float' || r === 'float' || e.op === 'Div') return 'float';
        if (e.op === 'Pow' && isNegative(e.right)) return 'float';
        return 'int';
      }
      if (e.op === 'Add' && l === r && (l === 'str' || l === 'bytes' || l === 'tuple')) return l;
      if (e.op === 'Mult' && (l === 'str' || l === 'bytes' || l === 'tuple') && (r === 'int' || r === 'bool')) return l;
      if (e.op === 'Mult' && (r === 'str' || r === 'bytes' || r === 'tuple') && (l === 'int' || l === 'bool')) return r;
      return null;
    }
    default:
      return null;
  }
}

/** `infer_type`: the type of a literal display or (folded) constant, null for anything else. */
function literalType(e: A.Expr): string | null {
  const c = constantType(e);
  if (c !== null) return c;
  switch (e.type) {
    case 'Tuple':
      return 'tuple';
    case 'List':
    case 'ListComp':
      return 'list';
    case 'Dict':
    case 'DictComp':
      return 'dict';
    case 'Set':
    case 'SetComp':
      return 'set';
    case 'GeneratorExp':
      return 'generator';
    case 'Lambda':
      return 'function';
    case 'JoinedStr':
    case 'FormattedValue':
      return 'str';
    case 'Slice':
      return 'slice';
    default:
      return null;
  }
}

function isZero(e: A.Expr): boolean {
  if (e.type !== 'Constant') return false;
  const v = e.value;
  if (v.t === 'int' || v.t === 'long') return v.v === 0n;
  if (v.t === 'float') return v.v === 0;
  if (v.t === 'bool') return !v.v;
  return false;
}

function isNegative(e: A.Expr): boolean {
  return e.type === 'UnaryOp' && e.op === 'USub';
}

/** The compile-time SyntaxWarnings of a 3.12 module, in the order CPython emits them. */
export function compileWarnings312(module: A.Module): CompileWarning[] {
  const out: CompileWarning[] = [];
  let fblocks: FBlock[] = [];

  const expr = (e: A.Expr | null | undefined): void => {
    if (e === null || e === undefined) return;
    switch (e.type) {
      case 'Compare': {
        checkCompare(e);
        expr(e.left);
        for (const c of e.comparators) expr(c);
        return;
      }
      case 'BoolOp':
        for (const v of e.values) expr(v);
        return;
      case 'NamedExpr':
        expr(e.value);
        expr(e.target);
        return;
      case 'BinOp':
        expr(e.left);
        expr(e.right);
        return;
      case 'UnaryOp':
        expr(e.operand);
        return;
      case 'Lambda':
        defaults(e.args);
        scope(() => expr(e.body));
        return;
      case 'IfExp':
        expr(e.test);
        expr(e.body);
        expr(e.orelse);
        return;
      case 'Dict':
        for (let i = 0; i < e.values.length; i++) {
          expr(e.keys[i]);
          expr(e.values[i]);
        }
        return;
      case 'Set':
      case 'List':
      case 'Tuple':
        for (const x of e.elts) expr(x);
        return;
      case 'ListComp':
      case 'SetComp':
      case 'DictComp': {
        // Inlined (PEP 709): the first iterable, then the loops, then the element.
        expr(e.generators[0]!.iter);
        comprehension(e.generators, () => {
          if (e.type === 'DictComp') {
            expr(e.key);
            expr(e.value);
          } else expr(e.elt);
        });
        return;
      }
      case 'GeneratorExp':
        // Its own code object first, then the first iterable in the enclosing scope.
        scope(() => comprehension(e.generators, () => expr(e.elt)));
        expr(e.generators[0]!.iter);
        return;
      case 'Yield':
        expr(e.value);
        return;
      case 'YieldFrom':
      case 'Attribute':
      case 'Starred':
      case 'Repr':
        expr(e.value);
        return;
      case 'FormattedValue':
        expr(e.value);
        expr(e.format_spec);
        return;
      case 'JoinedStr':
        for (const v of e.values) expr(v);
        return;
      case 'Call':
        checkCaller(e.func);
        expr(e.func);
        for (const a of e.args) expr(a);
        for (const k of e.keywords) expr(k.value);
        return;
      case 'Subscript':
        if (e.ctx === 'Load') {
          checkSubscripter(e.value);
          checkIndex(e.value, e.slice);
        }
        expr(e.value);
        expr(e.slice);
        return;
      case 'Slice':
        expr(e.lower);
        expr(e.upper);
        expr(e.step);
        return;
      case 'Constant':
      case 'Name':
        return;
    }
  };

  const checkCompare = (e: A.Compare) => {
    let left = e.left;
    let leftOk = isIsArg(left);
    for (let i = 0; i < e.ops.length; i++) {
      const op = e.ops[i]!;
      const right = e.comparators[i]!;
      const rightOk = isIsArg(right);
      if ((op === 'Is' || op === 'IsNot') && (!leftOk || !rightOk)) {
        const literal = !leftOk ? left : right;
        const tn = constantType(literal)!;
        out.push({
          lineno: e.lineno,
          message: op === 'Is' ? `"is" with '${tn}' literal. Did you mean "=="?` : `"is not" with '${tn}' literal. Did you mean "!="?`,
        });
        return;
      }
      left = right;
      leftOk = rightOk;
    }
  };

  /** `check_caller`: calling a literal (`[1, 2] (3)`, a missing comma). */
  const checkCaller = (func: A.Expr) => {
    if (func.type === 'Attribute' || func.type === 'Name') return;
    const callable = constantType(func) === null && !['Tuple', 'List', 'ListComp', 'Dict', 'DictComp', 'Set', 'SetComp', 'GeneratorExp', 'JoinedStr', 'FormattedValue'].includes(func.type);
    if (callable) return;
    out.push({ lineno: func.lineno, message: `'${literalType(func)}' object is not callable; perhaps you missed a comma?` });
  };

  /** `check_subscripter`: subscripting a number, None, `...`, a set, a generator or a lambda. */
  const checkSubscripter = (value: A.Expr) => {
    const c = constantType(value);
    const bad =
      c !== null ? ['int', 'bool', 'float', 'complex', 'NoneType', 'ellipsis'].includes(c) : ['Set', 'SetComp', 'GeneratorExp', 'Lambda'].includes(value.type);
    if (bad) out.push({ lineno: value.lineno, message: `'${literalType(value)}' object is not subscriptable; perhaps you missed a comma?` });
  };

  /** `check_index`: a literal sequence indexed by a literal that is not an integer or a slice. */
  const checkIndex = (value: A.Expr, index: A.Expr) => {
    const it = literalType(index);
    if (it === null || it === 'int' || it === 'bool' || it === 'slice') return;
    const c = constantType(value);
    const bad = c !== null ? c === 'str' || c === 'bytes' || c === 'tuple' : ['Tuple', 'List', 'ListComp', 'JoinedStr', 'FormattedValue'].includes(value.type);
    if (bad) out.push({ lineno: value.lineno, message: `${literalType(value)} indices must be integers or slices, not ${it}; perhaps you missed a comma?` });
  };

  /** `check_is_arg`: not a constant, or one of the singletons `is` is meant for. */
  const isIsArg = (e: A.Expr): boolean => {
    const t = constantType(e);
    return t === null || t === 'NoneType' || t === 'bool' || t === 'ellipsis';
  };

  const comprehension = (gens: readonly A.Comprehension[], element: () => void) => {
    gens.forEach((g, i) => {
      if (i > 0) expr(g.iter);
      expr(g.target);
      for (const c of g.ifs) expr(c);
    });
    element();
  };

  const defaults = (args: A.Arguments) => {
    for (const d of args.defaults) expr(d);
    for (const d of args.kw_defaults) expr(d);
  };

  /** A new code object: its own block stack. */
  const scope = (fn: () => void) => {
    const saved = fblocks;
    fblocks = [];
    fn();
    fblocks = saved;
  };

  /** `compiler_unwind_fblock_stack`: compile the `finally` bodies a jump leaves, innermost first. */
  const unwind = (toLoop: boolean) => {
    const saved = fblocks;
    for (let i = saved.length - 1; i >= 0; i--) {
      const fb = saved[i]!;
      if (toLoop && fb.kind === 'loop') break;
      if (fb.kind === 'finally') {
        fblocks = saved.slice(0, i);
        stmts(fb.body);
      }
    }
    fblocks = saved;
  };

  const withBlock = (fb: FBlock, fn: () => void) => {
    fblocks.push(fb);
    try {
      fn();
    } finally {
      fblocks.pop();
    }
  };

  const stmts = (body: readonly A.Stmt[]) => {
    for (const s of body) stmt(s);
  };

  const stmt = (s: A.Stmt): void => {
    switch (s.type) {
      case 'FunctionDef':
        for (const d of s.decorator_list) expr(d);
        defaults(s.args);
        scope(() => stmts(s.body));
        return;
      case 'ClassDef':
        for (const d of s.decorator_list) expr(d);
        scope(() => stmts(s.body));
        for (const b of s.bases) expr(b);
        for (const k of s.keywords) expr(k.value);
        return;
      case 'Return':
        if (s.value !== null && s.value.type !== 'Constant') expr(s.value);
        unwind(false);
        return;
      case 'Delete':
        for (const t of s.targets) expr(t);
        return;
      case 'Assign':
        expr(s.value);
        for (const t of s.targets) expr(t);
        return;
      case 'AugAssign':
        expr(s.target);
        expr(s.value);
        return;
      case 'AnnAssign':
        expr(s.value);
        expr(s.target);
        return;
      case 'For':
        expr(s.iter);
        expr(s.target);
        withBlock({ kind: 'loop' }, () => stmts(s.body));
        stmts(s.orelse);
        return;
      case 'While':
        expr(s.test);
        withBlock({ kind: 'loop' }, () => {
          stmts(s.body);
          expr(s.test);
        });
        stmts(s.orelse);
        return;
      case 'If':
        expr(s.test);
        stmts(s.body);
        stmts(s.orelse);
        return;
      case 'With':
        for (const item of s.items) {
          expr(item.context_expr);
          expr(item.optional_vars);
        }
        withBlock({ kind: 'other' }, () => stmts(s.body));
        return;
      case 'Raise':
        expr(s.exc);
        expr(s.cause);
        return;
      case 'Try': {
        const tryExcept = () => {
          withBlock({ kind: 'other' }, () => stmts(s.body));
          stmts(s.orelse);
          for (const h of s.handlers) {
            expr(h.exc_type);
            withBlock({ kind: 'other' }, () => stmts(h.body));
          }
        };
        if (s.finalbody.length === 0) {
          tryExcept();
          return;
        }
        withBlock({ kind: 'finally', body: s.finalbody }, tryExcept);
        stmts(s.finalbody);
        withBlock({ kind: 'other' }, () => stmts(s.finalbody));
        return;
      }
      case 'Assert':
        if (s.test.type === 'Tuple' && s.test.elts.length > 0) {
          out.push({ lineno: s.lineno, message: 'assertion is always true, perhaps remove parentheses?' });
        }
        expr(s.test);
        expr(s.msg);
        return;
      case 'Expr':
        expr(s.value);
        return;
      case 'Break':
      case 'Continue':
        unwind(true);
        return;
      case 'Print':
        expr(s.dest);
        for (const v of s.values) expr(v);
        return;
      case 'Exec':
        expr(s.body);
        expr(s.globals);
        expr(s.locals);
        return;
      case 'Import':
      case 'ImportFrom':
      case 'Global':
      case 'Nonlocal':
      case 'Pass':
        return;
    }
  };

  stmts(module.body);
  return out;
}
