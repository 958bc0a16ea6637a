/**
 * `sys.unraisablehook` (3.12) and `sys.excepthook` (both versions). Expected texts are what
 * CPython 3.12.1 / 2.7.18 print for the same programs (addresses aside).
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '@heaplab/heap';
import { createModuleProviders } from '../providers.js';
import { runProgram } from '../run.js';

function run(version: '2.7' | '3.12', source: string): { out: string; err: string; all: string; code: number } {
  let out = '';
  let err = '';
  let all = '';
  const r = runProgram({
    version,
    filename: 'p.py',
    source,
    modules: createModuleProviders(),
    stdout: (t) => {
      out += t;
      all += t;
    },
    stderr: (t) => {
      err += t;
      all += t;
    },
  });
  expect(checkInvariants(r.interp.heap)).toEqual([]);
  return { out, err, all: all.replace(/0x[0-9a-f]+/g, 'ADDR'), code: r.exitCode };
}

const raisingDel = `import sys, gc
class A:
    def __del__(self):
        raise ValueError("in del")
`;

describe('sys.unraisablehook (3.12)', () => {
  it('receives an UnraisableHookArgs structseq for a raising __del__', () => {
    const r = run(
      '3.12',
      `${raisingDel}seen = []
def hook(u):
    seen.append(u)
sys.unraisablehook = hook
a = A()
del a
u = seen[0]
print(type(u).__name__, type(u).__module__, isinstance(u, tuple), len(u), gc.is_tracked(u))
print(u.exc_type.__name__, u.exc_value, u.err_msg, u.object.__qualname__, u.exc_value.__traceback__ is u.exc_traceback)
print(repr(u).startswith("UnraisableHookArgs(exc_type=<class 'ValueError'>, exc_value=ValueError('in del'), exc_traceback=<traceback object at "))
print(sys.unraisablehook is hook, sys.__unraisablehook__)
`,
    );
    expect(r.err).toBe('');
    expect(r.out).toBe(
      'UnraisableHookArgs builtins True 5 False\nValueError in del None A.__del__ True\nTrue\nTrue <built-in function unraisablehook>\n',
    );
  });

  it('passes err_msg for atexit callbacks and the object for weakref callbacks', () => {
    const r = run(
      '3.12',
      `import sys, atexit, weakref
sys.unraisablehook = lambda u: print("hook", u.exc_type.__name__, u.err_msg, u.object.__name__)
def ae():
    raise OSError("ae")
atexit.register(ae)
class B: pass
b = B()
def cb(r):
    raise KeyError("cb")
r = weakref.ref(b, cb)
del b
`,
    );
    expect(r.all).toBe('hook KeyError None cb\nhook OSError Exception ignored in atexit callback ae\n');
  });

  it('a hook that raises is reported by the default hook; None or a deleted hook means the default', () => {
    const r = run(
      '3.12',
      `${raisingDel}def bad(u):
    raise KeyError("hook broke")
sys.unraisablehook = bad
a = A(); del a
sys.unraisablehook = None
a = A(); del a
del sys.unraisablehook
a = A(); del a
sys.unraisablehook = 42
a = A(); del a
`,
    );
    const dflt =
      'Exception ignored in: <function A.__del__ at ADDR>\nTraceback (most recent call last):\n  File "p.py", line 4, in __del__\n    raise ValueError("in del")\nValueError: in del\n';
    expect(r.all).toBe(
      'Exception ignored in sys.unraisablehook: <function bad at ADDR>\nTraceback (most recent call last):\n  File "p.py", line 6, in bad\n    raise KeyError("hook broke")\nKeyError: \'hook broke\'\n' +
        dflt +
        dflt +
        "Exception ignored in sys.unraisablehook: 42\nTypeError: 'int' object is not callable\n",
    );
  });

  it('the default hook prints no exception chain and keeps the ": " of an empty message', () => {
    const r = run(
      '3.12',
      `class A:
    def __del__(self):
        try:
            1/0
        except Exception:
            raise ValueError
a = A(); del a
`,
    );
    expect(r.all).toBe(
      'Exception ignored in: <function A.__del__ at ADDR>\nTraceback (most recent call last):\n  File "p.py", line 6, in __del__\n    raise ValueError\nValueError: \n',
    );
  });

  it('sys.__unraisablehook__ formats a hand-made UnraisableHookArgs and checks its argument', () => {
    const r = run(
      '3.12',
      `import sys
class A:
    def __del__(self): raise ValueError("x")
got = []
sys.unraisablehook = got.append
a = A(); del a
U = type(got[0])
sys.__unraisablehook__(U((ValueError, ValueError("x"), None, "msg here", 5)))
sys.__unraisablehook__(U((ValueError, ValueError("x"), None, "m", None)))
try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print(e)
try:
    U((1, 2))
except TypeError as e:
    print(e)
`,
    );
    expect(r.all).toBe(
      'msg here: 5\nValueError: x\nm:\nValueError: x\nsys.unraisablehook argument type must be UnraisableHookArgs\nUnraisableHookArgs() takes a 5-sequence (2-sequence given)\n',
    );
  });

  it('a hook storing the args keeps the object alive', () => {
    const r = run(
      '3.12',
      `import sys, gc
class A:
    def __del__(self):
        raise ValueError("x")
    def m(self): pass
seen = []
sys.unraisablehook = seen.append
def gen():
    try:
        yield 1
    finally:
        raise IndexError("g")
g = gen(); next(g); del g
print(type(seen[0].object).__name__, seen[0].object.gi_frame)
`,
    );
    expect(r.all).toBe('generator None\n');
  });
});

describe('sys.excepthook', () => {
  for (const version of ['2.7', '3.12'] as const) {
    it(`${version}: an uncaught exception goes to sys.excepthook after sys.last_* are set`, () => {
      const r = run(
        version,
        `import sys
def eh(t, v, tb):
    sys.stdout.write("hook: %s %s %s %s\\n" % (t.__name__, v, tb.tb_lineno, sys.last_value is v and sys.last_traceback is tb))
sys.excepthook = eh
raise RuntimeError("boom")
`,
      );
      expect(r.all).toBe('hook: RuntimeError boom 5 True\n');
      expect(r.code).toBe(1);
    });

    it(`${version}: a raising hook prints both exceptions`, () => {
      const r = run(
        version,
        `import sys
def eh(t, v, tb):
    raise KeyError("in hook")
sys.excepthook = eh
raise RuntimeError("boom")
`,
      );
      expect(r.all).toBe(
        'Error in sys.excepthook:\nTraceback (most recent call last):\n  File "p.py", line 3, in eh\n    raise KeyError("in hook")\nKeyError: \'in hook\'\n\nOriginal exception was:\nTraceback (most recent call last):\n  File "p.py", line 5, in <module>\n    raise RuntimeError("boom")\nRuntimeError: boom\n',
      );
      expect(r.code).toBe(1);
    });

    it(`${version}: a deleted hook is missing; SystemExit from the hook sets the status`, () => {
      const missing = run(version, 'import sys\ndel sys.excepthook\nraise RuntimeError("boom")\n');
      expect(missing.all).toBe('sys.excepthook is missing\nTraceback (most recent call last):\n  File "p.py", line 3, in <module>\n    raise RuntimeError("boom")\nRuntimeError: boom\n');
      const exit = run(version, 'import sys\ndef eh(t, v, tb):\n    sys.exit(5)\nsys.excepthook = eh\nraise RuntimeError\n');
      expect(exit.all).toBe('');
      expect(exit.code).toBe(5);
    });

    it(`${version}: the last traceback keeps its frames alive until module teardown (after atexit)`, () => {
      const r = run(
        version,
        `import sys, atexit
class D(object):
    def __del__(self):
        sys.stdout.write("del\\n")
def f():
    d = D()
    raise ValueError
atexit.register(lambda: sys.stdout.write("atexit\\n"))
sys.excepthook = lambda t, v, tb: sys.stdout.write("hook\\n")
f()
`,
      );
      expect(r.all).toBe('hook\natexit\ndel\n');
    });
  }

  it('2.7: a None hook is missing; 3.12: calling None fails', () => {
    expect(run('2.7', 'import sys\nsys.excepthook = None\nraise RuntimeError("boom")\n').all).toMatch(/^sys\.excepthook is missing\n/);
    expect(run('3.12', 'import sys\nsys.excepthook = None\nraise RuntimeError("boom")\n').all).toMatch(
      /^Error in sys\.excepthook:\nTypeError: 'NoneType' object is not callable\n\nOriginal exception was:\nTraceback/,
    );
  });
});
