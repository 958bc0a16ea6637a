/**
 * 2.7's build_class prefixes a TypeError raised by native code while calling the metaclass with
 * "Error when calling the metaclass bases"; a TypeError raised by Python code keeps its message,
 * and 3.12 never adds the prefix. Expected outputs were printed by CPython 2.7.18 and 3.12.1.
 */
import type { PythonVersion } from '@heaplab/heap';
import { describe, expect, it } from 'vitest';
import { createModuleProviders } from '../providers.js';
import { runProgram } from '../run.js';

function run(version: PythonVersion, source: string): string {
  let out = '';
  runProgram({ version, filename: 'meta.py', source, modules: createModuleProviders(), stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return out;
}

const SOURCE = `try:
    class B(bool):
        pass
except TypeError as e:
    print("E: %s" % e)
class S(object):
    __slots__ = ('a', '__weakref__')
try:
    class T(S):
        __slots__ = ('__weakref__',)
except TypeError as e:
    print("E: %s" % e)
try:
    class M(type):
        def __new__(m, n, b, d):
            raise TypeError("from python")
    class X(object):
        __metaclass__ = M
    X = M('X', (object,), {})
except TypeError as e:
    print("E: %s" % e)
try:
    type('U', (bool,), {})
except TypeError as e:
    print("E: %s" % e)
`;

describe('TypeError messages of a failing class statement', () => {
  it('2.7 prefixes native errors raised while calling the metaclass', () => {
    expect(run('2.7', SOURCE)).toBe(
      'E: Error when calling the metaclass bases\n    type \'bool\' is not an acceptable base type\n' +
        'E: Error when calling the metaclass bases\n    __weakref__ slot disallowed: either we already got one, or __itemsize__ != 0\n' +
        'E: from python\n' +
        "E: type 'bool' is not an acceptable base type\n",
    );
  });

  it('3.12 keeps the messages as they are', () => {
    expect(run('3.12', SOURCE)).toBe(
      "E: type 'bool' is not an acceptable base type\n" +
        'E: __weakref__ slot disallowed: we already got one\n' +
        'E: from python\n' +
        "E: type 'bool' is not an acceptable base type\n",
    );
  });
});
