/**
 * AST node types for HeapLab's Python parser.
 *
 * The shapes mirror CPython 3.12's `ast` module: same node names, same field
 * names, `ctx` and operators as plain strings, and the four position
 * attributes on every node that has them in CPython.  Differences from
 * CPython's `ast`:
 *
 * - `type_comment`, `type_params` and `Module.type_ignores` are omitted
 *   (HeapLab never produces type comments or PEP 695 type parameters).
 * - `ExceptHandler.type` (the exception class) is called `exc_type`, since
 *   `type` is the node tag.
 * - `Constant.value` is a tagged {@link ConstValue} so that 2.7's str/unicode
 *   and int/long distinctions survive.
 * - Python 2.7 only nodes: {@link Print}, {@link Exec}, {@link Repr}; the 2.7
 *   `Raise` carries `inst` and `tback`; a 2.7 `except E, (a, b):` handler
 *   carries its target expression in `target` (with `name` null).
 * - In the 2.7 dialect `True`, `False` and `None` are `Name` nodes and
 *   positions follow 2.7's `ast` (see parser.ts, "2.7 positions").
 *
 * @module
 */

/** Position attributes carried by statements, expressions and a few helpers. */
export interface Pos {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/** A literal value, tagged so that no information is lost. */
export type ConstValue =
  | { t: 'int'; v: bigint }
  | { t: 'long'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'complex'; imag: number }
  | { t: 'str'; v: string }
  | { t: 'unicode'; v: string }
  | { t: 'bytes'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'none' }
  | { t: 'ellipsis' };

export type ExprContext = 'Load' | 'Store' | 'Del';
export type BoolOpName = 'And' | 'Or';
export type OperatorName =
  | 'Add'
  | 'Sub'
  | 'Mult'
  | 'MatMult'
  | 'Div'
  | 'Mod'
  | 'Pow'
  | 'LShift'
  | 'RShift'
  | 'BitOr'
  | 'BitXor'
  | 'BitAnd'
  | 'FloorDiv';
export type UnaryOpName = 'Invert' | 'Not' | 'UAdd' | 'USub';
export type CmpOpName = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

// ---------------------------------------------------------------- module

export interface Module {
  type: 'Module';
  body: Stmt[];
  /** 3.12 SyntaxWarnings the parser met (invalid escape sequences), in source order. */
  warnings?: SyntaxWarningNote[];
}

/** A compile-time SyntaxWarning: its line and message. */
export interface SyntaxWarningNote {
  lineno: number;
  message: string;
}

// ---------------------------------------------------------------- statements

export interface FunctionDef extends Pos {
  type: 'FunctionDef';
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
}
export interface ClassDef extends Pos {
  type: 'ClassDef';
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorator_list: Expr[];
}
export interface Return extends Pos {
  type: 'Return';
  value: Expr | null;
}
export interface Delete extends Pos {
  type: 'Delete';
  targets: Expr[];
}
export interface Assign extends Pos {
  type: 'Assign';
  targets: Expr[];
  value: Expr;
}
export interface AugAssign extends Pos {
  type: 'AugAssign';
  target: Expr;
  op: OperatorName;
  value: Expr;
}
export interface AnnAssign extends Pos {
  type: 'AnnAssign';
  target: Expr;
  annotation: Expr;
  value: Expr | null;
  /** 1 when the target is a plain unparenthesized name. */
  simple: number;
}
export interface For extends Pos {
  type: 'For';
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface While extends Pos {
  type: 'While';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface If extends Pos {
  type: 'If';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface With extends Pos {
  type: 'With';
  items: WithItem[];
  body: Stmt[];
}
export interface Raise extends Pos {
  type: 'Raise';
  exc: Expr | null;
  cause: Expr | null;
  /** 2.7 only: the `v` of `raise E, v, tb` (always present, maybe null, in 2.7). */
  inst?: Expr | null;
  /** 2.7 only: the `tb` of `raise E, v, tb`. */
  tback?: Expr | null;
}
export interface Try extends Pos {
  type: 'Try';
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface Assert extends Pos {
  type: 'Assert';
  test: Expr;
  msg: Expr | null;
}
export interface Import extends Pos {
  type: 'Import';
  names: Alias[];
}
export interface ImportFrom extends Pos {
  type: 'ImportFrom';
  module: string | null;
  names: Alias[];
  level: number;
}
export interface Global extends Pos {
  type: 'Global';
  names: string[];
}
export interface Nonlocal extends Pos {
  type: 'Nonlocal';
  names: string[];
}
export interface ExprStmt extends Pos {
  type: 'Expr';
  value: Expr;
}
export interface Pass extends Pos {
  type: 'Pass';
}
export interface Break extends Pos {
  type: 'Break';
}
export interface Continue extends Pos {
  type: 'Continue';
}
/** Python 2.7 `print` statement. */
export interface Print extends Pos {
  type: 'Print';
  dest: Expr | null;
  values: Expr[];
  nl: boolean;
}
/** Python 2.7 `exec` statement. */
export interface Exec extends Pos {
  type: 'Exec';
  body: Expr;
  globals: Expr | null;
  locals: Expr | null;
}

export type Stmt =
  | FunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | AugAssign
  | AnnAssign
  | For
  | While
  | If
  | With
  | Raise
  | Try
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | ExprStmt
  | Pass
  | Break
  | Continue
  | Print
  | Exec;

// ---------------------------------------------------------------- expressions

export interface BoolOp extends Pos {
  type: 'BoolOp';
  op: BoolOpName;
  values: Expr[];
}
export interface NamedExpr extends Pos {
  type: 'NamedExpr';
  target: Name;
  value: Expr;
}
export interface BinOp extends Pos {
  type: 'BinOp';
  left: Expr;
  op: OperatorName;
  right: Expr;
}
export interface UnaryOp extends Pos {
  type: 'UnaryOp';
  op: UnaryOpName;
  operand: Expr;
}
export interface Lambda extends Pos {
  type: 'Lambda';
  args: Arguments;
  body: Expr;
}
export interface IfExp extends Pos {
  type: 'IfExp';
  test: Expr;
  body: Expr;
  orelse: Expr;
}
export interface Dict extends Pos {
  type: 'Dict';
  /** null for a `**mapping` entry. */
  keys: (Expr | null)[];
  values: Expr[];
}
export interface SetExpr extends Pos {
  type: 'Set';
  elts: Expr[];
}
export interface ListComp extends Pos {
  type: 'ListComp';
  elt: Expr;
  generators: Comprehension[];
}
export interface SetComp extends Pos {
  type: 'SetComp';
  elt: Expr;
  generators: Comprehension[];
}
export interface DictComp extends Pos {
  type: 'DictComp';
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}
export interface GeneratorExp extends Pos {
  type: 'GeneratorExp';
  elt: Expr;
  generators: Comprehension[];
}
export interface Yield extends Pos {
  type: 'Yield';
  value: Expr | null;
}
export interface YieldFrom extends Pos {
  type: 'YieldFrom';
  value: Expr;
}
export interface Compare extends Pos {
  type: 'Compare';
  left: Expr;
  ops: CmpOpName[];
  comparators: Expr[];
}
export interface Call extends Pos {
  type: 'Call';
  func: Expr;
  args: Expr[];
  keywords: Keyword[];
}
export interface FormattedValue extends Pos {
  type: 'FormattedValue';
  value: Expr;
  /** -1 (none), 115 (!s), 114 (!r) or 97 (!a). */
  conversion: number;
  format_spec: JoinedStr | null;
}
export interface JoinedStr extends Pos {
  type: 'JoinedStr';
  values: (Constant | FormattedValue)[];
}
export interface Constant extends Pos {
  type: 'Constant';
  value: ConstValue;
  /** 'u' for a 3.12 `u''` literal, else null. */
  kind: string | null;
}
export interface Attribute extends Pos {
  type: 'Attribute';
  value: Expr;
  attr: string;
  ctx: ExprContext;
}
export interface Subscript extends Pos {
  type: 'Subscript';
  value: Expr;
  slice: Expr;
  ctx: ExprContext;
}
export interface Starred extends Pos {
  type: 'Starred';
  value: Expr;
  ctx: ExprContext;
}
export interface Name extends Pos {
  type: 'Name';
  id: string;
  ctx: ExprContext;
}
export interface List extends Pos {
  type: 'List';
  elts: Expr[];
  ctx: ExprContext;
}
export interface Tuple extends Pos {
  type: 'Tuple';
  elts: Expr[];
  ctx: ExprContext;
}
export interface Slice extends Pos {
  type: 'Slice';
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}
/** Python 2.7 backtick expression. */
export interface Repr extends Pos {
  type: 'Repr';
  value: Expr;
}

export type Expr =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | SetExpr
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Yield
  | YieldFrom
  | Compare
  | Call
  | FormattedValue
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice
  | Repr;

// ---------------------------------------------------------------- helpers

export interface Comprehension {
  type: 'comprehension';
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  is_async: number;
}
/**
 * An `except` clause.  CPython calls the exception-class field `type`, which
 * would collide with the node tag, so HeapLab names it `exc_type`.
 */
export interface ExceptHandler extends Pos {
  type: 'ExceptHandler';
  exc_type: Expr | null;
  name: string | null;
  body: Stmt[];
  /** 2.7 only: the target of `except E, (a, b):` when it is not a plain name. */
  target?: Expr;
}

export interface Arguments {
  type: 'arguments';
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One per kwonlyarg; null where the keyword-only argument has no default. */
  kw_defaults: (Expr | null)[];
  kwarg: Arg | null;
  defaults: Expr[];
}
export interface Arg extends Pos {
  type: 'arg';
  arg: string;
  annotation: Expr | null;
}
export interface Keyword extends Pos {
  type: 'keyword';
  /** null for `**kwargs`. */
  arg: string | null;
  value: Expr;
}
export interface Alias extends Pos {
  type: 'alias';
  name: string;
  asname: string | null;
}
export interface WithItem {
  type: 'withitem';
  context_expr: Expr;
  optional_vars: Expr | null;
}

export type Node = Module | Stmt | Expr | Comprehension | ExceptHandler | Arguments | Arg | Keyword | Alias | WithItem;
