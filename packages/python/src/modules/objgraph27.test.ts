/**
 * 2.7 objgraph: the chain search runs as Python, so its frames survive the call in a cycle (the
 * frame is among the referrers it collects), and importing objgraph makes Py_ReprEnter's state.
 * Expected values are CPython 2.7.18 / 3.12.1 output with objgraph 3.5.0 / 3.7.0.dev0.
 */
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../run-captured.js';

const run = (version: '2.7' | '3.12', source: string) => runCaptured(version, source).out;

describe('objgraph chain search frames', () => {
  const source = `
import gc, objgraph
gc.disable()
class OBJ(object): pass
_cache = [OBJ()]
gc.collect()
chain = objgraph.find_backref_chain(_cache[0], objgraph.is_proper_module)
print(len(chain))
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.collect())
print(sorted(type(o).__name__ for o in gc.garbage))
print(sorted(o.f_code.co_name for o in gc.garbage if type(o).__name__ == 'frame'))
gc.set_debug(0)
del gc.garbage[:]
def f():
    x = OBJ()
    _cache.append(x)
    objgraph.find_backref_chain(x, objgraph.is_proper_module)
f()
print(gc.collect())
chain = objgraph.find_ref_chain(_cache, lambda o: isinstance(o, OBJ))
print(len(chain), gc.collect())
print(objgraph.find_backref_chain)
`;
  it('2.7: _find_chain and find_backref_chain frames are garbage after the call', () => {
    const out = run('2.7', source).split('\n');
    expect(out.slice(0, 6)).toEqual([
      '4',
      '8',
      "['dict', 'frame', 'frame', 'list', 'list', 'list', 'list', 'set']",
      "['_find_chain', 'find_backref_chain']",
      // f's own frame too: it is find_backref_chain's f_back
      '9',
      '(2, 0)',
    ]);
    expect(out[6]).toMatch(/^<function find_backref_chain at 0x[0-9a-f]+>$/);
  });
  it('3.12: nothing is left behind', () => {
    expect(run('3.12', source).split('\n').slice(0, 6)).toEqual(['4', '0', '[]', '[]', '0', '2 0']);
  });
});

describe('importing objgraph', () => {
  const source = `
import gc
def has():
    return len([o for o in gc.get_objects() if type(o) is dict and 'Py_Repr' in o])
a = has()
import objgraph
print(a, has())
`;
  it('2.7: its imports made the first container repr', () => {
    expect(run('2.7', source)).toBe('(0, 1)\n');
  });
  it('3.12: no repr state yet', () => {
    expect(run('3.12', source)).toBe('0 0\n');
  });
});

describe('objgraph drawing frames', () => {
  // Expected: CPython 2.7.18 + objgraph 3.5.0 and CPython 3.12.1 + objgraph 3.7.0.dev0.
  const source = `
import gc, objgraph
class A(object): pass
a = A(); b = A(); a.b = b; b.a = a
def garbage():
    gc.set_debug(gc.DEBUG_SAVEALL)
    n = gc.collect()
    names = sorted(type(o).__name__ for o in gc.garbage)
    inst = sorted(o.__class__.__name__ for o in gc.garbage if type(o).__name__ == 'instance')
    frames = sorted(o.f_code.co_name for o in gc.garbage if type(o).__name__ == 'frame')
    src = [o.f_locals.get('source') is o for o in gc.garbage if type(o).__name__ == 'frame' and o.f_code.co_name == '_show_graph']
    del gc.garbage[:]
    gc.set_debug(0)
    gc.collect()
    return n, names, inst, frames, src
gc.collect()
objgraph.show_backrefs([a], filename='g.dot')
print(garbage())
objgraph.show_refs([a], filename='r.dot', max_depth=2)
print(garbage())
objgraph.show_chain(objgraph.find_backref_chain(a, objgraph.is_proper_module), filename='c.dot')
print(garbage()[0])
`;
  it("2.7: show_backrefs's frame keeps itself in 'source'; the codecs writer is left with it", () => {
    const out = run('2.7', source).split('\n');
    expect(out[1]).toBe(
      "(11, ['dict', 'dict', 'dict', 'frame', 'frame', 'instance', 'instance', 'instance', 'list', 'list', 'set'], ['StreamReader', 'StreamReaderWriter', 'StreamWriter'], ['_show_graph', 'show_backrefs'], [True])",
    );
    expect(out[3]).toBe('(0, [], [], [], [])');
    expect(out[5]).toBe('17');
  });
  it('3.12: nothing is left behind', () => {
    const out = run('3.12', source).split('\n');
    expect([out[1], out[3], out[5]]).toEqual(['(0, [], [], [], [])', '(0, [], [], [], [])', '0']);
  });
  it('2.7: file objects are not tracked by the collector', () => {
    expect(run('2.7', "import gc, sys\nf = open('x.txt', 'w')\nprint(gc.is_tracked(f), gc.is_tracked(sys.stdout), gc.is_tracked({'f': f}))\n")).toBe('(False, False, False)\n');
  });
});
