/**
 * Reference-count exactness: every library operation, successful or raising, must leave the
 * heap exactly as it found it (no leaked references, no extra frees). Each expression is run
 * once to warm caches (interned strings, small ints), then repeatedly; the number of live
 * objects must not change.
 */
import { describe, expect, it } from 'vitest';
import { MiniPy } from './testing/minipy.js';

const SETUP = `
class A(object):
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return A(self.x + 1)
    def __radd__(self, o):
        return NotImplemented
    def __eq__(self, o):
        return isinstance(o, A) and self.x == o.x
    def __hash__(self):
        return self.x
    def __repr__(self):
        return 'A(%r)' % (self.x,)
    def __lt__(self, o):
        return self.x < o.x
class L(list):
    pass
class D(dict):
    def __missing__(self, k):
        return k
class E(Exception):
    pass
data = [3, 1, 2, 'x', (1, 2), [5], {'k': 1}]
d = {'a': 1, 'b': [2], 3: 'c'}
s = set([1, 2, 3])
t = (1, 2, 3)
`;

const EXPRS = [
  '1 + 2', '2**70 * 3', '7 // 2', '7.5 % 2', '-(2**70)', '1 / 3', 'divmod(7, 2)', 'pow(2, 100, 7)',
  "'a' + 'b'", "'ab' * 3", '[1] + [2]', '(1,) * 3', "'%s-%d-%.2f' % ('x', 5, 2.5)", "'{:>8,.2f}'.format(1234.5)",
  "format(255, '#x')", 'A(1) + A(2)', 'A(1) + 5', '5 + A(1)', 'A(1) == A(1)', 'sorted([A(3), A(1), A(2)])',
  'data[1:4]', 'data[::-1]', 'data[-1]', "d['a']", "d.get('zz', 0)", 'D()[5]', 'list(d.items())', 'sorted(d.keys(), key=str)',
  's | set([4])', 's & set([2])', 's - set([1])', 's ^ set([9])', 'frozenset(s)', 'set(data[:3])',
  'sorted(data[:3])', 'max(data[:3])', 'min([3, 1], key=lambda v: -v)', 'sum([1, 2.5, 3])', 'sum([[1], [2]], [])',
  'list(enumerate(t))', 'list(zip(t, t))', 'list(map(str, t))', 'list(filter(None, [0, 1, 2]))', 'list(reversed(t))',
  'len(data)', 'repr(data)', 'str(data)', 'hash(t)', 'isinstance(L(), list)', 'L([1, 2]) + [3]',
  "getattr(A(1), 'x')", "getattr(A(1), 'nope', None)", "hasattr(A(1), 'nope')", 'dir(A(1))', 'vars(A(2))',
  "'a,b,c'.split(',')", "' x '.strip()", "'-'.join(['a', 'b'])", "'abc'.replace('b', 'X')", "'Hello'.upper()",
  "int('42')", "float('1.5')", "str(1.25)", 'round(2.675, 2)', 'round(2.5)', 'abs(-5)', 'chr(65) + hex(255) + oct(8) + bin(5)',
  'dict(a=1, b=2)', "dict([('x', 1)])", 'list(range(10))[2:5]', 'tuple(range(3))',
  'E("boom").args', 'str(E("boom"))', 'repr(KeyError("k"))', 'ValueError("a", 1)',
];

const RAISING = [
  '1 / 0', "1 + 'a'", "'a' + 1", 'data[99]', "d['zz']", 's.pop() if False else [].pop()', 'int("x")', 'float("y")',
  "'%d' % 'x'", "'{0}'.format()", 'sorted([1, "a"]) if True else 0', 'A(1) < 5', 'len(5)', 'iter(5)', 'next(iter([]))',
  "getattr(A(1), 'nope')", 'hash([])', '{}[[]]', '[1, 2].index(9)', "'abc'.index('z')", "set().remove(1)",
  'min([])', 'chr(-1)', "undefined_name", 'A(1).nope', "t[0:'a']",
];

for (const version of ['2.7', '3.12'] as const) {
  describe(`no leaks — ${version}`, () => {
    const py = new MiniPy({ version });
    py.exec(SETUP);
    const check = (src: string) => {
      const once = () => {
        try {
          const r = py.eval(src);
          py.heap.decref(r);
        } catch (e) {
          py.describe(e);
        }
      };
      once();
      once();
      const before = py.heap.live;
      for (let i = 0; i < 4; i++) once();
      return py.heap.live - before;
    };
    it.each(EXPRS)('%s', (src) => {
      expect(check(src)).toBe(0);
    });
    it.each(RAISING)('raising: %s', (src) => {
      expect(check(src)).toBe(0);
    });
  });
}
