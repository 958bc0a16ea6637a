/**
 * Where 3.12 tracebacks point when a STORE or DELETE frees an object whose weakref callback
 * fails (an unraisable exception reported with the current frame): under the stored or deleted
 * name, or `~^^^` under a deleted subscript. Also `reversed()` of a weakref proxy (2.7: not a
 * sequence; 3.12: `__reversed__` forwarded to the referent). Expected outputs were printed by
 * CPython 2.7.18 and 3.12.1 (`python -u`, stderr merged into stdout).
 */
import type { PythonVersion } from '@heaplab/heap';
import { describe, expect, it } from 'vitest';
import { createModuleProviders } from '../providers.js';
import { runProgram } from '../run.js';

function run(version: PythonVersion, source: string): string {
  let out = '';
  runProgram({ version, filename: 'u1.py', source, modules: createModuleProviders(), stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return out;
}

const SOURCE = `import weakref
class C(object):
    def __bytes__(self):
        return b'via __bytes__'
    def __index__(self):
        return 2
    def __getitem__(self, i):
        return i
    def __len__(self):
        return 2
o = C()
p = weakref.proxy(o)
try:
    print(list(reversed(p)))
except (TypeError, AttributeError) as e:
    print('%s: %s' % (type(e).__name__, e))
r = weakref.ref(o, 42)
del o, p
def f():
    x = C()
    r = weakref.ref(x, 'cb')
    x = None
    l = [C()]
    r2 = weakref.ref(l[0], 7)
    del l[0]
f()
`;

describe('positions of stores and deletes that free objects', () => {
  it('3.12 marks the name or subscript of the instruction that freed the object', () => {
    expect(run('3.12', SOURCE)).toBe(
      "AttributeError: 'C' object has no attribute '__reversed__'\n" +
        'Exception ignored in: 42\nTraceback (most recent call last):\n  File "u1.py", line 18, in <module>\n    del o, p\n        ^\n' +
        "TypeError: 'int' object is not callable\n" +
        "Exception ignored in: 'cb'\nTraceback (most recent call last):\n  File \"u1.py\", line 22, in f\n    x = None\n    ^\n" +
        "TypeError: 'str' object is not callable\n" +
        'Exception ignored in: 7\nTraceback (most recent call last):\n  File "u1.py", line 25, in f\n    del l[0]\n        ~^^^\n' +
        "TypeError: 'int' object is not callable\n",
    );
  });

  it('2.7 reports one line per failed callback; a proxy is not a sequence for reversed()', () => {
    expect(run('2.7', SOURCE)).toBe(
      'TypeError: argument to reversed() must be a sequence\n' +
        'Exception TypeError: "\'int\' object is not callable" in 42 ignored\n' +
        'Exception TypeError: "\'str\' object is not callable" in \'cb\' ignored\n' +
        'Exception TypeError: "\'int\' object is not callable" in 7 ignored\n',
    );
  });

  it('3.12 bytes() prefers __bytes__ over __index__ and checks encoding arguments', () => {
    const s = "class C(object):\n    def __bytes__(self):\n        return b'via'\n    def __index__(self):\n        return 2\nprint(bytes(C()))\ntry:\n    bytes([1], 'ascii')\nexcept TypeError as e:\n    print(e)\n";
    expect(run('3.12', s)).toBe("b'via'\nencoding without a string argument\n");
  });
});
