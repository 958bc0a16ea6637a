import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { normalize, Scene } from './testkit.js';

const SCEN = new URL('../../../conformance/scenarios/', import.meta.url);
function expected(name: string, version: string): string {
  return readFileSync(new URL(`${name}.${version}.out`, SCEN), 'utf8');
}

describe.each(['2.7', '3.12'] as const)('conformance DOT (%s)', (version) => {
  it('og_show_refs_list', () => {
    const s = new Scene(version);
    const Leaf = s.cls('Leaf');
    const leaf = s.inst(Leaf);
    const data = s.list([s.list([s.int(1), s.int(2)]), s.tuple([s.int(3), leaf])]);
    s.setGlobal('data', data);
    s.og.showRefs([data], { filename: 'x.dot', maxDepth: 2 });
    const got = s.takeOut() + s.io.text('x.dot');
    expect(normalize(got)).toBe(expected('og_show_refs_list', version));
  });
});
