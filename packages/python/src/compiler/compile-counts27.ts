/**
 * What compiling the script leaves in CPython 2.7's collector counts and free lists.
 *
 * CPython 2.7 compiles `__main__` after start-up (site and the modules it imports), with
 * `generations[0].count` and the list/dict/tuple free lists in a state that does not depend on
 * the script (the profile's `compileStart`). The compiler then allocates GC containers:
 *
 * - the parser's arena keeps one list (alive until the module code has run);
 * - the symbol table (symtable.c) keeps a list `st_stack`, a dict `st_symbols`, and for every
 *   block (module, function, lambda, class body, generator expression, set/dict comprehension)
 *   a dict `ste_symbols` and two lists `ste_varnames`, `ste_children`;
 * - `symtable_analyze` takes two dicts (`free`, `global`); `analyze_block` six (`local`, `scope`,
 *   `newglobal`, `newbound`, `newfree`, `allfree`) and, around every child block,
 *   `analyze_child_block` three more (`temp_bound`, `temp_free`, `temp_global`): the dicts alive
 *   at once grow by nine per level of nesting;
 * - the compiler (compile.c) keeps a list `c_stack`, and for every code block it is compiling
 *   five dicts (`u_varnames`, `u_cellvars`, `u_freevars`, `u_consts`, `u_names`) keyed by
 *   `(object, type)` 2-tuples;
 * - `makecode` builds the tuples the code object keeps (`co_consts`, `co_names`,
 *   `co_varnames`, `co_cellvars`, `co_freevars`), with a temporary `consts` list for the peephole
 *   optimizer, which appends the tuples it folds from constants (`(1, 2)`, `x in [1, 2]`) and
 *   the results of constant arithmetic (`2 * 3`); `from m import a, b` makes a `('a', 'b')`
 *   constant while compiling.
 *
 * Each container comes off its free list when the list has one (not an allocation as far as
 * count0 knows), and is otherwise a new GC allocation (count0 + 1, and a gen-0 collection when
 * count0 passes the threshold). Freed containers go back onto their free list (80 lists, 80 dicts,
 * 2000 tuples of each size below 20) or, when it is full, are deleted (count0 - 1). Everything but
 * the arena's list and the code objects' tuples is freed when the compiler is done, so the
 * script's first line sees count0 raised by what the compiler needed *at once* beyond what the
 * free lists held, and the free lists fuller by the same amount.
 */
import type * as A from '../parser/ast.js';
import type { CompileStartState } from '@heaplab/heap';
import type { Scope } from './symtable.js';

/** CPython's collector counts and list/dict/tuple free-list occupancy after compiling. */
export interface CompiledState {
  counts: [number, number, number];
  listFree: number;
  dictFree: number;
  /** Index = tuple size (1..19). */
  tupleFree: number[];
}

const LIST_MAX = 80;
const DICT_MAX = 80;
const TUPLE_MAX = 2000;
const TUPLE_SIZES = 20;

/** The shape of one code object as CPython 2.7's compiler builds it. */
interface Block {
  scope: Scope;
  /** Distinct `(value, type)` constants of `u_consts`. */
  consts: Set<string>;
  /** Constants the peephole optimizer appends (folded results, duplicates allowed). */
  appended: number;
  /** Sizes of the tuples folded by the peephole optimizer (long-lived in co_consts). */
  foldedTuples: number[];
  /**
   * Sizes of the `from m import ...` name tuples made while compiling; each is a constant whose
   * `_PyCode_ConstantKey` is a 3-tuple `(type, names, keys)` holding a tuple of the names' keys.
   */
  fromlists: number[];
  names: Set<string>;
  varnames: Set<string>;
  children: Block[];
}

/** A simulation of count0, the collector's generations and the container free lists. */
class Pools {
  counts: [number, number, number];
  list: number;
  dict: number;
  tuple: number[];
  constructor(
    start: CompileStartState,
    private readonly thresholds: readonly [number, number, number],
  ) {
    this.counts = [start.counts[0], start.counts[1], start.counts[2]];
    this.list = start.listFree;
    this.dict = start.dictFree;
    this.tuple = Array.from({ length: TUPLE_SIZES }, (_, i) => start.tupleFree[i] ?? 0);
  }
  /** `_PyObject_GC_Malloc`: count0 + 1, and `collect_generations` past the threshold. */
  private malloc(): void {
    this.counts[0]++;
    if (this.counts[0] > this.thresholds[0] && this.thresholds[0] !== 0) {
      // The oldest generation over its threshold is collected; its count and the younger ones
      // restart from zero and the next older generation counts one collection more. (Nothing the
      // compiler holds is garbage, and only a full collection empties free lists.)
      for (let g = 2; g >= 0; g--) {
        if (g === 0 || this.counts[g]! > this.thresholds[g]!) {
          if (g < 2) this.counts[g + 1]!++;
          for (let y = 0; y <= g; y++) this.counts[y] = 0;
          break;
        }
      }
    }
  }
  /** `PyObject_GC_Del`: count0 - 1 (never below zero). */
  private del(): void {
    if (this.counts[0] > 0) this.counts[0]--;
  }
  allocList(): void {
    if (this.list > 0) this.list--;
    else this.malloc();
  }
  freeList(): void {
    if (this.list < LIST_MAX) this.list++;
    else this.del();
  }
  allocDict(n = 1): void {
    for (let i = 0; i < n; i++) {
      if (this.dict > 0) this.dict--;
      else this.malloc();
    }
  }
  freeDict(n = 1): void {
    for (let i = 0; i < n; i++) {
      if (this.dict < DICT_MAX) this.dict++;
      else this.del();
    }
  }
  /** `PyTuple_New(size)`: the empty tuple is shared; sizes 1..19 have free lists. */
  allocTuple(size: number, n = 1): void {
    if (size === 0) return;
    for (let i = 0; i < n; i++) {
      if (size < TUPLE_SIZES && this.tuple[size]! > 0) this.tuple[size]!--;
      else this.malloc();
    }
  }
  freeTuple(size: number, n = 1): void {
    if (size === 0) return;
    for (let i = 0; i < n; i++) {
      if (size < TUPLE_SIZES && this.tuple[size]! < TUPLE_MAX) this.tuple[size]!++;
      else this.del();
    }
  }
}

/** The blocks of the symbol table, in the order symtable.c creates them (pre-order). */
function preorder(s: Scope, out: Scope[] = []): Scope[] {
  out.push(s);
  for (const c of s.children) preorder(c, out);
  return out;
}

/**
 * Simulate CPython 2.7 parsing and compiling `module` (whose scopes HeapLab's symbol table
 * analysed) from the collector state `start`: the counts and free lists the script's code starts
 * with.
 */
export function compiledState27(module: A.Module, top: Scope, start: CompileStartState, thresholds: readonly [number, number, number], absoluteImport: boolean): CompiledState {
  const p = new Pools(start, thresholds);
  const blocks = new Map<A.Node | null, Scope>();
  for (const s of preorder(top)) blocks.set(s.node, s);
  const root = shapeOf(top, blocks, absoluteImport, (api) => {
    api.body(module.body);
    // The module's code ends with `return None`.
    api.block.consts.add('none');
  });

  // PyParser_ASTFromFile: the arena's list of objects (freed after the module has run).
  p.allocList();
  // PySymtable_Build: st_stack, st_symbols, then each block's entry.
  p.allocList();
  p.allocDict();
  const all = preorder(top);
  for (let i = 0; i < all.length; i++) {
    p.allocDict();
    p.allocList();
    p.allocList();
  }
  // symtable_analyze: free and global, then analyze_block down the tree.
  p.allocDict(2);
  const analyze = (s: Scope) => {
    p.allocDict(6);
    for (const c of s.children) {
      p.allocDict(3);
      analyze(c);
      p.freeDict(3);
    }
    p.freeDict(6);
  };
  analyze(top);
  p.freeDict(2);
  // compiler_init: c_stack; then each block, children while their parent is being compiled.
  p.allocList();
  const compile = (b: Block) => {
    const ncell = [...b.scope.cells].length;
    const nfree = [...b.scope.frees].length;
    const keys = b.varnames.size + ncell + nfree + b.consts.size + b.names.size - b.fromlists.length;
    // compiler_enter_scope: five dicts and their (name, type) keys.
    p.allocDict(5);
    p.allocTuple(2, keys);
    for (const n of b.fromlists) {
      p.allocTuple(n);
      p.allocTuple(n);
      p.allocTuple(2, n);
      p.allocTuple(3);
    }
    for (const c of b.children) compile(c);
    // makecode: tmp = dict_keys_inorder(consts); consts = list(tmp); names, varnames, cellvars,
    // freevars; PyCode_Optimize folds; co_consts = tuple(consts).
    p.allocTuple(b.consts.size);
    p.allocList();
    p.freeTuple(b.consts.size);
    p.allocTuple(b.names.size);
    p.allocTuple(b.varnames.size);
    p.allocTuple(ncell);
    p.allocTuple(nfree);
    for (const n of b.foldedTuples) p.allocTuple(n);
    p.allocTuple(b.consts.size + b.appended);
    p.freeList();
    // compiler_exit_scope: the unit's dicts and their keys go.
    p.freeDict(5);
    p.freeTuple(2, keys);
    for (const n of b.fromlists) {
      p.freeTuple(3);
      p.freeTuple(n);
      p.freeTuple(2, n);
    }
  };
  compile(root);
  // compiler_free: the symbol table (its entries' dicts and lists, st_stack, st_symbols), c_stack.
  for (let i = 0; i < all.length; i++) {
    p.freeDict();
    p.freeList();
    p.freeList();
  }
  p.freeList();
  p.freeDict();
  p.freeList();
  return { counts: p.counts, listFree: p.list, dictFree: p.dict, tupleFree: p.tuple };
}

// ---------------------------------------------------------------------------------------------
// Code shapes: what compile.c puts in co_consts, co_names and co_varnames.
//
// This walk is not shared with warnings312.ts's (or symtable.ts's): it follows 2.7's compile.c
// (dict values before keys, a class's bases before its body, a generator expression's first
// iterable outside its block, `if 0:` and literal statements skipped, docstrings, constant folding
// results passed up), where 3.12's visits keys first, bodies before bases, and some code twice.

/**
 * An expression the peephole optimizer sees as one LOAD_CONST, or null. `folded`: the constant
 * is the result of a fold, whose instructions became NOPs before it, so it only counts as a run of
 * consecutive LOAD_CONSTs when it comes first (`cumlc = 1` in peephole.c): `(1, (2, 3))` folds only
 * its inner tuple, `((1, 2), 3)` both; `2 * 3 + 1` folds twice, `1 + 2 * 3` once.
 */
type Folded = ({ t: 'num'; v: number | bigint } | { t: 'str'; v: string } | { t: 'other' }) & { folded?: boolean };
type MaybeFolded = Folded | null;

function constKey(v: A.ConstValue): string {
  switch (v.t) {
    case 'int':
    case 'long':
      return `${v.t}:${v.v}`;
    case 'float':
      return `float:${Object.is(v.v, -0) ? '-0' : v.v}`;
    case 'complex':
      return `complex:${v.imag}`;
    case 'str':
    case 'unicode':
    case 'bytes':
      return `${v.t}:${v.v}`;
    case 'bool':
      return `bool:${v.v}`;
    case 'none':
      return 'none';
    case 'ellipsis':
      return 'ellipsis';
  }
}

/** The visitor of one block, handed to whoever fills it. */
interface ShapeApi {
  block: Block;
  expr(e: A.Expr): MaybeFolded;
  stmts(list: readonly A.Stmt[]): void;
  /** A module or class body (its docstring is stored as `__doc__`). */
  body(list: readonly A.Stmt[]): void;
}

function shapeOf(scope: Scope, blocks: Map<A.Node | null, Scope>, absoluteImport: boolean, fill: (api: ShapeApi) => void): Block {
  const b: Block = { scope, consts: new Set(), appended: 0, foldedTuples: [], fromlists: [], names: new Set(), varnames: new Set(), children: [] };
  const fnLike = scope.isFunctionLike;
  for (const prm of scope.params) b.varnames.add(prm);
  let codeSerial = 0;
  const addCode = () => b.consts.add(`code:${codeSerial++}`);
  const child = (node: A.Node, visit: (cb: ShapeApi) => void) => {
    const s = blocks.get(node);
    if (s === undefined) return;
    b.children.push(shapeOf(s, blocks, absoluteImport, visit));
    addCode();
  };
  const name = (n: string) => {
    if (!fnLike) {
      const binding = scope.bindings.get(n);
      if (scope.kind === 'class' && (binding === 'free' || binding === 'cell')) return;
      b.names.add(n);
      return;
    }
    const binding = scope.bindings.get(n);
    if (binding === 'local') b.varnames.add(n);
    else if (binding === 'cell' || binding === 'free') return;
    else b.names.add(n);
  };
  // The 2.7 compiler's `None` is a global name the peephole optimizer turns into a constant.
  const noneName = () => {
    name('None');
    b.consts.add('none');
  };
  const fold = (): void => {
    b.appended++;
  };
  const expr = (e: A.Expr): MaybeFolded => {
    switch (e.type) {
      case 'Constant':
        b.consts.add(constKey(e.value));
        if (e.value.t === 'int' || e.value.t === 'long') return { t: 'num', v: e.value.v };
        if (e.value.t === 'float') return { t: 'num', v: e.value.v };
        if (e.value.t === 'str' || e.value.t === 'bytes' || e.value.t === 'unicode') return { t: 'str', v: e.value.v };
        return { t: 'other' };
      case 'Name':
        if (e.id === 'None' && e.ctx === 'Load') {
          noneName();
          return { t: 'other' };
        }
        name(e.id);
        return null;
      case 'UnaryOp': {
        // ast.c folds `-<number literal>` into one constant.
        if (e.op === 'USub' && e.operand.type === 'Constant' && (e.operand.value.t === 'int' || e.operand.value.t === 'long' || e.operand.value.t === 'float')) {
          const v = e.operand.value;
          b.consts.add(v.t === 'float' ? `float:${-v.v}` : `${v.t}:${-v.v}`);
          return { t: 'num', v: v.t === 'float' ? -v.v : -v.v };
        }
        const r = expr(e.operand);
        if (r !== null && e.op !== 'Not' && r.t === 'num') {
          fold();
          return { t: 'num', v: 0, folded: true };
        }
        return null;
      }
      case 'BinOp': {
        const l = expr(e.left);
        const r = expr(e.right);
        if (l === null || r === null || r.folded) return null;
        return foldBinary(e.op, l, r);
      }
      case 'BoolOp':
        for (const v of e.values) expr(v);
        return null;
      case 'Compare': {
        expr(e.left);
        e.comparators.forEach((c, i) => {
          // `x in [1, 2]`: the list display becomes a constant tuple.
          if (c.type === 'List' && e.ops.length === 1 && (e.ops[i] === 'In' || e.ops[i] === 'NotIn')) tupleDisplay(c.elts);
          else expr(c);
        });
        return null;
      }
      case 'Call':
        expr(e.func);
        for (const a of e.args) expr(a.type === 'Starred' ? a.value : a);
        for (const k of e.keywords) {
          if (k.arg !== null) b.consts.add(`str:${k.arg}`);
          expr(k.value);
        }
        return null;
      case 'Attribute':
        expr(e.value);
        b.names.add(e.attr);
        return null;
      case 'Subscript':
        expr(e.value);
        expr(e.slice);
        return null;
      case 'Slice':
        if (e.step !== null) {
          if (e.lower === null || e.upper === null) b.consts.add('none');
        }
        if (e.lower) expr(e.lower);
        if (e.upper) expr(e.upper);
        if (e.step) expr(e.step);
        return null;
      case 'Tuple':
        if (e.ctx !== 'Load') {
          for (const x of e.elts) expr(x);
          return null;
        }
        return tupleDisplay(e.elts);
      case 'List':
      case 'Set':
        for (const x of e.elts) expr(x);
        return null;
      case 'Dict':
        e.keys.forEach((k, i) => {
          expr(e.values[i]!);
          if (k) expr(k);
        });
        return null;
      case 'IfExp':
        expr(e.test);
        expr(e.body);
        expr(e.orelse);
        return null;
      case 'Lambda':
        for (const d of e.args.defaults) expr(d);
        child(e, (cb) => {
          cb.block.consts.add('none');
          cb.expr(e.body);
        });
        return null;
      case 'ListComp':
        // 2.7 list comprehensions run inline.
        for (const g of e.generators) {
          expr(g.iter);
          expr(g.target);
          for (const c of g.ifs) expr(c);
        }
        expr(e.elt);
        return null;
      case 'GeneratorExp':
      case 'SetComp':
      case 'DictComp': {
        expr(e.generators[0]!.iter);
        child(e, (cb) => {
          cb.block.varnames.add('.0');
          e.generators.forEach((g, i) => {
            if (i > 0) cb.expr(g.iter);
            cb.expr(g.target);
            for (const c of g.ifs) cb.expr(c);
          });
          if (e.type === 'DictComp') {
            cb.expr(e.value);
            cb.expr(e.key);
          } else cb.expr(e.elt);
          // A generator expression's last block does not return: assemble adds `return None`.
          if (e.type === 'GeneratorExp') cb.block.consts.add('none');
        });
        return null;
      }
      case 'Yield':
        if (e.value) expr(e.value);
        else b.consts.add('none');
        return null;
      case 'Repr':
        expr(e.value);
        return null;
      case 'Starred':
        expr(e.value);
        return null;
      default:
        return null;
    }
  };
  const tupleDisplay = (elts: readonly A.Expr[]): MaybeFolded => {
    const parts = elts.map((x) => expr(x));
    if (parts.every((x, i) => x !== null && (i === 0 || !x.folded))) {
      fold();
      if (elts.length > 0) b.foldedTuples.push(elts.length);
      return { t: 'other', folded: true };
    }
    return null;
  };
  const foldBinary = (op: A.OperatorName, l: Folded, r: Folded): MaybeFolded => {
    // fold_binops_on_constants: classic division is left to run time; results that raise are not
    // folded, nor sequences longer than 20.
    if (op === 'Div' || op === 'MatMult') return null;
    if (l.t === 'num' && r.t === 'num') {
      if ((op === 'FloorDiv' || op === 'Mod') && Number(r.v) === 0) return null;
      fold();
      return { t: 'num', v: 1, folded: true };
    }
    if (l.t === 'str' && r.t === 'str' && op === 'Add') {
      if (l.v.length + r.v.length > 20) return null;
      fold();
      return { t: 'str', v: l.v + r.v, folded: true };
    }
    if (op === 'Mult' && ((l.t === 'str' && r.t === 'num') || (l.t === 'num' && r.t === 'str'))) {
      const s = l.t === 'str' ? l.v : (r as { v: string }).v;
      const n = Number(l.t === 'num' ? l.v : (r as { v: number | bigint }).v);
      if (s.length * Math.max(0, n) > 20) return null;
      fold();
      return { t: 'str', v: s.repeat(Math.max(0, n)), folded: true };
    }
    if (op === 'Mod' && l.t === 'str') {
      fold();
      return { t: 'other', folded: true };
    }
    return null;
  };
  /** expr_constant: 1 for a true literal test, 0 for a false one, -1 when not known. */
  const constantTest = (e: A.Expr): number => {
    if (e.type === 'Constant') {
      const v = e.value;
      if (v.t === 'int' || v.t === 'long') return v.v !== 0n ? 1 : 0;
      if (v.t === 'float') return v.v !== 0 ? 1 : 0;
      if (v.t === 'str' || v.t === 'bytes' || v.t === 'unicode') return v.v.length > 0 ? 1 : 0;
    }
    if (e.type === 'Name' && e.id === '__debug__') return 1;
    return -1;
  };
  const stmts = (list: readonly A.Stmt[]) => {
    for (const s of list) stmt(s);
  };
  const store = (n: string) => name(n);
  const stmt = (s: A.Stmt): void => {
    switch (s.type) {
      case 'FunctionDef': {
        for (const d of s.decorator_list) expr(d);
        for (const d of s.args.defaults) expr(d);
        child(s, (cb) => {
          // The first constant is the docstring, or None (so a function has no docstring).
          const doc = docstringOf(s.body);
          if (doc !== null) {
            cb.block.consts.add(`str:${doc}`);
            const last = s.body[s.body.length - 1]!;
            if (last.type !== 'Return') cb.block.consts.add('none');
          } else cb.block.consts.add('none');
          cb.stmts(doc !== null ? s.body.slice(1) : s.body);
        });
        store(s.name);
        return;
      }
      case 'ClassDef': {
        for (const d of s.decorator_list) expr(d);
        b.consts.add(`str:${s.name}`);
        for (const x of s.bases) expr(x);
        // `class A:` builds an empty bases tuple the peephole optimizer makes a constant.
        if (s.bases.length === 0) fold();
        child(s, (cb) => {
          cb.block.names.add('__name__');
          cb.block.names.add('__module__');
          cb.body(s.body);
        });
        store(s.name);
        return;
      }
      case 'Return':
        if (s.value) expr(s.value);
        else b.consts.add('none');
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
        if (s.value) expr(s.value);
        expr(s.target);
        return;
      case 'For':
        expr(s.iter);
        expr(s.target);
        stmts(s.body);
        stmts(s.orelse);
        return;
      case 'While': {
        const c = constantTest(s.test);
        if (c === 0) {
          stmts(s.orelse);
          return;
        }
        if (c < 0) expr(s.test);
        stmts(s.body);
        stmts(s.orelse);
        return;
      }
      case 'If': {
        const c = constantTest(s.test);
        if (c === 0) stmts(s.orelse);
        else if (c === 1) stmts(s.body);
        else {
          expr(s.test);
          stmts(s.body);
          stmts(s.orelse);
        }
        return;
      }
      case 'With':
        for (const it of s.items) {
          expr(it.context_expr);
          if (it.optional_vars) expr(it.optional_vars);
        }
        stmts(s.body);
        return;
      case 'Raise':
        if (s.exc) expr(s.exc);
        if (s.inst) expr(s.inst);
        if (s.tback) expr(s.tback);
        return;
      case 'Try':
        stmts(s.body);
        for (const h of s.handlers) {
          if (h.exc_type) expr(h.exc_type);
          if (h.target) expr(h.target);
          else if (h.name) store(h.name);
          stmts(h.body);
        }
        stmts(s.orelse);
        stmts(s.finalbody);
        return;
      case 'Assert':
        expr(s.test);
        b.names.add('AssertionError');
        if (s.msg) expr(s.msg);
        return;
      case 'Import':
        for (const a of s.names) {
          b.consts.add(`int:${absoluteImport ? 0 : -1}`);
          b.consts.add('none');
          b.names.add(a.name);
          const parts = a.name.split('.');
          if (a.asname !== null) {
            for (const part of parts.slice(1)) b.names.add(part);
            store(a.asname);
          } else store(parts[0]!);
        }
        return;
      case 'ImportFrom': {
        b.consts.add(`int:${s.level > 0 ? s.level : absoluteImport ? 0 : -1}`);
        b.consts.add(`fromlist:${s.names.map((a) => a.name).join(',')}`);
        b.fromlists.push(s.names.length);
        b.names.add(s.module ?? '');
        for (const a of s.names) {
          if (a.name === '*') continue;
          b.names.add(a.name);
          store(a.asname ?? a.name);
        }
        return;
      }
      case 'Expr':
        // A statement that is only a string or number literal compiles to nothing.
        if (s.value.type === 'Constant' && s.value.value.t !== 'none' && s.value.value.t !== 'ellipsis') return;
        expr(s.value);
        return;
      case 'Print':
        if (s.dest) expr(s.dest);
        for (const v of s.values) expr(v);
        return;
      case 'Exec':
        expr(s.body);
        if (s.globals) expr(s.globals);
        if (s.locals) expr(s.locals);
        return;
      default:
        return;
    }
  };
  /** A module or class body: a docstring is stored as `__doc__` first. */
  const bodyWithDoc = (list: readonly A.Stmt[]) => {
    const doc = docstringOf(list);
    if (doc !== null) {
      b.consts.add(`str:${doc}`);
      b.names.add('__doc__');
      stmts(list.slice(1));
    } else stmts(list);
  };
  fill({ block: b, expr, stmts, body: bodyWithDoc });
  return b;
}

function docstringOf(body: readonly A.Stmt[]): string | null {
  const first = body[0];
  if (first === undefined || first.type !== 'Expr' || first.value.type !== 'Constant') return null;
  const v = first.value.value;
  return v.t === 'str' || v.t === 'unicode' || v.t === 'bytes' ? v.v : null;
}
