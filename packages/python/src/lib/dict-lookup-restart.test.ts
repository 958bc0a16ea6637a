/**
 * A dict lookup whose key comparison mutates the dict starts over only when the table was
 * replaced or the compared slot's key changed (CPython's lookdict / dictkeys_generic_lookup), not
 * after any mutation: deleting *another* key from `__eq__` does not repeat the comparison.
 * CPython 2.7.18 and 3.12.1 print `0 2` / `[2, 3]` for test_weakref's
 * test_weak_keyed_cascading_deletes (conformance scenario wr_wkd_cascading_deletes).
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '@heaplab/heap';
import { createModuleProviders } from '../providers.js';
import { runProgram } from '../run.js';

const source = `import weakref
d = weakref.WeakKeyDictionary()
mutate = False
calls = []
class C(object):
    def __init__(self, i):
        self.value = i
    def __hash__(self):
        return hash(self.value)
    def __eq__(self, other):
        calls.append(self.value)
        if mutate:
            del objs[-1]
        return self.value == other.value
objs = [C(i) for i in range(4)]
for o in objs:
    d[o] = o.value
del o
objs = list(d.keys())
objs.reverse()
mutate = True
count = 0
for o in objs:
    count += 1
    del d[o]
print("%d %d %d" % (len(d), count, len(calls)))
print(sorted(k.value for k in objs))
`;

describe('dict lookup restarts', () => {
  for (const version of ['2.7', '3.12'] as const) {
    it(`${version}: deleting another key during __eq__ does not repeat the comparison`, () => {
      let out = '';
      const r = runProgram({ version, filename: 'p.py', source, modules: createModuleProviders(), stdout: (t) => (out += t), stderr: (t) => (out += t) });
      expect(checkInvariants(r.interp.heap)).toEqual([]);
      expect(out).toBe('0 2 2\n[2, 3]\n');
    });
  }
});
