/**
 * What 3.12 prints at exit for a non-empty gc.garbage (`_PyGC_DumpShutdownStats`): the list under
 * DEBUG_UNCOLLECTABLE, nothing else by default (its ResourceWarning is filtered out). Expected
 * values are CPython 3.12.1 / 2.7.18 output.
 */
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../run-captured.js';

function run(version: '2.7' | '3.12', source: string): string {
  return runCaptured(version, source, { normalizeAddresses: true }).out;
}

describe('shutdown report of gc.garbage (3.12)', () => {
  const src = `
import gc
class X:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "<X %r>" % self.name
gc.garbage.append(X('first'))
gc.garbage.append(X('second'))
gc.set_debug(FLAGS)
print("end of script")
`;
  it('DEBUG_UNCOLLECTABLE prints the list after the script', () => {
    expect(run('3.12', src.replace('FLAGS', 'gc.DEBUG_UNCOLLECTABLE'))).toBe("end of script\n      [<X 'first'>, <X 'second'>]\n");
  });
  it('no debug flag or DEBUG_SAVEALL: nothing (the ResourceWarning is ignored by default)', () => {
    expect(run('3.12', src.replace('FLAGS', '0'))).toBe('end of script\n');
    expect(run('3.12', src.replace('FLAGS', 'gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL'))).toBe('end of script\n');
  });
  it('2.7 prints nothing', () => {
    expect(run('2.7', src.replace('FLAGS', 'gc.DEBUG_UNCOLLECTABLE'))).toBe('end of script\n');
  });
});
