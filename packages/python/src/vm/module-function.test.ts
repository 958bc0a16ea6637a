/**
 * Objects CPython creates around a module's run that objgraph graphs and gc.get_referrers show:
 * 3.12's '<module>' function object (PyEval_EvalCode) and the `__warningregistry__` an ignored
 * ResourceWarning for an unclosed file leaves in the running frame's globals. Expected values are
 * CPython 3.12.1 / 2.7.18 output.
 */
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../run-captured.js';

function run(version: '2.7' | '3.12', source: string): string {
  const files = new Map<string, string>([['data.txt', 'hello\n']]);
  const fs = {
    readFile: (p: string) => files.get(p) ?? null,
    writeFile: (p: string, d: string) => void files.set(p, d),
    appendFile: (p: string, d: string) => void files.set(p, (files.get(p) ?? '') + d),
  };
  return runCaptured(version, source, { extra: { fs } }).out;
}

describe('module-level objects around the script', () => {
  const referrers = `
import gc
def f():
    pass
print([(type(r).__name__, getattr(r, '__name__', '')) for r in gc.get_referrers(globals()) if type(r).__name__ != 'frame'])
`;
  it("3.12: the module body runs in a '<module>' function holding the globals", () => {
    expect(run('3.12', referrers)).toBe("[('function', 'f'), ('module', '__main__'), ('function', '<module>')]\n");
  });
  it('2.7: no such function', () => {
    expect(run('2.7', referrers)).toBe("[('function', 'f'), ('module', '__main__')]\n");
  });

  const registry = `
k0 = set(globals())
open('data.txt').read()
print(sorted(set(globals()) - k0))
print(globals().get('__warningregistry__'))
def g():
    f = open('data.txt')
    f.close()
    return f
g()
with open('data.txt') as h:
    pass
print(len(globals()))
`;
  it("3.12: an unclosed file's ignored ResourceWarning adds __warningregistry__ = {'version': 0}", () => {
    expect(run('3.12', registry)).toBe("['__warningregistry__', 'k0']\n{'version': 0}\n13\n");
  });
  it('2.7: no warning, no registry', () => {
    expect(run('2.7', registry)).toBe("['k0']\nNone\n8\n");
  });
});
