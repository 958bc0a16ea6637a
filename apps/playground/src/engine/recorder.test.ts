import { describe, expect, it } from 'vitest';
import { AT_EXIT, query, record } from './recorder.js';
import { EXAMPLES } from '../examples.js';
import { NF, type Recording, type StepRec } from './types.js';

const out = (rec: Recording, stream: 0 | 1 = 0) =>
  rec.console
    .filter((c) => c.s === stream)
    .map((c) => c.t)
    .join('');
const nodesAt = (rec: Recording, step: StepRec) => Array.from(step.nodes, (i) => rec.nodes[i]!);
const src = (id: string) => EXAMPLES.find((e) => e.id === id)!.source;

describe('record', () => {
  for (const version of ['2.7', '3.12'] as const) {
    it(`${version}: one step per statement, console and collections attached to steps`, () => {
      const rec = record({ version, source: 'import gc\nx = [1]\nx.append(x)\nprint(1)\ndel x\nprint(gc.collect())\n', interventions: [] });
      const lines = rec.steps.map((s) => s.line);
      expect(lines).toEqual([1, 2, 3, 4, 5, 6, 0, 0]);
      expect(rec.steps.at(-2)!.event).toBe(AT_EXIT);
      expect(rec.steps.at(-1)!.event).toBe(-1);
      expect(out(rec)).toBe('1\n1\n');
      // Output appears at the step after the line that printed it.
      expect(rec.steps[3]!.out).toBe(0);
      expect(rec.steps[4]!.out).toBe(1);
      // Before `print(gc.collect())` runs, the list is unreachable; after, it is gone.
      const before = nodesAt(rec, rec.steps[5]!).filter((n) => n.flags & NF.UNREACHABLE);
      expect(before.map((n) => n.type)).toEqual(['list']);
      expect(nodesAt(rec, rec.steps[6]!).some((n) => n.flags & NF.UNREACHABLE)).toBe(false);
      const manual = rec.collections.filter((c) => c.cause === 'program' && c.line === 6);
      expect(manual.length).toBe(1);
      expect(manual[0]!.collected).toBe(1);
    });
  }

  it('the step budget ends an endless loop with a message', () => {
    const rec = record({ version: '3.12', source: 'while True:\n    pass\n', interventions: [], limits: { stepBudget: 5000, maxSnapshots: 300 } });
    expect(rec.exitCode).toBe(124);
    expect(out(rec, 1)).toContain('step budget exceeded after 5000 steps');
    expect(rec.notices.join(' ')).toMatch(/step budget/);
  });

  it('the object budget ends a runaway allocation with a message', () => {
    const rec = record({ version: '3.12', source: 'items = []\nwhile True:\n    items.append([len(items)])\n', interventions: [], limits: { objectBudget: 20_000, maxSnapshots: 300 } });
    expect(rec.exitCode).toBe(124);
    expect(out(rec, 1)).toContain('object budget exceeded (20000 live objects)');
    expect(rec.notices.join(' ')).toMatch(/object budget/);
  });

  it('stops recording at its limits but runs the program to the end', () => {
    const rec = record({ version: '3.12', source: 'for i in range(500):\n    x = i\nprint(x)\n', interventions: [], limits: { maxSnapshots: 50 } });
    expect(rec.steps.length).toBe(51);
    expect(out(rec)).toBe('499\n');
    expect(rec.notices[0]).toMatch(/Recording stopped after 50 steps \(step limit/);
  });

  it('reports syntax errors with no steps', () => {
    const rec = record({ version: '3.12', source: 'x = (\n', interventions: [] });
    expect(rec.exitCode).toBe(1);
    expect(out(rec, 1)).toMatch(/SyntaxError/);
  });

  it('replays deterministically: the same objects at the same slots', () => {
    const a = record({ version: '3.12', source: src('two-cycle'), interventions: [] });
    const b = record({ version: '3.12', source: src('two-cycle'), interventions: [] });
    expect(b.steps.length).toBe(a.steps.length);
    for (let i = 0; i < a.steps.length; i++) expect(nodesAt(b, b.steps[i]!)).toEqual(nodesAt(a, a.steps[i]!));
  });

  for (const version of ['2.7', '3.12'] as const) {
    it(`${version}: an intervention collects at its step and the rest of the run follows from it`, () => {
      const source = src('self-cycle');
      const plain = record({ version, source, interventions: [] });
      const at = plain.steps.findIndex((s) => s.line === 14);
      const event = plain.steps[at]!.event;
      expect(nodesAt(plain, plain.steps[at]!).filter((n) => n.flags & NF.UNREACHABLE).length).toBe(version === '2.7' ? 2 : 1);
      const rec = record({ version, source, interventions: [{ event, op: 'collect', generation: 2 }] });
      expect(rec.steps.length).toBe(plain.steps.length + 1);
      const after = rec.steps[at + 1]!;
      expect(after.note).toMatch(/^after gc.collect\(2\) \(you, before line 14\)/);
      expect(nodesAt(rec, after).some((n) => n.flags & NF.UNREACHABLE)).toBe(false);
      expect(rec.collections.at(-2)?.cause ?? rec.collections.at(-1)!.cause).toBeDefined();
      expect(rec.collections.find((c) => c.cause === 'you')!.collected).toBe(version === '2.7' ? 2 : 1);
      // The program's own gc.collect() now finds nothing.
      expect(out(rec)).toBe('0\n');
    });
  }

  it('debug flags set by an intervention print what the collector does', () => {
    const source = src('self-cycle');
    const plain = record({ version: '3.12', source, interventions: [] });
    const event = plain.steps.find((s) => s.line === 14)!.event;
    const rec = record({ version: '3.12', source, interventions: [{ event, op: 'setDebug', flags: 2 }] });
    expect(out(rec, 1)).toMatch(/^gc: collectable <OBJ 0x[0-9a-f]+>\n/);
  });

  it('an intervention at the end of the program (before shutdown)', () => {
    const source = 'import gc\ngc.disable()\nclass A(object):\n    pass\na = A()\na.me = a\ndel a\n';
    const plain = record({ version: '3.12', source, interventions: [] });
    const end = plain.steps.findIndex((s) => s.event === AT_EXIT);
    expect(nodesAt(plain, plain.steps[end]!).some((n) => n.flags & NF.UNREACHABLE && n.type === 'A')).toBe(true);
    const rec = record({ version: '3.12', source, interventions: [{ event: AT_EXIT, op: 'collect', generation: 0 }] });
    expect(rec.steps[end + 1]!.note).toMatch(/at the end of the program/);
    expect(nodesAt(rec, rec.steps[end + 1]!).some((n) => n.type === 'A' && n.flags & NF.UNREACHABLE)).toBe(false);
  });

  it('keeps the files a program writes (objgraph DOT output)', () => {
    const rec = record({ version: '3.12', source: src('leak-cache'), interventions: [] });
    const f = rec.files.find((x) => x.path === 'obj_chain.dot')!;
    expect(f.text).toMatch(/^digraph ObjectGraph \{/);
    expect(rec.steps[f.step]).toBeDefined();
    expect(out(rec)).toContain('Graph written to obj_chain.dot (4 nodes)');
  });
});

describe('query (objgraph at a step)', () => {
  for (const version of ['2.7', '3.12'] as const) {
    it(`${version}: why is the leaked OBJ alive — a chain through _cache`, () => {
      const source = src('leak-cache');
      const rec = record({ version, source, interventions: [] });
      const step = rec.steps.findIndex((s) => s.line === 18); // print('after the call:')
      const obj = nodesAt(rec, rec.steps[step]!).find((n) => n.type === 'OBJ')!;
      const r = query({ version, source, interventions: [], step, ref: obj.ref, markStep: 0 });
      expect(r.error).toBeUndefined();
      expect(r.type).toBe('OBJ');
      expect(r.repr).toMatch(/^<__main__\.OBJ object at 0x[0-9a-f]+>$/);
      expect(r.chain.map((c) => c.type)).toEqual(['module', 'dict', 'list', 'OBJ']);
      expect(r.chain.map((c) => c.edge)).toEqual(['__dict__', '_cache', '[0]', '']);
      expect(r.chainDot).toMatch(/^digraph ObjectGraph/);
      expect(r.backrefsDot).toContain('OBJ');
      expect(r.growth!.find(([n]) => n === 'OBJ')).toEqual(['OBJ', 1, 1]);
      expect(r.mostCommon.length).toBeGreaterThan(3);
      expect(r.referrers.some((x) => x.type === 'list')).toBe(true);
    });
  }

  it('a cycle held by nothing has no chain to a module', () => {
    const source = src('self-cycle');
    const rec = record({ version: '3.12', source, interventions: [] });
    const step = rec.steps.findIndex((s) => s.line === 14);
    const obj = nodesAt(rec, rec.steps[step]!).find((n) => n.type === 'OBJ')!;
    const r = query({ version: '3.12', source, interventions: [], step, ref: obj.ref, markStep: null });
    expect(r.chain.map((c) => c.type)).toEqual(['OBJ']);
    expect(r.chainDot).toBe('');
    expect(r.growth).toBeNull();
  });

  it('answers on the final state', () => {
    const source = 'class A(object):\n    pass\nkeep = [A()]\n';
    const rec = record({ version: '2.7', source, interventions: [] });
    const last = rec.steps.length - 2; // before shutdown
    const a = nodesAt(rec, rec.steps[last]!).find((n) => n.type === 'A')!;
    const r = query({ version: '2.7', source, interventions: [], step: last, ref: a.ref, markStep: null });
    expect(r.chain.map((c) => c.type)).toEqual(['module', 'dict', 'list', 'A']);
  });
});
