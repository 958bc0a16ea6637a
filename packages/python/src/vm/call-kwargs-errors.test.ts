/**
 * The errors of a call's `**mapping` name the callable as CPython does (2.7: PyEval_GetFuncName +
 * PyEval_GetFuncDesc; 3.12: _PyObject_FunctionStr). Expected values are CPython 2.7.18 / 3.12.1.
 */
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../run-captured.js';

const run = (version: '2.7' | '3.12', source: string) => runCaptured(version, source).out;

describe('f(**mapping) errors name the callable', () => {
  const source = `
def f(key=None): pass
class C(object):
    def m(self, key=None): pass
for fn in (f, C().m, C, len):
    try:
        fn(key=1, **{'key': 2})
    except TypeError as e:
        print(e)
try:
    f(**[1])
except TypeError as e:
    print(e)
try:
    f(**{1: 2})
except TypeError as e:
    print(e)
`;
  it('2.7: PyEval_GetFuncName + PyEval_GetFuncDesc', () => {
    expect(run('2.7', source)).toBe(
      "f() got multiple values for keyword argument 'key'\nm() got multiple values for keyword argument 'key'\ntype object got multiple values for keyword argument 'key'\nlen() got multiple values for keyword argument 'key'\nf() argument after ** must be a mapping, not list\nf() keywords must be strings\n",
    );
  });
  it('3.12: _PyObject_FunctionStr', () => {
    expect(run('3.12', source)).toBe(
      "__main__.f() got multiple values for keyword argument 'key'\n__main__.C.m() got multiple values for keyword argument 'key'\n__main__.C() got multiple values for keyword argument 'key'\nlen() got multiple values for keyword argument 'key'\n__main__.f() argument after ** must be a mapping, not list\nkeywords must be strings\n",
    );
  });
});
