/**
 * Interpreter behaviour leak-hunting programs rely on, checked against what CPython 2.7.18 and
 * 3.12.1 print for the same programs (expected strings were taken from those interpreters,
 * with addresses masked as 0xADDR).
 */
import { describe, expect, it } from 'vitest';
import { runCaptured } from './run-captured.js';

function run(version: '2.7' | '3.12', source: string): { out: string; code: number } {
  const r = runCaptured(version, source, { normalizeAddresses: true });
  return { out: r.out, code: r.exitCode };
}
const out = (version: '2.7' | '3.12', source: string) => run(version, source).out;

describe('argument binding messages', () => {
  it('2.7 counts the arguments given before defaults are filled in', () => {
    const src = 'def f(a, b=2, *args, **kw):\n    pass\ntry:\n    f()\nexcept TypeError as e:\n    print(e)\ntry:\n    f(b=1)\nexcept TypeError as e:\n    print(e)\n';
    expect(out('2.7', src)).toBe('f() takes at least 1 argument (0 given)\nf() takes at least 1 argument (1 given)\n');
    expect(out('3.12', src)).toBe("f() missing 1 required positional argument: 'a'\nf() missing 1 required positional argument: 'a'\n");
  });
});

describe('traceback locations', () => {
  const gen = "def gen():\n    yield 1\n    raise ValueError('in gen')\n";
  it('an iterator raising in a for loop points at the for statement', () => {
    const src = `${gen}for x in gen():\n    print(x)\n`;
    const expected =
      '1\nTraceback (most recent call last):\n  File "t.py", line 4, in <module>\n    for x in gen():\n  File "t.py", line 3, in gen\n    raise ValueError(\'in gen\')\nValueError: in gen\n';
    expect(out('2.7', src)).toBe(expected);
    expect(out('3.12', src)).toBe(expected);
  });
  it('the same inside a generator function', () => {
    const src = `${gen}def outer():\n    for x in gen():\n        yield x\n        pass\nlist(outer())\n`;
    const tail = '  File "t.py", line 5, in outer\n    for x in gen():\n  File "t.py", line 3, in gen\n    raise ValueError(\'in gen\')\nValueError: in gen\n';
    expect(out('2.7', src)).toBe(`Traceback (most recent call last):\n  File "t.py", line 8, in <module>\n    list(outer())\n${tail}`);
    expect(out('3.12', src)).toBe(`Traceback (most recent call last):\n  File "t.py", line 8, in <module>\n    list(outer())\n${tail}`);
  });
  it('3.12: a call failing in an inlined comprehension is marked, not the iterable', () => {
    const src = 'def f(x):\n    return [1, 2][x]\nresult = [f(i) for i in range(3)]\n';
    expect(out('3.12', src)).toBe(
      'Traceback (most recent call last):\n  File "t.py", line 3, in <module>\n    result = [f(i) for i in range(3)]\n              ^^^^\n' +
        '  File "t.py", line 2, in f\n    return [1, 2][x]\n           ~~~~~~^^^\nIndexError: list index out of range\n',
    );
  });
  it('iterating in a multi-line comprehension: 3.12 marks the comprehension, 2.7 reports the for clause line', () => {
    const src = `${gen}def g2():\n    return [x\n            for x in gen()]\ng2()\n`;
    expect(out('3.12', src)).toContain('  File "t.py", line 5, in g2\n    return [x\n           ^^\n');
    expect(out('2.7', src)).toContain('  File "t.py", line 6, in g2\n    for x in gen()]\n');
  });
  it('3.12 marks a binary operation or subscript even when it is the whole line', () => {
    expect(out('3.12', 'a = 1; b = 0\na/b\n')).toBe(
      'Traceback (most recent call last):\n  File "t.py", line 2, in <module>\n    a/b\n    ~^~\nZeroDivisionError: division by zero\n',
    );
    expect(out('3.12', "d = {}\nd['x']\n")).toBe(
      'Traceback (most recent call last):\n  File "t.py", line 2, in <module>\n    d[\'x\']\n    ~^^^^^\nKeyError: \'x\'\n',
    );
  });
  it('3.12 collapses repeated entries after the third', () => {
    const src = 'import sys\nsys.setrecursionlimit(50)\ndef r(n):\n    return r(n + 1)\nr(0)\n';
    const got = out('3.12', src);
    expect(got.split('\n').filter((l) => l.includes('in r')).length).toBe(3);
    expect(got).toContain('           ^^^^^^^^\n  [Previous line repeated 46 more times]\nRecursionError: maximum recursion depth exceeded\n');
    // 2.7 prints every entry.
    expect(out('2.7', src).split('\n').filter((l) => l.includes('in r')).length).toBe(49);
  });
});

describe('2.7 raise with a traceback', () => {
  it('adds no entry for the raising frame and keeps an instance of the class', () => {
    const src =
      "import sys\ndef f():\n    raise KeyError('x')\ntry:\n    f()\nexcept KeyError:\n    t, v, tb = sys.exc_info()\nclass E(Exception): pass\ntry:\n    raise E, E('inst')\nexcept E as e:\n    print repr(e)\ndef g():\n    raise t, v, tb\ng()\n";
    expect(out('2.7', src)).toBe(
      "E('inst',)\nTraceback (most recent call last):\n  File \"t.py\", line 15, in <module>\n    g()\n  File \"t.py\", line 5, in <module>\n    f()\n  File \"t.py\", line 3, in f\n    raise KeyError('x')\nKeyError: 'x'\n",
    );
  });
});

describe('atexit', () => {
  const src = [
    'from __future__ import print_function',
    'import atexit, sys',
    "def a(): print('a')",
    "def b(x, y=2): print('b', x, y)",
    "def bad(): raise ValueError('boom')",
    'atexit.register(a)',
    'atexit.register(b, 1, y=3)',
    'atexit.register(bad)',
    "print(atexit.register(a) is a, 'main done')",
    '',
  ].join('\n');
  it('3.12: newest first, an exception is reported and the others still run', () => {
    expect(run('3.12', src)).toEqual({
      out: 'True main done\na\nException ignored in atexit callback: <function bad at 0xADDR>\nTraceback (most recent call last):\n  File "t.py", line 5, in bad\n    def bad(): raise ValueError(\'boom\')\n               ^^^^^^^^^^^^^^^^^^^^^^^^\nValueError: boom\nb 1 3\na\n',
      code: 0,
    });
  });
  it('3.12: unregister, callable check, registration during exit, SystemExit', () => {
    const s = [
      'import atexit, sys',
      "def a(): print('a')",
      "def reg(): atexit.register(a); print('reg')",
      'def se(): sys.exit(5)',
      'atexit.register(a)',
      'atexit.register(se)',
      'atexit.register(reg)',
      "atexit.register(print, 'x', sep='+')",
      'try:',
      '    atexit.register(5)',
      'except TypeError as e:',
      '    print(e)',
      'print(atexit._ncallbacks(), atexit.unregister(print), atexit._ncallbacks())',
      '',
    ].join('\n');
    expect(run('3.12', s)).toEqual({
      out: 'the first argument must be callable\n4 None 4\nreg\nException ignored in atexit callback: <function se at 0xADDR>\nTraceback (most recent call last):\n  File "t.py", line 4, in se\n    def se(): sys.exit(5)\n              ^^^^^^^^^^^\nSystemExit: 5\na\n',
      code: 0,
    });
  });
  it('2.7: the pure-Python module and sys.exitfunc', () => {
    const r = run('2.7', src);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      'True main done\na\nError in atexit._run_exitfuncs:\nTraceback (most recent call last):\n  File "/usr/lib/python2.7/atexit.py", line 24, in _run_exitfuncs\n    func(*targs, **kargs)\n  File "t.py", line 5, in bad\n    def bad(): raise ValueError(\'boom\')\nValueError: boom\nb 1 3\na\n' +
        'Error in sys.exitfunc:\nTraceback (most recent call last):\n  File "/usr/lib/python2.7/atexit.py", line 24, in _run_exitfuncs\n    func(*targs, **kargs)\n  File "t.py", line 5, in bad\n    def bad(): raise ValueError(\'boom\')\nValueError: boom\n',
    );
  });
  it('2.7: a SystemExit in a handler becomes the exit status; handlers added while exiting run too', () => {
    const s = "import atexit, sys\ndef a(): print 'a'\ndef reg(): atexit.register(a)\natexit.register(lambda: sys.exit(5))\natexit.register(reg)\nprint hasattr(atexit, 'unregister'), sys.exitfunc.__name__\n";
    expect(run('2.7', s)).toEqual({ out: 'False _run_exitfuncs\na\n', code: 5 });
  });
});

describe('traceback module', () => {
  const src = [
    'import traceback, sys',
    'class MyErr(Exception): pass',
    'def f():',
    "    raise MyErr('bad')",
    'try:',
    '    f()',
    'except MyErr:',
    '    traceback.print_exc(file=sys.stdout)',
    '    s = traceback.format_exc()',
    '    print(repr(s.splitlines()[-1]))',
    '    e = sys.exc_info()[1]',
    '    print(traceback.format_exception_only(type(e), e))',
    '',
  ].join('\n');
  it('2.7 names the exception by its class name only', () => {
    expect(out('2.7', src)).toBe(
      'Traceback (most recent call last):\n  File "t.py", line 6, in <module>\n    f()\n  File "t.py", line 4, in f\n    raise MyErr(\'bad\')\nMyErr: bad\n\'MyErr: bad\'\n[\'MyErr: bad\\n\']\n',
    );
  });
  it('3.12 is the interpreter report, carets included', () => {
    expect(out('3.12', src)).toBe(
      'Traceback (most recent call last):\n  File "t.py", line 6, in <module>\n    f()\n  File "t.py", line 4, in f\n    raise MyErr(\'bad\')\nMyErr: bad\n\'MyErr: bad\'\n[\'MyErr: bad\\n\']\n',
    );
  });
  it('no exception: None / NoneType: None; print_stack lists the callers', () => {
    const s = 'import traceback, sys\ndef g():\n    traceback.print_stack(file=sys.stdout)\ndef h():\n    g()\nh()\ntraceback.print_exc(file=sys.stdout)\n';
    const stack = '  File "t.py", line 6, in <module>\n    h()\n  File "t.py", line 5, in h\n    g()\n  File "t.py", line 3, in g\n    traceback.print_stack(file=sys.stdout)\n';
    expect(out('2.7', s)).toBe(`${stack}None\n`);
    expect(out('3.12', s)).toBe(`${stack}NoneType: None\n`);
  });
  it('3.12 chained exceptions and format_exception pieces', () => {
    const s = [
      'import traceback',
      'try:',
      '    try:',
      "        {}['k']",
      '    except KeyError as e:',
      "        raise ValueError('v') from e",
      'except ValueError as e:',
      '    parts = traceback.format_exception(e)',
      '    print(len(parts))',
      "    print(''.join(parts), end='')",
      '',
    ].join('\n');
    expect(out('3.12', s)).toBe(
      '7\nTraceback (most recent call last):\n  File "t.py", line 4, in <module>\n    {}[\'k\']\n    ~~^^^^^\nKeyError: \'k\'\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File "t.py", line 6, in <module>\n    raise ValueError(\'v\') from e\nValueError: v\n',
    );
  });
});

describe('3.12 compile-time SyntaxWarnings', () => {
  it('is with a literal, in the order and number CPython compiles the code', () => {
    const src = [
      'x = 0',
      'while x is not 0:',
      '    pass',
      'def f():',
      '    for i in range(3):',
      '        try:',
      '            if i is 1:',
      '                return 5',
      '            if i is 2:',
      '                continue',
      '        finally:',
      '            y = x is 7',
      "    return x is 'a'",
      'v = 5 is x is 6',
      'w = x is None or x is True or x is ... or x is [] or x is -1 or x is (1, (2,)) or x is not (1, [2])',
      'print(f())',
      '',
    ].join('\n');
    const warn = (line: number, text: string, what: string) => `t.py:${line}: SyntaxWarning: ${what}\n  ${text}\n`;
    const isInt = '"is" with \'int\' literal. Did you mean "=="?';
    const w12 = warn(12, 'y = x is 7', isInt);
    const w15 = 'w = x is None or x is True or x is ... or x is [] or x is -1 or x is (1, (2,)) or x is not (1, [2])';
    expect(out('3.12', src)).toBe(
      warn(2, 'while x is not 0:', '"is not" with \'int\' literal. Did you mean "!="?').repeat(2) +
        warn(7, 'if i is 1:', isInt) +
        w12 +
        warn(9, 'if i is 2:', isInt) +
        w12.repeat(3) +
        warn(13, "return x is 'a'", '"is" with \'str\' literal. Did you mean "=="?') +
        warn(14, 'v = 5 is x is 6', isInt) +
        warn(15, w15, isInt) +
        warn(15, w15, '"is" with \'tuple\' literal. Did you mean "=="?') +
        '5\n',
    );
    expect(out('2.7', src.replace('x is ... or ', '').replace('print(f())', 'print f()'))).toBe('5\n');
  });
  it('invalid escape sequences (parser, first per literal) come before the compiler warnings', () => {
    const src = 'assert (1, "msg")\na = "\\d\\q"; b = b"\\q"; c = r"\\d"; d = f"\\d{a}\\e"\ng = "\\477"\n';
    expect(out('3.12', src)).toBe(
      `t.py:2: SyntaxWarning: invalid escape sequence '\\d'\n  a = "\\d\\q"; b = b"\\q"; c = r"\\d"; d = f"\\d{a}\\e"\n`.repeat(1) +
        `t.py:2: SyntaxWarning: invalid escape sequence '\\q'\n  a = "\\d\\q"; b = b"\\q"; c = r"\\d"; d = f"\\d{a}\\e"\n` +
        `t.py:2: SyntaxWarning: invalid escape sequence '\\d'\n  a = "\\d\\q"; b = b"\\q"; c = r"\\d"; d = f"\\d{a}\\e"\n` +
        `t.py:2: SyntaxWarning: invalid escape sequence '\\e'\n  a = "\\d\\q"; b = b"\\q"; c = r"\\d"; d = f"\\d{a}\\e"\n` +
        `t.py:3: SyntaxWarning: invalid octal escape sequence '\\477'\n  g = "\\477"\n` +
        't.py:1: SyntaxWarning: assertion is always true, perhaps remove parentheses?\n  assert (1, "msg")\n',
    );
  });
});

describe('generators (3.12 return values and yield from)', () => {
  it('a return value travels in StopIteration and as the result of yield from', () => {
    const src = [
      'def sub():',
      "    r = yield 'a'",
      '    yield r',
      "    return 'subret'",
      'def deleg():',
      '    v = yield from sub()',
      "    print('sub returned', v)",
      "    return 'outer'",
      'd = deleg()',
      "print(next(d), d.send('S'))",
      'try:',
      '    next(d)',
      'except StopIteration as e:',
      '    print(repr(e), e.value)',
      'class It:',
      '    n = 0',
      '    def __iter__(self): return self',
      '    def __next__(self):',
      '        self.n += 1',
      "        if self.n > 2: raise StopIteration('itret')",
      '        return self.n',
      'def d2():',
      '    r = yield from It()',
      "    print('It returned', r)",
      'print(list(d2()), next(iter([]), "dflt"))',
      '',
    ].join('\n');
    expect(out('3.12', src)).toBe("a S\nsub returned subret\nStopIteration('outer') outer\nIt returned itret\n[1, 2] dflt\n");
  });
  it('throw() and close() reach the subgenerator', () => {
    const src = [
      'def inner():',
      '    try:',
      "        yield 'i1'",
      '    except ValueError as e:',
      "        print('inner caught', e)",
      "        yield 'i2'",
      '    finally:',
      "        print('inner finally')",
      'def outer():',
      '    yield from inner()',
      'g = outer()',
      "print(next(g), g.throw(ValueError('v')))",
      'g.close()',
      "print('closed')",
      '',
    ].join('\n');
    expect(out('3.12', src)).toBe('inner caught v\ni1 i2\ninner finally\nclosed\n');
  });
});

describe('not callable / not subscriptable', () => {
  it('2.7 wording depends on the key and on classic instances', () => {
    const src =
      "from __future__ import print_function\nclass A(object): pass\nclass Old: pass\nfor f in [lambda: A()[0], lambda: A()['k'], lambda: set([1])['k'], lambda: Old()()]:\n    try:\n        f()\n    except (TypeError, AttributeError) as e:\n        print(type(e).__name__, e)\n";
    expect(out('2.7', src)).toBe(
      "TypeError 'A' object does not support indexing\nTypeError 'A' object has no attribute '__getitem__'\nTypeError 'set' object has no attribute '__getitem__'\nAttributeError Old instance has no __call__ method\n",
    );
  });
  it('3.12 warns at compile time about literals called or subscripted', () => {
    expect(out('3.12', "f = lambda: (5)[0]\ng = lambda: None()\nh = lambda: [1]['k']\nprint('ok')\n")).toBe(
      "t.py:1: SyntaxWarning: 'int' object is not subscriptable; perhaps you missed a comma?\n  f = lambda: (5)[0]\n" +
        "t.py:2: SyntaxWarning: 'NoneType' object is not callable; perhaps you missed a comma?\n  g = lambda: None()\n" +
        "t.py:3: SyntaxWarning: list indices must be integers or slices, not str; perhaps you missed a comma?\n  h = lambda: [1]['k']\nok\n",
    );
  });
});
