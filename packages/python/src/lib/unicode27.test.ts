/**
 * 2.7 `unicode(x)` calls `type(x).__unicode__` (a classic instance's own attribute) before
 * falling back to `str(x)`; a str result is decoded as ASCII. Outputs printed by CPython 2.7.18.
 */
import { describe, expect, it } from 'vitest';
import { createModuleProviders } from '../providers.js';
import { runProgram } from '../run.js';

function run27(source: string): string {
  let out = '';
  runProgram({ version: '2.7', filename: 'u.py', source, modules: createModuleProviders(), stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return out;
}

describe('2.7 unicode() and __unicode__', () => {
  it('prefers __unicode__, coerces its result, falls back to __str__, reaches through proxies', () => {
    const src = `import weakref
class S(object):
    def __unicode__(self):
        return u'uni'
    def __str__(self):
        return 'str'
class T(object):
    def __unicode__(self):
        return 'from str'
class U(object):
    def __str__(self):
        return 'only str'
class Bad(object):
    def __unicode__(self):
        return 3
class Classic:
    def __unicode__(self):
        return u'classic'
s = S()
print(repr(unicode(s)), repr(unicode(T())), repr(unicode(U())), repr(unicode(Classic())))
print(repr(unicode(weakref.proxy(s))))
try:
    unicode(Bad())
except TypeError as e:
    print(e)
`;
    expect(run27(src)).toBe(
      '("u\'uni\'", "u\'from str\'", "u\'only str\'", "u\'classic\'")\nu\'uni\'\ncoercing to Unicode: need string or buffer, int found\n',
    );
  });
});
