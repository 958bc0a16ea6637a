/**
 * Which TypeError a call with too many positional arguments and bad keywords raises: 3.12 binds
 * the keywords first (initialize_locals), 2.7 counts positional arguments first. Expected outputs
 * were printed by CPython 2.7.18 and 3.12.1.
 */
import type { PythonVersion } from '@heaplab/heap';
import { describe, expect, it } from 'vitest';
import { createModuleProviders } from '../providers.js';
import { runProgram } from '../run.js';

function run(version: PythonVersion, source: string): string {
  let out = '';
  runProgram({ version, filename: 'k.py', source, modules: createModuleProviders(), stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return out;
}

const SOURCE = `def log(x):
    pass
for args, kw in [((1, 2), {'k': 3}), ((1,), {'x': 2}), ((), {'k': 1}), ((1, 2), {'x': 3})]:
    try:
        log(*args, **kw)
    except TypeError as e:
        print(e)
`;

describe('argument errors: keywords versus surplus positional arguments', () => {
  it('3.12 reports the keyword error first', () => {
    expect(run('3.12', SOURCE)).toBe(
      "log() got an unexpected keyword argument 'k'\n" +
        "log() got multiple values for argument 'x'\n" +
        "log() got an unexpected keyword argument 'k'\n" +
        "log() got multiple values for argument 'x'\n",
    );
  });

  it('2.7 reports the argument count first', () => {
    expect(run('2.7', SOURCE)).toBe(
      'log() takes exactly 1 argument (3 given)\n' +
        "log() got multiple values for keyword argument 'x'\n" +
        "log() got an unexpected keyword argument 'k'\n" +
        'log() takes exactly 1 argument (3 given)\n',
    );
  });
});
