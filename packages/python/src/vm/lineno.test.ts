/**
 * `frame.f_lineno` and `tb_lineno`: CPython computes both from the line table at `f_lasti`, so a
 * frame waiting for a call that spans lines reports the call's line in that version's table —
 * 2.7's `co_lnotab` only moves forward within a statement (the line of the call's last argument
 * compiled so far), 3.12 reports where the call starts. Expected outputs were printed by CPython
 * 2.7.18 and 3.12.1 for the same programs.
 */
import type { PythonVersion } from '@heaplab/heap';
import { describe, expect, it } from 'vitest';
import { createModuleProviders } from '../providers.js';
import { runProgram } from '../run.js';

function run(version: PythonVersion, source: string): string {
  let out = '';
  runProgram({ version, filename: 'lines.py', source, modules: createModuleProviders(), stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return out;
}

const CALLS = `import sys
def cur():
    return sys._getframe(1).f_lineno
def g(*a):
    f = sys._getframe(1)
    return f.f_lineno
def h():
    x = g(1,
          2,
          cur())
    y = (g(1, 2)
         + 0)
    z = [1,
         g()]
    w = g(
    )
    print('%s %s %s %s' % (x, y, z, w))
    try:
        g(1,
          2, 1/0)
    except ZeroDivisionError:
        print(sys.exc_info()[2].tb_lineno)
h()
`;

const FRAMES = `import sys
def gen():
    f = sys._getframe()
    yield f
    x = (1,
         2)
    yield x
g = gen()
fr = next(g)
print(fr.f_lineno)
next(g)
print(fr.f_lineno)
def done():
    return sys._getframe()
d = done()
print(d.f_lineno)
def boom():
    a = 1
    raise ValueError(
        a)
try:
    boom()
except ValueError:
    tb = sys.exc_info()[2]
    print('%s %s %s' % (tb.tb_frame.f_lineno, tb.tb_next.tb_frame.f_lineno, tb.tb_next.tb_lineno))
def outer():
    return [sys._getframe(1).f_lineno,
            sys._getframe(0).f_lineno]
print(outer())
print(sys._getframe().f_lineno)
`;

const EXPECTED: Record<PythonVersion, { calls: string; frames: string }> = {
  '2.7': {
    calls: '10 11 [1, 14] 15\n20\n',
    frames: '4\n7\n14\n25 20 20\n[29, 28]\n30\n',
  },
  '3.12': {
    calls: '8 11 [1, 14] 15\n20\n',
    frames: '4\n7\n14\n25 19 19\n[29, 28]\n30\n',
  },
};

describe.each(['2.7', '3.12'] as const)('f_lineno from the line table (%s)', (version) => {
  it('a frame waiting for a multi-line call reports the line its line table gives the call', () => {
    expect(run(version, CALLS)).toBe(EXPECTED[version].calls);
  });

  it('suspended generators, finished frames, frames in tracebacks', () => {
    expect(run(version, FRAMES)).toBe(EXPECTED[version].frames);
  });

  it('objgraph labels a running 2.7 frame with its current line (og_show_backrefs_function_frame)', () => {
    const src = `import sys, objgraph
class Box(object):
    pass
def inner():
    local_box = Box()
    objgraph.show_backrefs([local_box], filename='x.dot', max_depth=2,
                           filter=lambda x: not isinstance(x, (dict, type)) and type(x).__name__ != 'function')
inner()
`;
    const files = new Map<string, string>();
    runProgram({
      version,
      filename: 'box.py',
      source: src,
      modules: createModuleProviders(),
      stdout: () => {},
      stderr: () => {},
      fs: {
        readFile: (p) => files.get(p) ?? null,
        writeFile: (p, d) => void files.set(p, typeof d === 'string' ? d : new TextDecoder().decode(d)),
        appendFile: (p, d) => void files.set(p, (files.get(p) ?? '') + d),
      },
    });
    const dot = files.get('x.dot') ?? '';
    expect(dot).toContain('Box\\n<__main__.Box object at 0x');
    // CPython 2.7.18: the frame node reads box.py:7 (the line of the lambda); 3.12's running frame is not in the graph.
    if (version === '2.7') expect(dot).toContain('frame\\nbox.py:7"');
    else expect(dot).not.toContain('frame\\n');
  });
});
