/**
 * Recursive-descent parser for Python 2.7 and 3.12 producing the AST of
 * ast.ts.
 *
 * Expressions use precedence climbing for binary operators; the right-nested
 * forms that can be chained arbitrarily long without brackets (unary
 * operators, `not`, `**`, conditional expressions, lambdas) are parsed with
 * explicit loops, so JS recursion depth only grows with bracket nesting
 * (capped by the tokenizer at CPython's limits) and block nesting (capped at
 * 100 levels of indentation).
 *
 * 2.7 positions: in the 2.7 dialect lineno/col_offset follow 2.7's `ast`
 * where it differs from 3.12: a decorated def/class starts at its first
 * decorator, a `with` statement starts at its first context expression, a
 * parenthesized tuple or generator expression starts at its first element,
 * a multi-line string literal has the line of its last line and col_offset
 * -1, and `x[a::]` has step `Name('None')` at the second colon.  End
 * positions are 3.12-style in both dialects.
 *
 * @module
 */
import type * as A from './ast.js';
import type { PySyntaxError } from './errors.js';
import type { Dialect, Source } from './source.js';
import { decodeFStringText, decodeString, LiteralError, type StringContext } from './strings.js';
import { makeToken, type Token, Tokenizer } from './tokenizer.js';

const KEYWORDS_312 = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
const KEYWORDS_27 = new Set([
  'and', 'as', 'assert', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'exec', 'finally', 'for',
  'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'not', 'or', 'pass', 'print', 'raise', 'return', 'try',
  'while', 'with', 'yield',
]);

const AUG_OPS: Record<string, A.OperatorName> = {
  '+=': 'Add', '-=': 'Sub', '*=': 'Mult', '@=': 'MatMult', '/=': 'Div', '%=': 'Mod', '**=': 'Pow', '<<=': 'LShift',
  '>>=': 'RShift', '|=': 'BitOr', '^=': 'BitXor', '&=': 'BitAnd', '//=': 'FloorDiv',
};
const BIN_OPS: Record<string, [number, A.OperatorName]> = {
  '|': [1, 'BitOr'], '^': [2, 'BitXor'], '&': [3, 'BitAnd'], '<<': [4, 'LShift'], '>>': [4, 'RShift'], '+': [5, 'Add'],
  '-': [5, 'Sub'], '*': [6, 'Mult'], '/': [6, 'Div'], '//': [6, 'FloorDiv'], '%': [6, 'Mod'], '@': [6, 'MatMult'],
};
const CMP_OPS: Record<string, A.CmpOpName> = {
  '==': 'Eq', '!=': 'NotEq', '<': 'Lt', '<=': 'LtE', '>': 'Gt', '>=': 'GtE',
};

type AnyNode = { type?: string; lineno?: number; col_offset?: number; end_lineno?: number; end_col_offset?: number };

/** Start position info for a node under construction. */
interface Start {
  line: number;
  col: number; // UTF-16
}

/** Deepest AST accepted (CPython 3.12 fails at about this depth too). */
const MAX_AST_DEPTH = 3000;

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

export interface ParseFlags {
  printFunction: boolean;
  unicodeLiterals: boolean;
}

/** Marks expressions that were written inside parentheses (for target checks and 2.7 positions). */
const PARENS = new WeakSet<object>();

/**
 * The parser proper; most callers want `parse()` from index.ts.
 *
 * @example
 * ```ts
 * const mod = new Parser(new Source('pass\n', 'a.py', '2.7')).parseModule();
 * mod.body[0]?.type; // 'Pass'
 * ```
 */
export class Parser {
  private readonly src: Source;
  private readonly tz: Tokenizer;
  private readonly v27: boolean;
  private readonly dialect: Dialect;
  /** Tokens dropped from the window so far. */
  private absBase = 0;
  /** Absolute index of the first token of the current statement segment. */
  private segStart = 0;
  /** Most tokens between two statement starts (bounds the AST depth; see checkDepth()). */
  private maxSeg = 0;
  /** Token window: tokens before the current statement are dropped (see compact()). */
  private toks: Token[] = [];
  private i = 0;
  private prev: Token;
  /** Last consumed token other than NEWLINE/INDENT/DEDENT (compound statements end there). */
  private lastSig: Token;
  private readonly flags: ParseFlags = { printFunction: false, unicodeLiterals: false };
  private futureAllowed = true;
  /**
   * Set when `from __future__ import unicode_literals` turned up after
   * literals were already read (the docstring): 2.7 applies future features
   * to the whole module, so the caller parses again with the flag preset.
   */
  futureChanged = false;
  /** Future flags in effect (for a re-parse). */
  futureFlags(): ParseFlags {
    return { ...this.flags };
  }
  private readonly keywords: Set<string>;

  constructor(src: Source, initialFlags?: Partial<ParseFlags>) {
    if (initialFlags) Object.assign(this.flags, initialFlags);
    this.src = src;
    this.dialect = src.dialect;
    this.v27 = src.dialect === '2.7';
    this.tz = new Tokenizer(src);
    this.keywords = this.v27 ? KEYWORDS_27 : KEYWORDS_312;
    this.prev = makeToken('NEWLINE', '', 0, 0, 1, 0, 1, 0);
    this.lastSig = this.prev;
  }

  // ------------------------------------------------------------ token access

  private peek(k = 0): Token {
    const t = this.toks[this.i + k];
    if (t !== undefined) return t;
    while (this.toks.length <= this.i + k) {
      const last = this.toks[this.toks.length - 1];
      if (last !== undefined && last.kind === 'EOF') return last;
      this.toks.push(this.tz.next());
    }
    return this.toks[this.i + k]!;
  }

  private advance(): Token {
    const t = this.peek();
    if (t.kind !== 'EOF') this.i++;
    this.prev = t;
    if (t.kind !== 'NEWLINE' && t.kind !== 'INDENT' && t.kind !== 'DEDENT' && t.kind !== 'EOF') this.lastSig = t;
    return t;
  }

  private isOp(v: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'OP' && t.value === v;
  }

  private isKw(v: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'NAME' && t.value === v && this.keywords.has(v);
  }

  private eatOp(v: string): boolean {
    if (this.isOp(v)) {
      this.advance();
      return true;
    }
    return false;
  }

  private eatKw(v: string): boolean {
    if (this.isKw(v)) {
      this.advance();
      return true;
    }
    return false;
  }

  private expectOp(v: string): Token {
    if (!this.isOp(v)) this.fail();
    return this.advance();
  }

  private expectKw(v: string): Token {
    if (!this.isKw(v)) this.fail();
    return this.advance();
  }

  private isKeywordTok(t: Token): boolean {
    if (t.kind !== 'NAME' || !this.keywords.has(t.value)) return false;
    if (t.value === 'print' && this.flags.printFunction) return false;
    return true;
  }

  // ------------------------------------------------------------ errors

  private errAt(msg: string, t: Token, opts: Parameters<Source['error']>[3] = {}): PySyntaxError {
    if (t.kind === 'EOF' && !this.v27 && opts.offset === undefined) {
      // CPython 3.12's end marker sits on the last line; an error there counts
      // the characters from that line's start to the end of the input.
      const l = this.tz.lastLine();
      return this.src.error(msg, l, 0, { ...opts, offset: this.src.text.length - this.src.lineStarts[l - 1]! });
    }
    if (t.kind === 'DEDENT' && !this.v27 && opts.offset === undefined) {
      // CPython's DEDENT has no column; errors there point after the indentation.
      return this.src.error(msg, t.line, t.col, { ...opts, offset: t.col });
    }
    return this.src.error(msg, t.line, t.col, opts);
  }

  private errNode(msg: string, n: AnyNode, endN?: AnyNode): PySyntaxError {
    const line = n.lineno ?? this.prev.line;
    const col = this.charCol(line, n.col_offset ?? 0);
    const e = endN ?? n;
    if (this.v27) return this.src.error(msg, line, col, {});
    const endLine = e.end_lineno ?? line;
    return this.src.error(msg, line, col, { endLine, endCol: this.charCol(endLine, e.end_col_offset ?? 0) });
  }

  /** Convert a byte column back to a UTF-16 column (for errors positioned at nodes). */
  private charCol(line: number, byteCol: number): number {
    return this.src.charCol(line, byteCol);
  }

  /** Generic "invalid syntax" at the current token. */
  private fail(t: Token = this.peek()): never {
    if (t.kind === 'INDENT') {
      throw this.errAt('unexpected indent', t, { kind: 'IndentationError', offset: this.src.byteCol(t.endLine, t.endCol) });
    }
    if (this.v27) {
      if (t.kind === 'EOF') this.tz.eofError27();
      // 2.7 points just past the offending token; for a token spanning lines it
      // reports the last line and counts from the start of the token's first line.
      const end = t.kind === 'NEWLINE' ? t.start + 1 : t.end;
      const offset = end - (t.bufStart ?? this.src.lineStarts[t.line - 1]!);
      if (t.kind === 'DEDENT') throw this.src.error('unexpected unindent', t.line, 0, { kind: 'IndentationError', offset });
      throw this.src.error('invalid syntax', t.endLine, 0, { offset });
    }
    this.legacyPrint(t);
    this.forgotComma(t);
    if (t.kind === 'DEDENT') {
      // CPython 3.12: IndentationError at the end of the indentation read.
      const atEof = t.start >= this.src.text.length;
      const l = atEof ? this.tz.lastLine() : t.line;
      const offset = atEof ? this.src.text.length - this.src.lineStarts[l - 1]! : t.col;
      throw this.src.error('unexpected unindent', l, 0, { kind: 'IndentationError', offset });
    }
    if (t.kind === 'EOF') throw this.src.error('invalid syntax', this.tz.lastLine(), 0, { offset: 0 });
    throw this.errAt('invalid syntax', t);
  }

  /** 3.12's messages for `=` where an expression was expected to end (`if x = 1:`). */
  private assignInExpr(e: A.Expr): never {
    const eq = this.peek();
    if (e.type === 'Name' && !PARENS.has(e)) {
      throw this.errNode("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e, this.tokNode(eq));
    }
    const excluded = e.type === 'List' || e.type === 'Tuple' || e.type === 'GeneratorExp' ||
      (e.type === 'Constant' && (e.value.t === 'bool' || e.value.t === 'none'));
    const bitOr = PARENS.has(e) || !['Compare', 'BoolOp', 'IfExp', 'Lambda', 'NamedExpr', 'Starred', 'Yield', 'YieldFrom'].includes(e.type) &&
      !(e.type === 'UnaryOp' && e.op === 'Not');
    if (!excluded && bitOr) {
      throw this.errNode(`cannot assign to ${this.exprName(e)} here. Maybe you meant '==' instead of '='?`, e, this.tokNode(eq));
    }
    this.fail();
  }

  // ------------------------------------------------------------ positions

  private startOf(t: Token): Start {
    // 2.7's tokenizer gives a string token spanning lines the position (last line, -1).
    if (this.v27 && t.kind === 'STRING' && t.endLine !== t.line) return { line: t.endLine, col: -1 };
    return t; // a Token is a Start (line, col): no allocation
  }

  /** Fill the position of `node` from start `s` to the end of the last consumed token. */
  private fin<T extends object>(node: T, s: Start, end: Token = this.prev): T & A.Pos {
    const n = node as T & A.Pos;
    n.lineno = s.line;
    n.col_offset = this.src.byteCol(s.line, s.col);
    n.end_lineno = end.endLine;
    n.end_col_offset = this.src.byteCol(end.endLine, end.endCol);
    return n;
  }

  private startOfNode(n: A.Pos): Start {
    return { line: n.lineno, col: this.charCol(n.lineno, n.col_offset) };
  }

  // ------------------------------------------------------------ module

  parseModule(): A.Module {
    try {
      const m = this.module();
      if (this.deferred !== null) throw this.deferred;
      this.checkDepth(m);
      // Not part of the tree (AST dumps and comparisons leave it out).
      if (this.warnings.length > 0) Object.defineProperty(m, 'warnings', { value: this.warnings, enumerable: false });
      return m;
    } catch (e) {
      const noDrain = e instanceof Error && 'msg' in e && (e as PySyntaxError).msg === 'unexpected indent';
      if (!this.v27 && !noDrain && e instanceof Error && 'msg' in e && !this.tz.isTokenizerError(e)) {
        // CPython 3.12 tokenizes the rest of the file after a parser error and
        // reports a tokenizer error (or an unclosed bracket) found there instead.
        const err = e as PySyntaxError;
        const failTok = this.toks[this.i];
        let open: { ch: string; line: number; col: number; eof: boolean } | undefined;
        try {
          open = this.tz.drain();
        } catch (e2) {
          if (this.tz.isTokenizerError(e2)) throw e2;
          throw e;
        }
        // CPython compares with the line of the last token the parser fetched.
        const lastFetched = this.toks[this.toks.length - 1];
        const errLine = Math.max(err.lineno, lastFetched?.line ?? 0);
        // Also, when the failing token is the last one before an unclosed
        // bracket runs to EOF on the same line, CPython's error pass reads on
        // to EOF and reports the bracket.
        const readsOn = failTok !== undefined && open !== undefined && open.eof && this.canStartExpr(failTok) &&
          failTok.line === open.line && this.src.lineStarts.length - 1 <= open.line;
        if (open !== undefined && (errLine > open.line || readsOn)) {
          throw this.src.error(`'${open.ch}' was never closed`, open.line, open.col);
        }
      }
      throw e;
    }
  }

  /**
   * Reject ASTs nested deeper than CPython 3.12 can build (it raises
   * RecursionError "maximum recursion depth exceeded during ast
   * construction" at about 3000 levels), so that recursive consumers of the
   * AST are safe.  Iterative; O(nodes).
   */
  private checkDepth(m: A.Module): void {
    // Each AST level needs a token of its own within one statement, plus at
    // most two levels per block (and blocks nest at most 100 deep): skip the
    // walk when no statement is long enough to get near the limit.
    const last = this.absBase + this.i - this.segStart;
    if (Math.max(this.maxSeg, last) + 2 * 100 + 10 < MAX_AST_DEPTH) return;
    const nodes: unknown[] = [m];
    const depths: number[] = [1];
    while (nodes.length > 0) {
      const n = nodes.pop() as Record<string, unknown>;
      const d = depths.pop()!;
      if (d > MAX_AST_DEPTH) {
        const line = typeof n.lineno === 'number' ? n.lineno : 1;
        throw this.src.error('maximum recursion depth exceeded during ast construction', line, 0);
      }
      for (const k in n) {
        const v = n[k];
        if (v === null || typeof v !== 'object') continue;
        if (Array.isArray(v)) {
          for (const x of v) {
            if (x !== null && typeof x === 'object') {
              nodes.push(x);
              depths.push(d + 1);
            }
          }
        } else if ('type' in v) {
          nodes.push(v);
          depths.push(d + 1);
        }
      }
    }
  }

  /**
   * 2.7 reports errors found while building the AST (can't assign to ...,
   * non-keyword arg after keyword arg, ...) only once the whole file has
   * parsed, so a later grammar error wins.  In 3.12 they are raised at once.
   */
  private astError(e: PySyntaxError): void {
    if (!this.v27) throw e;
    this.deferred ??= e;
  }

  private deferred: PySyntaxError | null = null;

  private module(): A.Module {
    const body: A.Stmt[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'EOF') break;
      if (t.kind === 'NEWLINE') {
        this.advance();
        continue;
      }
      if (t.kind === 'INDENT' || t.kind === 'DEDENT') this.fail(t);
      this.statement(body);
    }
    return { type: 'Module', body };
  }

  /**
   * Drop consumed tokens at a statement boundary (nothing backtracks across
   * statements), so that memory stays proportional to one statement.
   */
  private compact(): void {
    const abs = this.absBase + this.i;
    if (abs - this.segStart > this.maxSeg) this.maxSeg = abs - this.segStart;
    this.segStart = abs;
    if (this.i < 512) return;
    this.absBase += this.i;
    this.toks = this.toks.slice(this.i);
    this.i = 0;
    this.lastDisj.node = null;
  }

  /** Parse one statement (a compound statement or a line of simple statements) into `out`. */
  private statement(out: A.Stmt[]): void {
    this.compact();
    const t = this.peek();
    if (t.kind === 'NAME') {
      switch (t.value) {
        case 'if':
          out.push(this.ifStmt());
          this.afterCompound();
          return;
        case 'while':
          out.push(this.whileStmt());
          this.afterCompound();
          return;
        case 'for':
          out.push(this.forStmt());
          this.afterCompound();
          return;
        case 'try':
          out.push(this.tryStmt());
          this.afterCompound();
          return;
        case 'with':
          out.push(this.withStmt());
          this.afterCompound();
          return;
        case 'def':
          out.push(this.funcDef([], null));
          this.afterCompound();
          return;
        case 'class':
          out.push(this.classDef([], null));
          this.afterCompound();
          return;
        case 'async':
          if (!this.v27 && (this.peek(1).value === 'def' || this.peek(1).value === 'for' || this.peek(1).value === 'with')) {
            throw this.errAt('async/await are not supported by HeapLab', t);
          }
          break;
        case 'match':
          if (!this.v27) this.checkSoftKeywordStmt('match');
          break;
        case 'type':
          if (!this.v27 && this.peek(1).kind === 'NAME' && (this.isOp('=', 2) || this.isOp('[', 2))) {
            throw this.errAt('type alias statements are not supported by HeapLab', t);
          }
          break;
      }
    } else if (t.kind === 'OP' && t.value === '@') {
      out.push(this.decorated());
      this.afterCompound();
          return;
    }
    this.simpleStmts(out);
  }

  private afterCompound(): void {
    this.futureAllowed = false;
  }

  private checkSoftKeywordStmt(kw: string): void {
    // `match <subject>:` NEWLINE starts a match statement.
    const n = this.peek(1);
    if (n.kind === 'NEWLINE' || n.kind === 'EOF') return;
    if (n.kind === 'OP' && ['=', '.', ',', ')', ']', '}', ':', ';', '+=', '-=', '*=', '/=', '|', '&', '^', '<', '>', '==', '!=', '%', '//', '**', '@', '<<', '>>', '<=', '>='].includes(n.value)) return;
    if (n.kind === 'NAME' && (n.value === 'in' || n.value === 'is' || n.value === 'and' || n.value === 'or' || n.value === 'if')) return;
    // find the end of the logical line
    let k = 1;
    let last: Token | null = null;
    for (;;) {
      const tk = this.peek(k);
      if (tk.kind === 'NEWLINE' || tk.kind === 'EOF') break;
      last = tk;
      k++;
      if (k > 100000) break;
    }
    if (last !== null && last.kind === 'OP' && last.value === ':') {
      throw this.errAt(`${kw} statements are not supported by HeapLab`, this.peek());
    }
  }

  // ------------------------------------------------------------ simple statements

  private simpleStmts(out: A.Stmt[]): void {
    for (;;) {
      const st = this.smallStmt();
      out.push(st);
      if (this.futureAllowed) {
        const isDoc = st.type === 'Expr' && st.value.type === 'Constant' && out.length === 1;
        const isFuture = st.type === 'ImportFrom' && st.module === '__future__';
        if (!isDoc && !isFuture) this.futureAllowed = false;
      }
      if (this.eatOp(';')) {
        if (this.peek().kind === 'NEWLINE') break;
        continue;
      }
      break;
    }
    const t = this.peek();
    if (t.kind !== 'NEWLINE') {
      this.unexpectedAfterStatement(out[out.length - 1]!);
    }
    this.advance();
  }

  private unexpectedAfterStatement(last: A.Stmt): never {
    const t = this.peek();
    if (!this.v27 && last.type === 'Expr' && this.canStartExpr(t)) {
      const v = last.value;
      if (v.type === 'Name' && (v.id === 'print' || v.id === 'exec') && !this.isOp('(')) {
        const s = this.startOfNode(v);
        let endTok: Token = t;
        try {
          this.starExpressions();
          endTok = this.prev;
        } catch {
          endTok = t;
        }
        throw this.src.error(`Missing parentheses in call to '${v.id}'. Did you mean ${v.id}(...)?`, s.line, s.col, {
          endLine: endTok.endLine,
          endCol: endTok.endCol,
        });
      }
    }
    if (!this.v27 && t.kind === 'OP' && t.value === '=' && last.type === 'Expr') {
      // e.g. `f() = 1` handled in exprStmt; fall through
    }
    this.fail(t);
  }

  private canStartExpr(t: Token): boolean {
    if (t.kind === 'NAME') return !this.isKeywordTok(t) || ['not', 'lambda', 'None', 'True', 'False', 'await', 'yield'].includes(t.value);
    if (t.kind === 'NUMBER' || t.kind === 'STRING' || t.kind === 'FSTART') return true;
    if (t.kind === 'OP') return ['(', '[', '{', '-', '+', '~', '...', '*', '`'].includes(t.value);
    return false;
  }

  private smallStmt(): A.Stmt {
    const t = this.peek();
    const s = this.startOf(t);
    if (t.kind === 'NAME' && this.isKeywordTok(t)) {
      switch (t.value) {
        case 'pass':
          this.advance();
          return this.fin({ type: 'Pass' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Pass, s);
        case 'break':
          this.advance();
          return this.fin({ type: 'Break' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Break, s);
        case 'continue':
          this.advance();
          return this.fin({ type: 'Continue' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Continue, s);
        case 'return': {
          this.advance();
          const value = this.atStmtEnd() ? null : this.starExpressions();
          return this.fin({ type: 'Return', value , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Return, s);
        }
        case 'raise':
          return this.raiseStmt();
        case 'global':
        case 'nonlocal': {
          this.advance();
          const names: string[] = [];
          do names.push(this.name().value);
          while (this.eatOp(','));
          return this.fin({ type: t.value === 'global' ? 'Global' : 'Nonlocal', names , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Global, s);
        }
        case 'del':
          return this.delStmt();
        case 'assert': {
          this.advance();
          const test = this.expression();
          const msg = this.eatOp(',') ? this.expression() : null;
          return this.fin({ type: 'Assert', test, msg , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Assert, s);
        }
        case 'import':
          return this.importStmt();
        case 'from':
          return this.fromImport();
        case 'print':
          return this.printStmt();
        case 'exec':
          return this.execStmt();
      }
    }
    if (!this.v27 && t.kind === 'NAME' && t.value === 'await') {
      throw this.errAt('async/await are not supported by HeapLab', t);
    }
    return this.exprStmt();
  }

  private atStmtEnd(): boolean {
    const t = this.peek();
    return t.kind === 'NEWLINE' || t.kind === 'EOF' || (t.kind === 'OP' && t.value === ';');
  }

  private name(): Token {
    const t = this.peek();
    if (t.kind !== 'NAME' || this.isKeywordTok(t)) this.fail();
    return this.advance();
  }

  private raiseStmt(): A.Raise {
    const s = this.startOf(this.advance());
    let exc: A.Expr | null = null;
    let cause: A.Expr | null = null;
    if (this.v27) {
      let inst: A.Expr | null = null;
      let tback: A.Expr | null = null;
      if (!this.atStmtEnd()) {
        exc = this.expression();
        if (this.eatOp(',')) {
          inst = this.expression();
          if (this.eatOp(',')) tback = this.expression();
        }
      }
      return this.fin({ type: 'Raise', exc, cause, inst, tback , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Raise, s);
    }
    if (!this.atStmtEnd()) {
      exc = this.expression();
      if (this.eatKw('from')) cause = this.expression();
    }
    return this.fin({ type: 'Raise', exc, cause , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Raise, s);
  }

  private delStmt(): A.Delete {
    const s = this.startOf(this.advance());
    const targets: A.Expr[] = [];
    for (;;) {
      const e = this.v27 ? this.expr27() : this.bitOr();
      this.setCtx(e, 'Del');
      targets.push(e);
      if (!this.eatOp(',')) break;
      if (this.atStmtEnd()) break;
    }
    return this.fin({ type: 'Delete', targets , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Delete, s);
  }

  /** 2.7 `expr` level (used by del/exec/print>>). */
  private expr27(): A.Expr {
    return this.bitOr();
  }

  private importStmt(): A.Import {
    const s = this.startOf(this.advance());
    const names: A.Alias[] = [];
    do {
      const as = this.startOf(this.peek());
      const name = this.dottedName();
      let asname: string | null = null;
      if (this.eatKw('as')) asname = this.name().value;
      names.push(this.fin({ type: 'alias', name, asname , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Alias, as));
    } while (this.eatOp(','));
    return this.fin({ type: 'Import', names , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Import, s);
  }

  private dottedName(): string {
    let n = this.name().value;
    while (this.isOp('.')) {
      this.advance();
      n += `.${this.name().value}`;
    }
    return n;
  }

  private fromImport(): A.ImportFrom {
    const s = this.startOf(this.advance());
    let level = 0;
    for (;;) {
      if (this.eatOp('.')) level++;
      else if (this.eatOp('...')) level += 3;
      else break;
    }
    let module: string | null = null;
    if (!this.isKw('import')) module = this.dottedName();
    else if (level === 0) this.fail();
    this.expectKw('import');
    const names: A.Alias[] = [];
    if (this.isOp('*')) {
      const t = this.advance();
      names.push(this.fin({ type: 'alias', name: '*', asname: null , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Alias, this.startOf(t)));
    } else {
      const paren = this.eatOp('(');
      for (;;) {
        const as = this.startOf(this.peek());
        const name = this.name().value;
        let asname: string | null = null;
        if (this.eatKw('as')) asname = this.name().value;
        names.push(this.fin({ type: 'alias', name, asname , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Alias, as));
        if (!this.eatOp(',')) break;
        if (paren && this.isOp(')')) break;
        if (!paren && this.atStmtEnd()) {
          this.astError(this.errAt('trailing comma not allowed without surrounding parentheses', this.peek()));
          break;
        }
      }
      if (paren) this.expectOp(')');
    }
    const node = this.fin({ type: 'ImportFrom', module, names, level , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.ImportFrom, s);
    if (module === '__future__' && level === 0) {
      if (!this.futureAllowed && !this.v27) {
        // CPython reports this in the compiler; ast.parse accepts it.
      } else if (this.futureAllowed) {
        for (const a of names) {
          if (a.name === 'print_function') this.flags.printFunction = true;
          if (a.name === 'unicode_literals') {
            if (!this.flags.unicodeLiterals) this.futureChanged = true;
            this.flags.unicodeLiterals = true;
          }
        }
      }
    }
    return node;
  }

  private printStmt(): A.Print {
    const s = this.startOf(this.advance());
    let dest: A.Expr | null = null;
    const values: A.Expr[] = [];
    let nl = true;
    if (this.isOp('>>')) {
      this.advance();
      dest = this.expression();
      if (this.eatOp(',')) {
        for (;;) {
          values.push(this.expression());
          if (!this.eatOp(',')) break;
          if (this.atStmtEnd()) {
            nl = false;
            break;
          }
        }
      }
    } else if (!this.atStmtEnd()) {
      for (;;) {
        values.push(this.expression());
        if (!this.eatOp(',')) break;
        if (this.atStmtEnd()) {
          nl = false;
          break;
        }
      }
    }
    return this.fin({ type: 'Print', dest, values, nl , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Print, s);
  }

  private execStmt(): A.Exec {
    const s = this.startOf(this.advance());
    let body = this.expr27();
    let globals: A.Expr | null = null;
    let locals: A.Expr | null = null;
    if (this.eatKw('in')) {
      globals = this.expression();
      if (this.eatOp(',')) locals = this.expression();
    } else if (body.type === 'Tuple' && (body.elts.length === 2 || body.elts.length === 3)) {
      // 2.7 reads `exec(code, globals[, locals])` as `exec code in globals[, locals]`.
      globals = body.elts[1]!;
      locals = body.elts[2] ?? null;
      body = body.elts[0]!;
    }
    return this.fin({ type: 'Exec', body, globals, locals , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Exec, s);
  }

  private exprStmt(): A.Stmt {
    const first = this.peek();
    const s = this.startOf(first);
    let e: A.Expr = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
    const t = this.peek();
    if (t.kind === 'OP') {
      if (t.value === '=') {
        const targets: A.Expr[] = [e];
        const starts: Token[] = [first];
        let value: A.Expr = e;
        while (this.eatOp('=')) {
          starts.push(this.peek());
          value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
          targets.push(value);
        }
        targets.pop();
        void starts;
        this.checkAssignTargets(targets, value);
        for (const tg of targets) this.applyCtx(tg, 'Store');
        return this.fin({ type: 'Assign', targets, value , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Assign, s);
      }
      const aug = AUG_OPS[t.value];
      if (aug !== undefined && !(this.v27 && t.value === '@=')) {
        if (!(e.type === 'Name' || e.type === 'Attribute' || e.type === 'Subscript')) {
          if (this.v27) {
            if (e.type === 'Tuple' || e.type === 'List') this.astError(this.errNode('illegal expression for augmented assignment', e));
            else this.astError(this.errNode(this.name27(e, 'assign'), e));
          } else
          throw this.errNode(`'${this.exprName(e)}' is an illegal expression for augmented assignment`, e);
        }
        this.advance();
        const value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
        this.setCtx(e, 'Store');
        return this.fin({ type: 'AugAssign', target: e, op: aug, value , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.AugAssign, s);
      }
      if (t.value === ':' && !this.v27) {
        const valid = e.type === 'Name' || e.type === 'Attribute' || e.type === 'Subscript';
        // CPython only reports a bad annotation target when an annotation follows.
        if (!valid && !this.canStartExpr(this.peek(1))) this.fail();
        if (e.type === 'Tuple' && !PARENS.has(e)) throw this.errNode('only single target (not tuple) can be annotated', e.elts[0]!);
        if (e.type === 'List') throw this.errNode('only single target (not list) can be annotated', e);
        if (e.type === 'Tuple') throw this.errNode('only single target (not tuple) can be annotated', e);
        if (!valid) throw this.errNode('illegal target for annotation', e);
        this.advance();
        const annotation = this.expression();
        let value: A.Expr | null = null;
        if (this.eatOp('=')) value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
        this.setCtx(e, 'Store');
        const simple = e.type === 'Name' && !PARENS.has(e) ? 1 : 0;
        return this.fin({ type: 'AnnAssign', target: e, annotation, value, simple , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.AnnAssign, s);
      }
    }
    return this.fin({ type: 'Expr', value: e , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.ExprStmt, s);
  }

  /**
   * Report an invalid assignment the way CPython does.  3.12's error pass
   * first re-reads the first target list as expressions: its last element,
   * when directly followed by `= <bitwise_or>` not itself followed by `=`,
   * gives "invalid syntax. Maybe you meant '==' or ':=' instead of '='?" (a
   * name) or "cannot assign to X here. Maybe you meant '==' instead of '='?".
   * Otherwise the first invalid target gives "cannot assign to X" (or
   * "assignment to yield expression not possible").
   */
  private checkAssignTargets(targets: A.Expr[], value: A.Expr): void {
    let firstBad = -1;
    for (let k = 0; k < targets.length; k++) {
      if (this.invalidTarget(targets[k]!, 'Store') !== null) {
        firstBad = k;
        break;
      }
    }
    if (firstBad < 0) return;
    if (this.v27) {
      const bad = this.invalidTarget(targets[firstBad]!, 'Store')!;
      this.astError(this.errNode(this.name27(bad, 'assign'), bad));
      return;
    }
    const t0 = targets[0]!;
    const last = t0.type === 'Tuple' && !PARENS.has(t0) ? t0.elts[t0.elts.length - 1]! : t0;
    const next = targets.length > 1 ? null : value;
    if (next !== null && this.startsWithBitOr(next)) {
      if (last.type === 'Name' && !PARENS.has(last)) {
        throw this.errNode("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", last, next);
      }
      const excluded = last.type === 'List' || last.type === 'Tuple' || last.type === 'GeneratorExp' ||
        (last.type === 'Constant' && (last.value.t === 'bool' || last.value.t === 'none'));
      if (!excluded && this.isBitOrNode(last)) {
        throw this.errNode(`cannot assign to ${this.exprName(last)} here. Maybe you meant '==' instead of '='?`, last);
      }
    }
    const t = targets[firstBad]!;
    if ((t.type === 'Yield' || t.type === 'YieldFrom') && !PARENS.has(t)) {
      throw this.errNode('assignment to yield expression not possible', t);
    }
    const bad = this.invalidTarget(t, 'Store')!;
    throw this.errNode(`cannot assign to ${this.exprName(bad)}`, bad);
  }

  /** Could `e` have been parsed by CPython's bitwise_or rule? */
  private isBitOrNode(e: A.Expr): boolean {
    if (PARENS.has(e)) return true;
    if (e.type === 'UnaryOp') return e.op !== 'Not';
    return !['Compare', 'BoolOp', 'IfExp', 'Lambda', 'NamedExpr', 'Tuple', 'Starred', 'Yield', 'YieldFrom'].includes(e.type);
  }

  /** Does expression `e` begin with a bitwise_or operand? */
  private startsWithBitOr(e: A.Expr): boolean {
    for (;;) {
      if (PARENS.has(e)) return true;
      if (e.type === 'Tuple') {
        if (e.elts.length === 0) return true;
        e = e.elts[0]!;
      } else if (e.type === 'Compare') e = e.left;
      else if (e.type === 'BoolOp') e = e.values[0]!;
      else if (e.type === 'IfExp') e = e.body;
      else return this.isBitOrNode(e);
    }
  }

  /** First sub-expression that cannot be a target, or null. */
  private invalidTarget(e: A.Expr, ctx: 'Store' | 'Del', inStar = false): A.Expr | null {
    switch (e.type) {
      case 'Name':
        if (this.v27 && e.id === 'None') return e;
        return null;
      case 'Attribute':
      case 'Subscript':
        return null;
      case 'Starred':
        if (ctx === 'Del') return e;
        return this.invalidTarget(e.value, ctx, true);
      case 'Tuple':
      case 'List':
        for (const x of e.elts) {
          const b = this.invalidTarget(x, ctx);
          if (b !== null) return b;
        }
        return null;
      default:
        void inStar;
        return e;
    }
  }

  /** 3.12 _PyPegen_get_expr_name. */
  private exprName(e: A.Expr): string {
    switch (e.type) {
      case 'Attribute':
        return 'attribute';
      case 'Subscript':
        return 'subscript';
      case 'Starred':
        return 'starred';
      case 'Name':
        return 'name';
      case 'List':
        return 'list';
      case 'Tuple':
        return 'tuple';
      case 'Lambda':
        return 'lambda';
      case 'Call':
        return 'function call';
      case 'BoolOp':
      case 'BinOp':
      case 'UnaryOp':
        return 'expression';
      case 'GeneratorExp':
        return 'generator expression';
      case 'Yield':
      case 'YieldFrom':
        return 'yield expression';
      case 'ListComp':
        return 'list comprehension';
      case 'SetComp':
        return 'set comprehension';
      case 'DictComp':
        return 'dict comprehension';
      case 'Dict':
        return 'dict literal';
      case 'Set':
        return 'set display';
      case 'JoinedStr':
      case 'FormattedValue':
        return 'f-string expression';
      case 'Constant': {
        const v = e.value;
        if (v.t === 'none') return 'None';
        if (v.t === 'bool') return v.v ? 'True' : 'False';
        if (v.t === 'ellipsis') return 'ellipsis';
        return 'literal';
      }
      case 'Compare':
        return 'comparison';
      case 'IfExp':
        return 'conditional expression';
      case 'NamedExpr':
        return 'named expression';
      default:
        return 'expression';
    }
  }

  /** 2.7 ast.c set_context message. */
  private name27(e: A.Expr, verb: 'assign' | 'delete'): string {
    let what: string;
    switch (e.type) {
      case 'Name':
        return verb === 'assign' ? 'cannot assign to None' : 'cannot delete None';
      case 'Lambda':
        what = 'lambda';
        break;
      case 'Call':
        what = 'function call';
        break;
      case 'BoolOp':
      case 'BinOp':
      case 'UnaryOp':
        what = 'operator';
        break;
      case 'GeneratorExp':
        what = 'generator expression';
        break;
      case 'Yield':
        what = 'yield expression';
        break;
      case 'ListComp':
        what = 'list comprehension';
        break;
      case 'SetComp':
        what = 'set comprehension';
        break;
      case 'DictComp':
        what = 'dict comprehension';
        break;
      case 'Dict':
      case 'Set':
      case 'Constant':
        what = 'literal';
        break;
      case 'Compare':
        what = 'comparison';
        break;
      case 'Repr':
        what = 'repr';
        break;
      case 'IfExp':
        what = 'conditional expression';
        break;
      default:
        what = 'expression';
    }
    return verb === 'assign' ? `can't assign to ${what}` : `can't delete ${what}`;
  }

  /** Set ctx on a (validated or not) target; throws for invalid targets. */
  private setCtx(e: A.Expr, ctx: 'Store' | 'Del', forWhat: 'assign' | 'delete' | 'for' | 'with' | 'comp' = ctx === 'Del' ? 'delete' : 'assign'): void {
    const bad = this.invalidTarget(e, ctx);
    if (bad !== null) {
      if (this.v27) {
        this.astError(this.errNode(this.name27(bad, ctx === 'Del' ? 'delete' : 'assign'), bad));
      } else {
        throw this.errNode(`cannot ${ctx === 'Del' ? 'delete' : 'assign to'} ${this.exprName(bad)}`, bad);
      }
    }
    void forWhat;
    this.applyCtx(e, ctx);
  }

  private applyCtx(e: A.Expr, ctx: A.ExprContext): void {
    // iterative to be safe on deep tuples
    const stack: A.Expr[] = [e];
    while (stack.length > 0) {
      const x = stack.pop()!;
      switch (x.type) {
        case 'Name':
        case 'Attribute':
        case 'Subscript':
          x.ctx = ctx;
          break;
        case 'Starred':
          x.ctx = ctx;
          stack.push(x.value);
          break;
        case 'Tuple':
        case 'List':
          x.ctx = ctx;
          for (const y of x.elts) stack.push(y);
          break;
        default:
          break;
      }
    }
  }

  // ------------------------------------------------------------ compound statements

  /** Parse `:` and a block; `what` names the statement for 3.12's indentation message. */
  private block(what: string, forced: boolean, headerLine: number): A.Stmt[] {
    if (!this.isOp(':')) {
      // 3.12 says "expected ':'" after def/try/else/finally headers whatever
      // follows, and after the other headers only at the end of the line.
      if (this.v27 || (!forced && this.peek().kind !== 'NEWLINE')) this.fail();
      throw this.errAt("expected ':'", this.peek());
    }
    this.advance();
    const body: A.Stmt[] = [];
    if (this.peek().kind !== 'NEWLINE') {
      this.simpleStmts(body);
      return body;
    }
    const nl = this.advance();
    const t = this.peek();
    if (t.kind !== 'INDENT') {
      if (this.v27) {
        if (t.kind === 'EOF') this.tz.eofError27('expected an indented block', 'IndentationError');
        throw this.errAt('expected an indented block', t, { kind: 'IndentationError', offset: this.src.byteCol(t.endLine, t.endCol) });
      }
      const at = t.kind === 'EOF' ? nl : t;
      throw this.errAt(`expected an indented block after ${what} on line ${headerLine}`, at, {
        kind: 'IndentationError',
        endLine: at.endLine,
        endCol: at.endCol,
        // CPython's DEDENT tokens have column -1
        ...(t.kind === 'DEDENT' ? { offset: 0 } : {}),
      });
    }
    this.advance();
    while (this.peek().kind !== 'DEDENT' && this.peek().kind !== 'EOF') {
      this.futureAllowed = false;
      this.statement(body);
    }
    this.advance();
    return body;
  }

  private lastEnd(...lists: A.Stmt[][]): A.Pos {
    for (let k = lists.length - 1; k >= 0; k--) {
      const l = lists[k]!;
      if (l.length > 0) return l[l.length - 1]!;
    }
    throw new Error('empty block');
  }

  private finStmt<T extends object>(node: T, s: Start, _last: A.Pos): T & A.Pos {
    return this.fin(node, s, this.lastSig);
  }

  private ifStmt(): A.If {
    const kwTok = this.advance();
    const s = this.startOf(this.v27 && kwTok.value === 'elif' ? this.peek() : kwTok);
    const test = this.namedExpression();
    if (!this.v27 && this.isOp('=')) this.assignInExpr(test);
    const kind = kwTok.value === 'if' ? "'if' statement" : "'elif' statement";
    const body = this.block(kind, false, kwTok.line);
    let orelse: A.Stmt[] = [];
    if (this.isKw('elif')) {
      orelse = [this.ifStmt()];
    } else if (this.isKw('else')) {
      const e = this.advance();
      orelse = this.block("'else' statement", true, e.line);
    }
    return this.finStmt({ type: 'If', test, body, orelse , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.If, s, this.lastEnd(body, orelse));
  }

  private whileStmt(): A.While {
    const kwTok = this.advance();
    const s = this.startOf(kwTok);
    const test = this.namedExpression();
    if (!this.v27 && this.isOp('=')) this.assignInExpr(test);
    const body = this.block("'while' statement", false, kwTok.line);
    let orelse: A.Stmt[] = [];
    if (this.isKw('else')) {
      const e = this.advance();
      orelse = this.block("'else' statement", true, e.line);
    }
    return this.finStmt({ type: 'While', test, body, orelse , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.While, s, this.lastEnd(body, orelse));
  }

  /** Targets of `for` / comprehensions: star_targets up to `in`. */
  private forTargets(): A.Expr {
    const s = this.startOf(this.peek());
    const elts: A.Expr[] = [];
    let trailing = false;
    for (;;) {
      let e: A.Expr;
      if (this.isOp('*') && !this.v27) {
        const st = this.startOf(this.advance());
        const v = this.bitOr();
        e = this.fin({ type: 'Starred', value: v, ctx: 'Store' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Starred, st);
      } else {
        const si = this.i;
        e = this.bitOr();
        this.lastDisj.node = e;
        this.lastDisj.startIndex = si;
        this.lastDisj.endIndex = this.i;
      }
      elts.push(e);
      trailing = false;
      if (!this.isOp(',')) break;
      this.advance();
      trailing = true;
      if (this.isKw('in')) break;
    }
    let target: A.Expr;
    if (elts.length === 1 && !trailing) target = elts[0]!;
    else {
      target = this.fin({ type: 'Tuple', elts, ctx: 'Store' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Tuple, s);
      if (this.v27) {
        target.lineno = elts[0]!.lineno;
        target.col_offset = elts[0]!.col_offset;
      }
    }
    const bad = this.invalidTarget(target, 'Store');
    if (bad !== null) {
      if (this.v27) this.astError(this.errNode(this.name27(bad, 'assign'), bad));
      else throw this.errNode(`cannot assign to ${this.exprName(bad)}`, bad);
    }
    this.applyCtx(target, 'Store');
    return target;
  }

  private forStmt(): A.For {
    const kwTok = this.advance();
    const s = this.startOf(kwTok);
    const target = this.forTargets();
    if (!this.isKw('in')) {
      this.fail();
    }
    this.advance();
    const iter = this.starExpressions();
    const body = this.block("'for' statement", false, kwTok.line);
    let orelse: A.Stmt[] = [];
    if (this.isKw('else')) {
      const e = this.advance();
      orelse = this.block("'else' statement", true, e.line);
    }
    return this.finStmt({ type: 'For', target, iter, body, orelse , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.For, s, this.lastEnd(body, orelse));
  }

  private tryStmt(): A.Try {
    const kwTok = this.advance();
    const s = this.startOf(kwTok);
    const body = this.block("'try' statement", true, kwTok.line);
    const handlers: A.ExceptHandler[] = [];
    let orelse: A.Stmt[] = [];
    let finalbody: A.Stmt[] = [];
    while (this.isKw('except')) {
      const et = this.advance();
      const hs = this.startOf(et);
      if (this.isOp('*') && !this.v27) throw this.errAt('except* is not supported by HeapLab', this.peek());
      let excType: A.Expr | null = null;
      let name: string | null = null;
      let target: A.Expr | undefined;
      if (!this.isOp(':')) {
        excType = this.expression();
        if (this.isOp(',')) {
          if (!this.v27) this.multipleExceptionTypes(excType);
          this.advance();
          const tg = this.expression();
          this.setCtx(tg, 'Store');
          if (tg.type === 'Name') name = tg.id;
          else target = tg;
        } else if (this.eatKw('as')) {
          if (this.v27) {
            const tg = this.expression();
            this.setCtx(tg, 'Store');
            if (tg.type === 'Name') name = tg.id;
            else target = tg;
          } else {
            name = this.name().value;
          }
        }
      }
      const hbody = this.block("'except' statement", false, et.line);
      const h = { type: 'ExceptHandler', exc_type: excType, name, body: hbody } as A.ExceptHandler;
      if (target !== undefined) h.target = target;
      handlers.push(this.finStmt(h, hs, this.lastEnd(hbody)));
    }
    if (this.isKw('else')) {
      if (handlers.length === 0) this.fail();
      const e = this.advance();
      orelse = this.block("'else' statement", true, e.line);
    }
    if (this.isKw('finally')) {
      const f = this.advance();
      finalbody = this.block("'finally' statement", true, f.line);
    }
    if (handlers.length === 0 && finalbody.length === 0) {
      if (this.v27) this.fail();
      throw this.errAt("expected 'except' or 'finally' block", this.peek());
    }
    const last = this.lastEnd(body, handlers as unknown as A.Stmt[], orelse, finalbody);
    return this.finStmt({ type: 'Try', body, handlers, orelse, finalbody , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Try, s, last);
  }

  /**
   * 3.12 `except A, B:` — "multiple exception types must be parenthesized"
   * when `expressions ['as' NAME] ':'` follows; otherwise a plain syntax
   * error at the comma (errors more specific than that found on the way win).
   */
  private multipleExceptionTypes(excType: A.Expr): never {
    const comma = this.peek();
    this.advance();
    let ok = false;
    try {
      this.starExpressions();
      if (this.eatKw('as')) this.name();
      ok = this.isOp(':');
    } catch (e) {
      if (!(e instanceof Error && 'msg' in e && (e as PySyntaxError).msg === 'invalid syntax')) throw e;
    }
    if (ok) throw this.errNode('multiple exception types must be parenthesized', excType);
    throw this.errAt('invalid syntax', comma);
  }

  private withStmt(): A.With {
    const kwTok = this.advance();
    const s = this.startOf(kwTok);
    const items: A.WithItem[] = [];
    // 3.12: parenthesized with-items `with (a as b, c):`
    let parenItems = false;
    if (!this.v27 && this.isOp('(')) parenItems = this.looksLikeParenWithItems();
    if (parenItems) this.advance();
    for (;;) {
      const ctxE = this.expression();
      let vars: A.Expr | null = null;
      if (this.eatKw('as')) {
        vars = this.v27 ? this.expression() : this.starTargetsForWith();
        const bad = this.invalidTarget(vars, 'Store');
        if (bad !== null) {
          if (this.v27) this.astError(this.errNode(this.name27(bad, 'assign'), bad));
          else throw this.errNode(`cannot assign to ${this.exprName(bad)}`, bad);
        }
        this.applyCtx(vars, 'Store');
      }
      items.push({ type: 'withitem', context_expr: ctxE, optional_vars: vars });
      if (!this.eatOp(',')) break;
      if (parenItems && this.isOp(')')) break;
    }
    if (parenItems) this.expectOp(')');
    const body = this.block("'with' statement", false, kwTok.line);
    let start = s;
    if (this.v27) start = this.startOfNode(items[0]!.context_expr);
    return this.finStmt({ type: 'With', items, body , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.With, start, this.lastEnd(body));
  }

  /** `with (` ... `) :` — is the parenthesis a group of with-items? */
  private looksLikeParenWithItems(): boolean {
    let depth = 0;
    let k = 0;
    let sawAs = false;
    let sawComma = false;
    for (;;) {
      const t = this.peek(k);
      if (t.kind === 'EOF' || t.kind === 'NEWLINE') return false;
      if (t.kind === 'OP') {
        if (t.value === '(' || t.value === '[' || t.value === '{') depth++;
        else if (t.value === ')' || t.value === ']' || t.value === '}') {
          depth--;
          if (depth === 0) {
            const n = this.peek(k + 1);
            return n.kind === 'OP' && n.value === ':' && (sawAs || sawComma);
          }
        } else if (t.value === ',' && depth === 1) sawComma = true;
      } else if (t.kind === 'NAME' && t.value === 'as' && depth === 1) sawAs = true;
      k++;
    }
  }

  private starTargetsForWith(): A.Expr {
    return this.starTargetAtom();
  }

  private starTargetAtom(): A.Expr {
    // with-item target: a single star_target (parenthesized tuples allowed)
    return this.bitOr();
  }

  private decorated(): A.Stmt {
    const decorators: A.Expr[] = [];
    const first = this.peek();
    while (this.isOp('@')) {
      this.advance();
      decorators.push(this.v27 ? this.decorator27() : this.namedExpression());
      if (!this.v27 && this.isOp('=')) this.assignInExpr(decorators[decorators.length - 1]!);
      if (this.peek().kind !== 'NEWLINE') this.fail();
      this.advance();
    }
    const start = this.v27 ? this.startOf(first) : null;
    if (this.isKw('def')) return this.funcDef(decorators, start);
    if (this.isKw('class')) return this.classDef(decorators, start);
    if (!this.v27 && this.peek().value === 'async') throw this.errAt('async/await are not supported by HeapLab', this.peek());
    this.fail();
  }

  private decorator27(): A.Expr {
    // dotted_name [ '(' [arglist] ')' ]
    const s = this.startOf(this.peek());
    let e: A.Expr = this.nameExpr();
    while (this.isOp('.')) {
      this.advance();
      const n = this.name();
      e = this.fin({ type: 'Attribute', value: e, attr: n.value, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Attribute, s);
    }
    if (this.isOp('(')) e = this.callTrailer(e, s);
    return e;
  }

  private nameExpr(): A.Name {
    const t = this.name();
    return this.fin({ type: 'Name', id: t.value, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Name, this.startOf(t));
  }

  private funcDef(decorator_list: A.Expr[], start27: Start | null): A.FunctionDef {
    const kwTok = this.advance();
    const s = start27 ?? this.startOf(kwTok);
    const name = this.name().value;
    if (this.isOp('[') && !this.v27) throw this.errAt('type parameters are not supported by HeapLab', this.peek());
    if (!this.isOp('(')) {
      if (this.v27) this.fail();
      throw this.errAt("expected '('", this.peek());
    }
    this.advance();
    const args = this.parameters(')', true);
    this.expectOp(')');
    let returns: A.Expr | null = null;
    if (!this.v27 && this.eatOp('->')) returns = this.expression();
    const body = this.block('function definition', true, kwTok.line);
    return this.finStmt({ type: 'FunctionDef', name, args, body, decorator_list, returns , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.FunctionDef, s, this.lastEnd(body));
  }

  private classDef(decorator_list: A.Expr[], start27: Start | null): A.ClassDef {
    const kwTok = this.advance();
    const s = start27 ?? this.startOf(kwTok);
    const name = this.name().value;
    if (this.isOp('[') && !this.v27) throw this.errAt('type parameters are not supported by HeapLab', this.peek());
    let bases: A.Expr[] = [];
    let keywords: A.Keyword[] = [];
    if (this.isOp('(')) {
      this.advance();
      if (this.v27) {
        if (!this.isOp(')')) {
          for (;;) {
            bases.push(this.expression());
            if (!this.eatOp(',')) break;
            if (this.isOp(')')) break;
          }
        }
      } else {
        const r = this.arguments(')');
        bases = r.args;
        keywords = r.keywords;
      }
      this.expectOp(')');
    }
    const body = this.block('class definition', false, kwTok.line);
    return this.finStmt({ type: 'ClassDef', name, bases, keywords, body, decorator_list , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.ClassDef, s, this.lastEnd(body));
  }

  /** Parameter list of a def (`close` = ')') or lambda (`close` = ':'). */
  private parameters(close: string, annotations: boolean): A.Arguments {
    const r: A.Arguments = {
      type: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [],
    };
    let sawDefault = false;
    let sawStar = false;
    let sawSlash = false;
    const seen = new Set<string>();
    const param = (): A.Arg => {
      const t = this.peek();
      if (!this.v27 && t.kind === 'OP' && t.value === '(') {
        throw this.errAt(annotations ? 'Function parameters cannot be parenthesized' : 'Lambda expression parameters cannot be parenthesized', t);
      }
      if (this.v27 && t.kind === 'OP' && t.value === '(') {
        // `(x)` is just x; a real tuple parameter `(a, b)` is rejected.
        if (this.peek(1).kind === 'NAME' && this.isOp(')', 2)) {
          this.advance();
          const n = this.name();
          this.advance();
          if (this.isOp('=')) this.astError(this.src.error('parenthesized arg with default', t.line, t.col));
          return this.fin({ type: 'arg', arg: n.value, annotation: null , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Arg, this.startOf(n), n);
        }
        throw this.errAt('tuple parameters are not supported by HeapLab', t);
      }
      const n = this.name();
      void seen;
      let annotation: A.Expr | null = null;
      if (annotations && !this.v27 && this.eatOp(':')) {
        annotation = this.isOp('*') ? this.starExpression() : this.expression();
      }
      return this.fin({ type: 'arg', arg: n.value, annotation , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Arg, this.startOf(n));
    };
    while (!this.isOp(close)) {
      const t = this.peek();
      if (t.kind === 'OP' && t.value === '**') {
        this.advance();
        r.kwarg = param();
        if (!this.v27 && this.isOp('=')) throw this.errAt('var-keyword argument cannot have default value', this.peek());
        if (this.eatOp(',') && !this.isOp(close)) {
          const n = this.peek();
          if (!this.v27 && (n.kind === 'NAME' || (n.kind === 'OP' && (n.value === '*' || n.value === '**' || n.value === '/')))) {
            throw this.errAt('arguments cannot follow var-keyword argument', n);
          }
        }
        if (!this.isOp(close)) this.fail();
        break;
      }
      if (t.kind === 'OP' && t.value === '*') {
        if (sawStar) {
          const n = this.peek(1);
          if (this.v27 || !(n.kind === 'NAME' || (n.kind === 'OP' && n.value === ','))) this.fail();
          throw this.errAt('* argument may appear only once', t);
        }
        this.advance();
        sawStar = true;
        if (this.isOp(',') || this.isOp(close)) {
          if (this.v27) this.fail();
          if (this.isOp(close) || (this.isOp(',') && this.isOp(close, 1))) {
            throw this.errAt('named arguments must follow bare *', t);
          }
        } else {
          r.vararg = param();
        }
        if (!this.eatOp(',')) break;
        continue;
      }
      if (t.kind === 'OP' && t.value === '/' && !this.v27) {
        if (sawSlash) throw this.errAt('/ may appear only once', t);
        if (sawStar) throw this.errAt('/ must be ahead of *', t);
        if (r.args.length === 0) throw this.errAt('at least one argument must precede /', t);
        this.advance();
        sawSlash = true;
        r.posonlyargs = r.args;
        r.args = [];
        if (!this.eatOp(',')) break;
        continue;
      }
      const a = param();
      if (sawStar) {
        if (this.v27) this.fail(this.prev);
        r.kwonlyargs.push(a);
        r.kw_defaults.push(this.eatOp('=') ? this.expression() : null);
      } else {
        r.args.push(a);
        if (this.isOp('=')) {
          this.advance();
          r.defaults.push(this.expression());
          sawDefault = true;
        } else if (sawDefault) {
          if (this.v27) this.astError(this.src.error('non-default argument follows default argument', a.lineno, this.charCol(a.lineno, a.col_offset)));
          else throw this.errNode('parameter without a default follows parameter with a default', a);
        }
      }
      if (!this.eatOp(',')) break;
    }
    return r;
  }

  // ------------------------------------------------------------ expressions

  /** star_expressions: a tuple if there are commas. */
  private starExpressions(): A.Expr {
    const first = this.peek();
    const s = this.startOf(first);
    const e = this.starExpression();
    if (!this.isOp(',')) return e;
    const elts: A.Expr[] = [e];
    while (this.eatOp(',')) {
      if (!this.canStartExpr(this.peek()) || (this.v27 && this.isOp('*'))) break;
      elts.push(this.starExpression());
    }
    return this.fin({ type: 'Tuple', elts, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Tuple, s);
  }

  private starExpression(): A.Expr {
    if (this.isOp('*') && !this.v27) {
      const s = this.startOf(this.advance());
      const value = this.bitOr();
      return this.fin({ type: 'Starred', value, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Starred, s);
    }
    return this.expression();
  }

  private namedExpression(): A.Expr {
    if (!this.v27 && this.peek().kind === 'NAME' && this.isOp(':=', 1)) {
      const n = this.advance();
      if (this.isKeywordTok(n)) this.fail(n);
      const s = this.startOf(n);
      const target = this.fin({ type: 'Name', id: n.value, ctx: 'Store' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Name, s);
      this.advance();
      const value = this.expression();
      return this.fin({ type: 'NamedExpr', target, value , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.NamedExpr, s);
    }
    const e = this.expression();
    if (!this.v27 && this.isOp(':=')) {
      throw this.errNode(`cannot use assignment expressions with ${this.exprName(e)}`, e);
    }
    return e;
  }

  /** expression: conditional expressions and lambdas, parsed iteratively. */
  private expression(): A.Expr {
    type Frame =
      | { k: 'lambda'; s: Start; args: A.Arguments }
      | { k: 'if'; s: Start; body: A.Expr; test: A.Expr };
    const frames: Frame[] = [];
    let result: A.Expr;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'NAME' && t.value === 'lambda') {
        this.advance();
        const args = this.parameters(':', false);
        this.expectOp(':');
        frames.push({ k: 'lambda', s: this.startOf(t), args });
        continue;
      }
      const s = this.startOf(t);
      const d = this.disjunction();
      if (this.isKw('if')) {
        this.advance();
        const test = this.disjunction();
        if (!this.isKw('else')) {
          if (this.v27 || this.isOp(':')) this.fail();
          throw this.src.error("expected 'else' after 'if' expression", s.line, s.col, { endLine: this.prev.endLine, endCol: this.prev.endCol });
        }
        this.advance();
        frames.push({ k: 'if', s, body: d, test });
        continue;
      }
      result = d;
      break;
    }
    while (frames.length > 0) {
      const f = frames.pop()!;
      if (f.k === 'lambda') result = this.fin({ type: 'Lambda', args: f.args, body: result , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Lambda, f.s);
      else result = this.fin({ type: 'IfExp', test: f.test, body: f.body, orelse: result , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.IfExp, f.s);
    }
    return result;
  }

  private disjunction(): A.Expr {
    const st = this.peek();
    const s = this.startOf(st);
    const si = this.i;
    let e = this.conjunction();
    if (this.isKw('or')) {
      const values = [e];
      while (this.eatKw('or')) values.push(this.conjunction());
      e = this.fin({ type: 'BoolOp', op: 'Or', values , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.BoolOp, s);
    }
    const ld = this.lastDisj;
    ld.node = e;
    ld.startIndex = si;
    ld.endIndex = this.i;
    return e;
  }

  /** 3.12: `print x` / `exec x` anywhere an expression is read. */
  private legacyPrint(t: Token): void {
    const d = this.lastDisj;
    const v = d.node;
    if (v === null || d.endIndex !== this.i || v.type !== 'Name' || PARENS.has(v)) return;
    if (v.id !== 'print' && v.id !== 'exec') return;
    if (!this.canStartExpr(t) || (t.kind === 'OP' && t.value === '(')) return;
    const save = this.i;
    let end: Token | null = null;
    try {
      this.starExpressions();
      end = this.prev;
    } catch {
      end = null;
    }
    this.i = save;
    if (end === null) return;
    const s = this.startOfNode(v);
    throw this.src.error(`Missing parentheses in call to '${v.id}'. Did you mean ${v.id}(...)?`, s.line, s.col, {
      endLine: end.endLine,
      endCol: end.endCol,
    });
  }

  /** The most recently completed disjunction (for 3.12's "Perhaps you forgot a comma?"). */
  private readonly lastDisj: { node: A.Expr | null; startIndex: number; endIndex: number } = { node: null, startIndex: -1, endIndex: -1 };

  /**
   * 3.12: inside brackets, a complete expression directly followed by another
   * one is reported as a probable missing comma.
   */
  private forgotComma(t: Token): void {
    const d = this.lastDisj;
    if (d.node === null || d.endIndex !== this.i || this.i === 0) return;
    const dNode = d.node;
    const lastTok = this.toks[this.i - 1]!;
    if ((lastTok.depth ?? 0) === 0) return;
    const first = this.toks[d.startIndex]!;
    if (first.kind === 'NAME' && ['match', 'case', '_', 'type'].includes(first.value)) return;
    if (first.kind === 'NAME' && d.startIndex + 1 < this.toks.length && this.toks[d.startIndex + 1]!.kind === 'STRING') return;
    if (!this.canStartExpr(t) || (t.kind === 'NAME' && (t.value === 'not' || t.value === 'await' || t.value === 'yield'))) return;
    const save = this.i;
    let b: A.Expr | null = null;
    try {
      b = this.expression();
    } catch {
      // CPython's PEG parser backtracks to the longest expression that parses.
      this.i = save;
      try {
        b = this.primary();
      } catch {
        b = null;
      }
    }
    this.i = save;
    if (b === null) return;
    throw this.errNode('invalid syntax. Perhaps you forgot a comma?', dNode, b);
  }

  private conjunction(): A.Expr {
    const s = this.startOf(this.peek());
    const first = this.inversion();
    if (!this.isKw('and')) return first;
    const values = [first];
    while (this.eatKw('and')) values.push(this.inversion());
    return this.fin({ type: 'BoolOp', op: 'And', values , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.BoolOp, s);
  }

  private inversion(): A.Expr {
    if (!this.isKw('not')) return this.comparison();
    const starts: Start[] = [];
    while (this.isKw('not')) starts.push(this.startOf(this.advance()));
    let e = this.comparison();
    for (let k = starts.length - 1; k >= 0; k--) {
      e = this.fin({ type: 'UnaryOp', op: 'Not', operand: e , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.UnaryOp, starts[k]!);
    }
    return e;
  }

  private comparison(): A.Expr {
    const s = this.startOf(this.peek());
    const left = this.bitOr();
    const t1 = this.peek();
    if (t1.kind === 'OP' ? CMP_OPS[t1.value] === undefined && t1.value !== '<>' : !(t1.kind === 'NAME' && (t1.value === 'in' || t1.value === 'is' || t1.value === 'not'))) {
      return left;
    }
    const ops: A.CmpOpName[] = [];
    const comparators: A.Expr[] = [];
    for (;;) {
      const t = this.peek();
      let op: A.CmpOpName | undefined;
      if (t.kind === 'OP') {
        op = t.value === '<>' && this.v27 ? 'NotEq' : CMP_OPS[t.value];
        if (op !== undefined) this.advance();
      } else if (t.kind === 'NAME') {
        if (t.value === 'not' && !this.isKw('in', 1)) {
          // CPython takes `not` as the start of `not in` and fails after it.
          this.advance();
          this.fail();
        }
        if (t.value === 'in') {
          this.advance();
          op = 'In';
        } else if (t.value === 'is') {
          this.advance();
          op = this.eatKw('not') ? 'IsNot' : 'Is';
        } else if (t.value === 'not' && this.isKw('in', 1)) {
          this.advance();
          this.advance();
          op = 'NotIn';
        }
      }
      if (op === undefined) break;
      ops.push(op);
      comparators.push(this.bitOr());
    }
    if (ops.length === 0) return left;
    return this.fin({ type: 'Compare', left, ops, comparators , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Compare, s);
  }

  /** Binary operators `|` .. `*` by precedence climbing. */
  private bitOr(): A.Expr {
    return this.binary(1);
  }

  private binary(minPrec: number): A.Expr {
    const s = this.startOf(this.peek());
    let left = this.factor();
    let leftLevel = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'OP') break;
      const info = BIN_OPS[t.value];
      if (info === undefined || info[0] < minPrec) break;
      if (this.v27 && t.value === '@') break;
      this.advance();
      const right = this.binary(info[0] + 1);
      // 2.7 positions the second and later BinOps of a same-level chain at their operator.
      const bs = this.v27 && leftLevel === info[0] ? this.startOf(t) : s;
      left = this.fin({ type: 'BinOp', left, op: info[1], right , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.BinOp, bs);
      leftLevel = info[0];
    }
    return left;
  }

  /** factor: unary prefixes and `**` chains, iteratively. */
  private factor(): A.Expr {
    const t0 = this.peek();
    if (!(t0.kind === 'OP' && (t0.value === '-' || t0.value === '+' || t0.value === '~')) &&
        !(t0.kind === 'NAME' && t0.value === 'await')) {
      const base = this.primary();
      const n = this.peek();
      if (!(n.kind === 'OP' && n.value === '**')) return base;
      return this.factorSlow(base, t0);
    }
    return this.factorSlow(null, t0);
  }

  /** factor with unary operators and/or `**`; `base0` is an already parsed first primary. */
  private factorSlow(base0: A.Expr | null, first: Token): A.Expr {
    interface PowFrame {
      ops: { s: Start; op: A.UnaryOpName; tok: Token }[];
      base: A.Expr;
      s: Start;
    }
    const frames: PowFrame[] = [];
    let result: A.Expr;
    for (;;) {
      const ops: { s: Start; op: A.UnaryOpName; tok: Token }[] = [];
      for (;;) {
        const t = this.peek();
        if (t.kind !== 'OP') break;
        const op: A.UnaryOpName | null = t.value === '-' ? 'USub' : t.value === '+' ? 'UAdd' : t.value === '~' ? 'Invert' : null;
        if (op === null) break;
        this.advance();
        ops.push({ s: this.startOf(t), op, tok: t });
      }
      let base: A.Expr;
      let bs: Start;
      let bi: number;
      if (base0 !== null) {
        base = base0;
        bs = this.startOf(first);
        bi = -1;
        base0 = null;
      } else {
        const bt = this.peek();
        bs = this.startOf(bt);
        bi = this.i;
        if (!this.v27 && bt.kind === 'NAME' && bt.value === 'await') throw this.errAt('async/await are not supported by HeapLab', bt);
        base = this.primary();
      }
      if (this.isOp('**')) {
        this.advance();
        frames.push({ ops, base, s: bs });
        continue;
      }
      result = this.applyUnary(ops, base, bi);
      break;
    }
    while (frames.length > 0) {
      const f = frames.pop()!;
      const pw = this.fin({ type: 'BinOp', left: f.base, op: 'Pow', right: result , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.BinOp, f.s);
      result = this.applyUnary(f.ops, pw, -1);
    }
    return result;
  }

  private applyUnary(ops: { s: Start; op: A.UnaryOpName; tok: Token }[], operand: A.Expr, baseIndex: number): A.Expr {
    let e = operand;
    let k = ops.length - 1;
    if (this.v27 && k >= 0 && ops[k]!.op === 'USub' && baseIndex >= 0 && this.toks[baseIndex]?.kind === 'NUMBER' && this.i === baseIndex + 1 && e.type === 'Constant') {
      // 2.7 folds `-<number>` into the literal.
      const tok = this.toks[baseIndex]!;
      e = this.numberConst('-' + tok.value, tok);
      const st = ops[k]!.s;
      e.lineno = st.line;
      e.col_offset = this.src.byteCol(st.line, st.col);
      k--;
    }
    const end = this.prev;
    for (; k >= 0; k--) {
      e = this.fin({ type: 'UnaryOp', op: ops[k]!.op, operand: e , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.UnaryOp, ops[k]!.s, end);
    }
    return e;
  }

  /** primary: atom followed by trailers. */
  private primary(): A.Expr {
    let s = this.startOf(this.peek());
    let e = this.atom();
    if (this.v27) s = { line: e.lineno, col: e.col_offset < 0 ? e.col_offset : this.charCol(e.lineno, e.col_offset) };
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'OP') break;
      if (t.value === '.') {
        this.advance();
        const n = this.name();
        e = this.fin({ type: 'Attribute', value: e, attr: n.value, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Attribute, s);
      } else if (t.value === '(') {
        e = this.callTrailer(e, s);
      } else if (t.value === '[') {
        this.advance();
        const slice = this.subscriptList();
        this.expectOp(']');
        e = this.fin({ type: 'Subscript', value: e, slice, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Subscript, s);
      } else break;
    }
    return e;
  }

  private callTrailer(func: A.Expr, s: Start): A.Call {
    const open = this.advance();
    const r = this.arguments(')', open);
    this.expectOp(')');
    return this.fin({ type: 'Call', func, args: r.args, keywords: r.keywords , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Call, s);
  }

  /** Call arguments (also 3.12 class bases) up to `close` (not consumed). */
  private arguments(close: string, open?: Token): { args: A.Expr[]; keywords: A.Keyword[] } {
    const args: A.Expr[] = [];
    const keywords: A.Keyword[] = [];
    let sawKw = false;
    let sawDStar = false;
    let sawStar = false;
    let count = 0;
    let pendingError: string | null = null;
    while (!this.isOp(close)) {
      const t = this.peek();
      const s = this.startOf(t);
      count++;
      if (t.kind === 'OP' && t.value === '*') {
        this.advance();
        const value = this.expression();
        if (this.v27 && sawStar) this.fail(t);
        if (sawDStar) {
          if (this.v27) this.fail(t);
          throw this.src.error('iterable argument unpacking follows keyword argument unpacking', s.line, s.col, {
            endLine: this.prev.endLine,
            endCol: this.prev.endCol,
          });
        }
        sawStar = true;
        args.push(this.fin({ type: 'Starred', value, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Starred, s));
      } else if (t.kind === 'OP' && t.value === '**') {
        this.advance();
        const value = this.expression();
        if (this.v27 && sawDStar) this.fail(t);
        sawDStar = true;
        keywords.push(this.fin({ type: 'keyword', arg: null, value , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Keyword, s));
      } else if (t.kind === 'NAME' && this.isOp('=', 1)) {
        if (this.isKeywordTok(t) && !(this.v27 && (t.value === 'print'))) {
          if (this.v27) this.fail(this.peek(1));
          throw this.errAt(`cannot assign to ${t.value}`, t, { endLine: t.endLine, endCol: t.endCol });
        }
        if (this.v27 && sawDStar) this.fail(t);
        this.advance();
        this.advance();
        const value = this.expression();
        keywords.push(this.fin({ type: 'keyword', arg: t.value, value , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Keyword, s));
        sawKw = true;
      } else {
        const e = this.namedExpressionInCall();
        if (this.isKw('for') || (this.isKw('async') && !this.v27)) {
          // generator argument
          const gen = this.comprehensionTail(e);
          const single = count === 1 && this.isOp(close);
          const startG = open !== undefined && single && !this.v27 ? this.startOf(open) : s;
          const endTok = single && open !== undefined && !this.v27 ? this.peek() : this.prev;
          const g = this.fin({ type: 'GeneratorExp', elt: e, generators: gen , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.GeneratorExp, startG, endTok);
          if (!single) {
            if (this.v27) {
              if (!(count === 1 && (this.isOp(close) || (this.isOp(',') && this.isOp(close, 1))))) {
                this.astError(this.src.error('Generator expression must be parenthesized if not sole argument', g.lineno, this.charCol(g.lineno, g.col_offset)));
              }
            } else {
              throw this.errNode('Generator expression must be parenthesized', g);
            }
          }
          args.push(g);
        } else if (this.isOp('=')) {
          if (this.v27) {
            this.astError(this.src.error("keyword can't be an expression", e.lineno, this.charCol(e.lineno, e.col_offset)));
            this.advance();
            this.expression();
            if (!this.eatOp(',')) break;
            continue;
          }
          throw this.errNode('expression cannot contain assignment, perhaps you meant "=="?', e, this.tokNode(this.peek()));
        } else {
          if (sawDStar) {
            if (this.v27) this.fail(t);
            pendingError ??= 'positional argument follows keyword argument unpacking';
          }
          if (sawKw) {
            if (this.v27) this.astError(this.src.error('non-keyword arg after keyword arg', e.lineno, this.charCol(e.lineno, e.col_offset)));
            // CPython 3.12 reports this once the argument list has been read.
            else pendingError ??= 'positional argument follows keyword argument';
          }
          if (this.v27 && sawStar) {
            this.astError(this.src.error('only named arguments may follow *expression', e.lineno, this.charCol(e.lineno, e.col_offset)));
          }
          args.push(e);
        }
      }
      if (!this.eatOp(',')) break;
    }
    if (pendingError !== null) throw this.errAt(pendingError, this.peek());
    return { args, keywords };
  }

  private tokNode(t: Token): A.Pos {
    return {
      lineno: t.line,
      col_offset: this.src.byteCol(t.line, t.col),
      end_lineno: t.endLine,
      end_col_offset: this.src.byteCol(t.endLine, t.endCol),
    };
  }

  private namedExpressionInCall(): A.Expr {
    return this.v27 ? this.expression() : this.namedExpression();
  }

  /** Contents of `[...]` after a primary. */
  private subscriptList(): A.Expr {
    const s = this.startOf(this.peek());
    const first = this.subscriptItem();
    if (!this.isOp(',')) {
      if (first.type === 'Starred') return this.fin({ type: 'Tuple', elts: [first], ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Tuple, s);
      return first;
    }
    const elts: A.Expr[] = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.subscriptItem());
    }
    return this.fin({ type: 'Tuple', elts, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Tuple, s);
  }

  private subscriptItem(): A.Expr {
    const t = this.peek();
    const s = this.startOf(t);
    if (this.v27 && t.kind === 'OP' && t.value === '.' && this.isOp('.', 1) && this.isOp('.', 2)) {
      this.advance();
      this.advance();
      this.advance();
      return { type: 'Constant', value: { t: 'ellipsis' }, kind: null } as A.Constant;
    }
    if (!this.v27 && t.kind === 'OP' && t.value === '*') {
      return this.starExpression();
    }
    let lower: A.Expr | null = null;
    if (!this.isOp(':')) {
      lower = this.v27 ? this.expression() : this.namedExpression();
      if (!this.isOp(':')) return lower;
    }
    this.advance(); // ':'
    let upper: A.Expr | null = null;
    let step: A.Expr | null = null;
    if (!this.isOp(':') && !this.isOp(']') && !this.isOp(',')) upper = this.expression();
    if (this.isOp(':')) {
      const c2 = this.advance();
      if (!this.isOp(']') && !this.isOp(',')) step = this.expression();
      else if (this.v27) {
        step = this.fin({ type: 'Name', id: 'None', ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Name, this.startOf(c2));
      }
    }
    return this.fin({ type: 'Slice', lower, upper, step , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Slice, s);
  }

  private yieldExpr(): A.Expr {
    const s = this.startOf(this.advance());
    if (!this.v27 && this.isKw('from')) {
      this.advance();
      const value = this.expression();
      return this.fin({ type: 'YieldFrom', value , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.YieldFrom, s);
    }
    let value: A.Expr | null = null;
    const t = this.peek();
    if (!(t.kind === 'OP' && [')', ']', '}', '=', ';', ':'].includes(t.value)) && t.kind !== 'NEWLINE' && t.kind !== 'EOF') {
      value = this.v27 ? this.testList() : this.starExpressions();
    }
    return this.fin({ type: 'Yield', value , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Yield, s);
  }

  /** 2.7 testlist (no starred). */
  private testList(): A.Expr {
    return this.starExpressions();
  }

  // ------------------------------------------------------------ atoms

  private atom(): A.Expr {
    const t = this.peek();
    const s = this.startOf(t);
    switch (t.kind) {
      case 'NAME': {
        if (this.isKeywordTok(t)) {
          if (!this.v27 && (t.value === 'True' || t.value === 'False' || t.value === 'None')) {
            this.advance();
            const value: A.ConstValue = t.value === 'None' ? { t: 'none' } : { t: 'bool', v: t.value === 'True' };
            return this.fin({ type: 'Constant', value, kind: null , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Constant, s);
          }
          if (t.value === 'yield') {
            // bare yield outside parens (e.g. `x = yield`) is handled by callers; here it's an error
            this.fail(t);
          }
          if (t.value === 'await' && !this.v27) throw this.errAt('async/await are not supported by HeapLab', t);
          this.fail(t);
        }
        this.advance();
        return this.fin({ type: 'Name', id: t.value, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Name, s);
      }
      case 'NUMBER':
        this.advance();
        return this.numberConst(t.value, t);
      case 'STRING':
      case 'FSTART':
        return this.strings();
      case 'OP':
        switch (t.value) {
          case '(':
            return this.parenAtom();
          case '[':
            return this.listAtom();
          case '{':
            return this.dictOrSet();
          case '...':
            this.advance();
            return this.fin({ type: 'Constant', value: { t: 'ellipsis' }, kind: null , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Constant, s);
          case '`':
            if (this.v27) {
              this.advance();
              const value = this.starExpressions();
              this.expectOp('`');
              return this.fin({ type: 'Repr', value , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Repr, s);
            }
            break;
        }
        break;
      default:
        break;
    }
    this.fail(t);
  }

  private numberConst(text: string, t: Token): A.Constant {
    const s = this.startOf(t);
    if (text.length < 16 && /^(?:0|[1-9][0-9]*)$/.test(text)) {
      return this.fin({ type: 'Constant', value: { t: 'int', v: BigInt(text) }, kind: null , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Constant, s, t);
    }
    let neg = false;
    let body = text;
    if (body[0] === '-') {
      neg = true;
      body = body.slice(1);
    }
    body = body.replace(/_/g, '');
    let value: A.ConstValue;
    const last = body[body.length - 1]!;
    if (last === 'j' || last === 'J') {
      let v = Number(body.slice(0, -1));
      if (neg) v = -v;
      value = { t: 'complex', imag: v };
    } else if (/^0[xob]/i.test(body)) {
      let isLong = false;
      if (last === 'l' || last === 'L') {
        isLong = true;
        body = body.slice(0, -1);
      }
      let v = BigInt(body.toLowerCase());
      if (neg) v = -v;
      value = this.intValue(v, isLong);
    } else if (/[.eE]/.test(body) || (!/^0[xob]/i.test(body) && /inf|nan/i.test(body))) {
      let v = Number(body);
      if (neg) v = -v;
      value = { t: 'float', v };
    } else {
      let isLong = false;
      if (last === 'l' || last === 'L') {
        isLong = true;
        body = body.slice(0, -1);
      }
      let v: bigint;
      if (this.v27 && body.length > 1 && body[0] === '0') v = BigInt(`0o${body.slice(1)}`);
      else v = BigInt(body);
      if (neg) v = -v;
      value = this.intValue(v, isLong);
    }
    return this.fin({ type: 'Constant', value, kind: null , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Constant, s, t);
  }

  private intValue(v: bigint, isLong: boolean): A.ConstValue {
    if (this.v27 && (isLong || v > INT64_MAX || v < INT64_MIN)) return { t: 'long', v };
    return { t: 'int', v };
  }

  private parenAtom(): A.Expr {
    const open = this.advance();
    const s = this.startOf(open);
    if (this.isOp(')')) {
      this.advance();
      return this.fin({ type: 'Tuple', elts: [] as A.Expr[], ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Tuple, s);
    }
    if (this.isKw('yield')) {
      const y = this.yieldExpr();
      this.expectOp(')');
      PARENS.add(y);
      return y;
    }
    const firstTok = this.peek();
    const first = this.v27 ? this.expression() : this.isOp('*') ? this.starExpression() : this.namedExpression();
    if (this.isKw('for') || (!this.v27 && this.isKw('async'))) {
      if (first.type === 'Starred') throw this.errNode('iterable unpacking cannot be used in comprehension', first);
      const gens = this.comprehensionTail(first);
      const close = this.expectOp(')');
      if (this.v27) {
        const g = this.fin({ type: 'GeneratorExp', elt: first, generators: gens , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.GeneratorExp, this.startOf(firstTok), close);
        return g;
      }
      return this.fin({ type: 'GeneratorExp', elt: first, generators: gens , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.GeneratorExp, s);
    }
    if (this.isOp(')')) {
      this.advance();
      if (first.type === 'Starred') throw this.errNode("cannot use starred expression here", first);
      PARENS.add(first);
      return first;
    }
    if (!this.isOp(',')) {
      if (!this.v27 && this.isOp('=')) this.assignInExpr(first);
      this.fail();
    }
    const elts: A.Expr[] = [first];
    while (this.eatOp(',')) {
      if (this.isOp(')')) break;
      elts.push(this.v27 ? this.expression() : this.isOp('*') ? this.starExpression() : this.namedExpression());
    }
    const close = this.expectOp(')');
    const tup = this.v27
      ? this.fin({ type: 'Tuple', elts, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Tuple, this.startOf(firstTok), close)
      : this.fin({ type: 'Tuple', elts, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Tuple, s);
    PARENS.add(tup);
    return tup;
  }

  private listAtom(): A.Expr {
    const open = this.advance();
    const s = this.startOf(open);
    if (this.isOp(']')) {
      this.advance();
      return this.fin({ type: 'List', elts: [] as A.Expr[], ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.List, s);
    }
    const firstTok = this.peek();
    const first = this.v27 ? this.expression() : this.isOp('*') ? this.starExpression() : this.namedExpression();
    if (this.isKw('for') || (!this.v27 && this.isKw('async'))) {
      if (first.type === 'Starred') throw this.errNode('iterable unpacking cannot be used in comprehension', first);
      const gens = this.comprehensionTail(first, true);
      this.expectOp(']');
      return this.fin({ type: 'ListComp', elt: first, generators: gens , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.ListComp, this.v27 ? this.startOf(firstTok) : s);
    }
    const elts: A.Expr[] = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.v27 ? this.expression() : this.isOp('*') ? this.starExpression() : this.namedExpression());
    }
    this.expectOp(']');
    return this.fin({ type: 'List', elts, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.List, s);
  }

  private dictOrSet(): A.Expr {
    const open = this.advance();
    const s = this.startOf(open);
    if (this.isOp('}')) {
      this.advance();
      return this.fin({ type: 'Dict', keys: [] as A.Expr[], values: [] as A.Expr[] , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Dict, s);
    }
    // first item
    if (!this.v27 && this.isOp('**')) {
      return this.dictRest(s, null, null);
    }
    const firstTok = this.peek();
    const cs = this.v27 ? this.startOf(firstTok) : s;
    const first = this.v27 ? this.expression() : this.isOp('*') ? this.starExpression() : this.namedExpression();
    if (this.isOp(':') && first.type !== 'Starred') {
      const colon = this.advance();
      if (!this.v27 && (this.isOp('}') || this.isOp(','))) {
        throw this.errAt("expression expected after dictionary key and ':'", colon);
      }
      const v = this.expression();
      if (this.isKw('for') || (!this.v27 && this.isKw('async'))) {
        const gens = this.comprehensionTail(v);
        this.expectOp('}');
        return this.fin({ type: 'DictComp', key: first, value: v, generators: gens , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.DictComp, cs);
      }
      return this.dictRest(s, first, v);
    }
    if (this.isKw('for') || (!this.v27 && this.isKw('async'))) {
      if (first.type === 'Starred') throw this.errNode('iterable unpacking cannot be used in comprehension', first);
      const gens = this.comprehensionTail(first);
      this.expectOp('}');
      return this.fin({ type: 'SetComp', elt: first, generators: gens , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.SetComp, cs);
    }
    const elts: A.Expr[] = [first];
    while (this.eatOp(',')) {
      if (this.isOp('}')) break;
      elts.push(this.v27 ? this.expression() : this.isOp('*') ? this.starExpression() : this.namedExpression());
    }
    this.expectOp('}');
    return this.fin({ type: 'Set', elts , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.SetExpr, s);
  }

  private dictRest(s: Start, k0: A.Expr | null, v0: A.Expr | null): A.Dict {
    const keys: (A.Expr | null)[] = [];
    const values: A.Expr[] = [];
    if (v0 !== null) {
      keys.push(k0);
      values.push(v0);
      if (!this.eatOp(',')) {
        this.expectOp('}');
        return this.fin({ type: 'Dict', keys, values , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Dict, s);
      }
    }
    while (!this.isOp('}')) {
      if (!this.v27 && this.isOp('**')) {
        this.advance();
        keys.push(null);
        values.push(this.bitOr());
      } else {
        const k = this.expression();
        if (!this.isOp(':')) {
          if (!this.v27 && (this.isOp(',') || this.isOp('}'))) {
            throw this.errNode("':' expected after dictionary key", k);
          }
          this.fail();
        }
        const colon = this.advance();
        keys.push(k);
        if (!this.v27 && (this.isOp('}') || this.isOp(','))) {
          throw this.errAt("expression expected after dictionary key and ':'", colon);
        }
        values.push(this.expression());
      }
      if (!this.eatOp(',')) break;
    }
    this.expectOp('}');
    return this.fin({ type: 'Dict', keys, values , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Dict, s);
  }

  /** `for ... in ... [if ...]*` clauses after an element. */
  private comprehensionTail(elt: A.Expr, _isList = false): A.Comprehension[] {
    void elt;
    const gens: A.Comprehension[] = [];
    while (this.isKw('for') || (!this.v27 && this.isKw('async'))) {
      if (this.isKw('async')) throw this.errAt('async/await are not supported by HeapLab', this.peek());
      this.advance();
      const target = this.forTargets();
      this.expectKw('in');
      const is = this.peek();
      let iter = this.disjunction();
      if (this.v27 && _isList && this.isOp(',')) {
        // 2.7 list comprehensions take `testlist_safe`: `[x for x in 1, 2]`.
        const elts = [iter];
        while (this.eatOp(',')) {
          if (this.isOp(']') || this.isKw('for') || this.isKw('if')) break;
          elts.push(this.disjunction());
        }
        iter = this.fin({ type: 'Tuple', elts, ctx: 'Load', lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Tuple, this.startOf(is));
      }
      const ifs: A.Expr[] = [];
      while (this.isKw('if')) {
        this.advance();
        ifs.push(this.disjunction());
      }
      gens.push({ type: 'comprehension', target, iter, ifs, is_async: 0 });
    }
    return gens;
  }

  // ------------------------------------------------------------ strings

  private strCtx(t?: Token): StringContext {
    const ctx: StringContext = { dialect: this.dialect, unicodeLiterals: this.flags.unicodeLiterals, encoding: this.tz.encoding };
    if (t !== undefined && this.dialect === '3.12') ctx.onInvalidEscape = (m) => this.escapeWarning(t, m);
    return ctx;
  }

  /** 3.12 SyntaxWarnings met while parsing (invalid escapes), in order, once per token. */
  readonly warnings: A.SyntaxWarningNote[] = [];
  private readonly warnedTokens = new Set<number>();

  private escapeWarning(t: Token, message: string): void {
    if (this.warnedTokens.has(t.start)) return;
    this.warnedTokens.add(t.start);
    this.warnings.push({ lineno: t.line, message });
  }

  private strings(): A.Expr {
    const first = this.peek();
    const s = this.startOf(first);
    type Piece = FPiece;
    const pieces: Piece[] = [];
    let anyF = false;
    let kind: 'str' | 'unicode' | 'bytes' | null = null;
    let sawBytes = false;
    let sawNonBytes = false;
    let u = false;
    let firstPiece = true;
    let constVal = '';
    for (;;) {
      const t = this.peek();
      if (t.kind === 'STRING') {
        this.advance();
        let d: ReturnType<typeof decodeString>;
        try {
          d = decodeString(t.value, this.strCtx(t));
        } catch (e) {
          if (!(e instanceof LiteralError)) throw e;
          this.astError(this.errAt(e.message, t));
          d = { kind: 'str', value: '', u: false, fstring: false, raw: false };
        }
        if (firstPiece) u = d.u && t.value[0] === 'u';
        firstPiece = false;
        if (d.kind === 'bytes') sawBytes = true;
        else sawNonBytes = true;
        if (kind === null) kind = d.kind;
        else if (kind === 'str' && d.kind === 'unicode') kind = 'unicode';
        constVal += d.value;
        pieces.push({ kind: 'const', value: d.value, a: t, b: t, u: d.u && t.value[0] === 'u' });
      } else if (t.kind === 'FSTART') {
        anyF = true;
        sawNonBytes = true;
        if (firstPiece) u = false;
        firstPiece = false;
        if (kind === null) kind = 'str';
        this.fstring(pieces);
      } else break;
    }
    if (sawBytes && sawNonBytes) {
      throw this.errAt('cannot mix bytes and nonbytes literals', this.peek());
    }
    if (!anyF) {
      const value: A.ConstValue = { t: kind ?? 'str', v: constVal } as A.ConstValue;
      const c = this.fin({ type: 'Constant', value, kind: u ? 'u' : null , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Constant, s);
      return c;
    }
    // merge adjacent constants
    const values: (A.Constant | A.FormattedValue)[] = [];
    let cur: { value: string; a: Pick<Token, 'line' | 'col'>; b: Pick<Token, 'endLine' | 'endCol'>; u: boolean } | null = null;
    const flush = (): void => {
      if (cur !== null && cur.value.length > 0) {
        const c = { type: 'Constant', value: { t: 'str', v: cur.value }, kind: cur.u ? 'u' : null } as A.Constant;
        c.lineno = cur.a.line;
        c.col_offset = this.src.byteCol(cur.a.line, cur.a.col);
        c.end_lineno = cur.b.endLine;
        c.end_col_offset = this.src.byteCol(cur.b.endLine, cur.b.endCol);
        values.push(c);
      }
      cur = null;
    };
    for (const p of pieces) {
      if (p.kind === 'const') {
        if (cur === null) cur = { value: p.value, a: p.a, b: p.b, u: p.u === true };
        else {
          cur.value += p.value;
          cur.b = p.b;
        }
      } else {
        flush();
        values.push(p.node);
      }
    }
    flush();
    return this.fin({ type: 'JoinedStr', values , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.JoinedStr, s);
  }

  /** Parse one f-string (FSTART ... FEND) appending pieces. */
  private fstring(pieces: FPiece[]): void {
    const start = this.advance(); // FSTART
    const raw = start.raw === true;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'FEND') {
        this.advance();
        return;
      }
      if (t.kind === 'FMIDDLE') {
        this.advance();
        let v: string;
        try {
          v = decodeFStringText(t.value, raw, this.dialect === '3.12' ? (m) => this.escapeWarning(t, m) : undefined);
        } catch (e) {
          if (e instanceof LiteralError) throw this.errAt(e.message, t);
          throw e;
        }
        pieces.push({ kind: 'const', value: v, a: t, b: t });
        continue;
      }
      if (t.kind === 'OP' && t.value === '{') {
        this.replacementField(pieces, raw);
        continue;
      }
      this.fail(t);
    }
  }

  /** `{expr[=][!c][:spec]}` */
  private replacementField(pieces: FPiece[], raw: boolean): void {
    const open = this.advance();
    const s = this.startOf(open);
    const et = this.peek();
    if (et.kind === 'OP' && (et.value === '}' || et.value === '!' || et.value === ':' || et.value === '=')) {
      throw this.errAt("f-string: valid expression required before '" + et.value + "'", et);
    }
    if (et.kind === 'NAME' && et.value === 'lambda') {
      throw this.errAt('f-string: lambda expressions are not allowed without parentheses', et);
    }
    if (!this.canStartExpr(et)) throw this.errAt("f-string: expecting a valid expression after '{'", et);
    const value = this.isKw('yield') ? this.yieldExpr() : this.fstringExpr();
    const isAny = (...ops: string[]): boolean => ops.some((o) => this.isOp(o));
    if (!isAny('=', '!', ':', '}')) throw this.errAt("f-string: expecting '=', or '!', or ':', or '}'", this.peek());
    let debugText: string | null = null;
    if (this.isOp('=')) {
      const eq = this.advance();
      if (!isAny('!', ':', '}')) throw this.errAt("f-string: expecting '!', or ':', or '}'", this.peek());
      const nx = this.peek();
      debugText = this.src.text.slice(open.end, nx.start);
      const a = { line: open.endLine, col: open.endCol } as Token;
      pieces.push({ kind: 'const', value: debugText, a, b: { endLine: eq.endLine, endCol: eq.endCol + (nx.start - eq.end) } as Token });
    }
    let conversion = -1;
    if (this.isOp('!')) {
      const bang = this.advance();
      const n = this.peek();
      if (isAny(':', '}')) throw this.errAt('f-string: missing conversion character', n);
      if (n.kind !== 'NAME') throw this.errAt('f-string: invalid conversion character', n);
      if (n.start !== bang.end) throw this.errAt('f-string: conversion type must come right after the exclamanation mark', n);
      if (n.value !== 's' && n.value !== 'r' && n.value !== 'a') {
        throw this.errAt(`f-string: invalid conversion character '${n.value}': expected 's', 'r', or 'a'`, n);
      }
      this.advance();
      conversion = n.value.charCodeAt(0);
      if (!isAny(':', '}')) throw this.errAt("f-string: expecting ':' or '}'", this.peek());
    }
    let format_spec: A.JoinedStr | null = null;
    if (this.isOp(':')) {
      const colon = this.advance();
      const cs = this.startOf(colon);
      const specPieces: FPiece[] = [];
      for (;;) {
        const t = this.peek();
        if (t.kind === 'FMIDDLE') {
          this.advance();
          let v: string;
          try {
            v = decodeFStringText(t.value, raw, this.dialect === '3.12' ? (m) => this.escapeWarning(t, m) : undefined);
          } catch (e) {
            if (e instanceof LiteralError) throw this.errAt(e.message, t);
            throw e;
          }
          specPieces.push({ kind: 'const', value: v, a: t, b: t });
        } else if (t.kind === 'OP' && t.value === '{') {
          this.replacementField(specPieces, raw);
          if (this.isOp('}')) {
            const c = this.peek();
            specPieces.push({ kind: 'const', value: '', a: c, b: { endLine: c.line, endCol: c.col } as Token, keepEmpty: true });
          }
        } else break;
      }
      const values: (A.Constant | A.FormattedValue)[] = [];
      for (const p of specPieces) {
        if (p.kind === 'fv') values.push(p.node);
        else {
          const c = { type: 'Constant', value: { t: 'str', v: p.value }, kind: null } as A.Constant;
          c.lineno = p.a.line;
          c.col_offset = this.src.byteCol(p.a.line, p.a.col);
          c.end_lineno = p.b.endLine;
          c.end_col_offset = this.src.byteCol(p.b.endLine, p.b.endCol);
          values.push(c);
        }
      }
      const close = this.peek();
      if (!this.isOp('}')) throw this.errAt("f-string: expecting '}', or format specs", close);
      format_spec = this.fin({ type: 'JoinedStr', values , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.JoinedStr, cs, { ...close, endLine: close.line, endCol: close.col });
    }
    if (!this.isOp('}')) {
      const t = this.peek();
      if (t.kind === 'FEND' || t.kind === 'EOF' || t.kind === 'NEWLINE') throw this.errAt("f-string: expecting '}'", t);
      throw this.errAt("f-string: expecting '}'", t);
    }
    this.advance();
    if (debugText !== null && conversion === -1 && format_spec === null) conversion = 114;
    const fv = this.fin({ type: 'FormattedValue', value, conversion, format_spec , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.FormattedValue, s);
    pieces.push({ kind: 'fv', node: fv });
  }

  private fstringExpr(): A.Expr {
    const s = this.startOf(this.peek());
    const first = this.isOp('*') ? this.starExpression() : this.expression();
    if (!this.isOp(',')) return first;
    const elts: A.Expr[] = [first];
    while (this.eatOp(',')) {
      if (this.isOp('}') || this.isOp('!') || this.isOp(':') || this.isOp('=')) break;
      elts.push(this.isOp('*') ? this.starExpression() : this.expression());
    }
    return this.fin({ type: 'Tuple', elts, ctx: 'Load' , lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0} as A.Tuple, s);
  }
}

type FPiece =
  | { kind: 'const'; value: string; a: Token; b: Token; keepEmpty?: boolean; u?: boolean }
  | { kind: 'fv'; node: A.FormattedValue };
