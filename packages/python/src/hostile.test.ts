/**
 * Hostile input, one test per class: every case ends with a clear error — a Python exception
 * inside the simulation (caught by the program, or reported as CPython would report it), a
 * stopped run with a HeapLab message, or a typed error at the TypeScript API — and the heap
 * passes its invariant check afterwards (`checkInvariants`: no dangling references, refcounts at
 * least the references the heap accounts for — exact where the test knows every holder —,
 * consistent generation lists, CPython's tracking rules).
 *
 * Related tests elsewhere: parser limits and random mutations (parser/stress.test.ts,
 * parser/errors.test.ts), corrupted share links (apps/playground/src/engine/share.test.ts),
 * handle misuse basics (heap/src/repr.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  checkInvariants,
  DoubleReleaseError,
  ForeignHandleError,
  FreedObjectError,
  Handle,
  Heap,
  listAppend,
  newList,
  PyException,
  ReleasedHandleError,
  toPy,
  WrongKindError,
} from '@heaplab/heap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProgram } from './run.js';

const cli = fileURLToPath(new URL('../bin/heaplab.mjs', import.meta.url));

interface Run {
  out: string;
  exitCode: number;
}

function run(version: '2.7' | '3.12', source: string, budgets: { stepBudget?: number; objectBudget?: number; hardDepthLimit?: number } = {}): Run {
  let out = '';
  const write = (t: string) => {
    out += t;
  };
  const r = runProgram({ version, filename: 'hostile.py', source, stdout: write, stderr: write, ...budgets });
  expect(checkInvariants(r.interp.heap).map((v) => v.message)).toEqual([]);
  return { out, exitCode: r.exitCode };
}

const both = ['2.7', '3.12'] as const;

describe('hostile Python input', () => {
  for (const v of both) {
    it(`${v}: deep nesting — nested literals, expressions and a 200,000-deep list`, () => {
      const lit = run(v, `x = ${'['.repeat(150)}${']'.repeat(150)}\nprint("ok")\n`);
      // 2.7's parser stops at 100 levels (CPython: "s_push: parser stack overflow" MemoryError);
      // HeapLab reports a SyntaxError at the literal. 3.12 accepts 150 levels.
      if (v === '2.7') expect(lit.out).toMatch(/SyntaxError: too many nested parentheses\n$/);
      else expect(lit.out).toBe('ok\n');
      const expr = run(v, `x = ${'-'.repeat(100_000)}1\nprint(x)\n`);
      expect(expr.exitCode).toBe(1);
      expect(expr.out).toMatch(/SyntaxError: maximum recursion depth exceeded during ast construction\n$/);
      // Deep data: freeing it goes through the trashcan, not the host stack.
      const data = run(v, 'x = []\nfor i in range(200000):\n    x = [x]\ndel x\nprint("freed")\n');
      expect(data.out).toBe('freed\n');
    });

    it(`${v}: huge literals — a 2 MB string, a 100,000-item list, a 5,000-digit int`, () => {
      const src = `s = "${'a'.repeat(2_000_000)}"\nprint(len(s))\nl = [${'1,'.repeat(100_000)}]\nprint(len(l))\nn = ${'9'.repeat(5000)}\nprint(n % 7)\n`;
      expect(run(v, src).out).toBe('2000000\n100000\n1\n');
    });

    it(`${v}: unbounded recursion raises RecursionError (catchable in the CLI's large-stack worker)`, () => {
      const src = 'def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RuntimeError as e:\n    print(type(e).__name__)\nprint("after")\n';
      // RecursionError is a RuntimeError subclass in 3.12; 2.7 raises RuntimeError itself.
      const expected = v === '2.7' ? 'RuntimeError\nafter\n' : 'RecursionError\nafter\n';
      // The library API on the default Node stack would run out of host stack before the
      // recursion limit; `hardDepthLimit` bounds the Python depth the host must afford, and the
      // program sees a RecursionError it can catch.
      expect(run(v, src, { hardDepthLimit: 300 }).out).toBe(expected);
      // The heaplab command runs programs in a worker with a 256 MB stack: Python's own limit wins.
      if (!existsSync(cli.replace(/bin\/heaplab\.mjs$/, 'dist/cli.js'))) return; // not built
      const dir = mkdtempSync(join(tmpdir(), 'heaplab-hostile-'));
      writeFileSync(join(dir, 'rec.py'), src);
      const r = spawnSync(process.execPath, [cli, 'run', 'rec.py', '--python', v], { cwd: dir, encoding: 'utf8' });
      rmSync(dir, { recursive: true, force: true });
      expect(r.stdout + r.stderr).toBe(expected);
    }, 60_000);

    it(`${v}: an infinite loop is stopped by the step budget`, () => {
      const r = run(v, 'x = []\nwhile True:\n    x.append(1)\n    del x[:]\n', { stepBudget: 50_000 });
      expect(r.exitCode).toBe(124);
      expect(r.out).toBe('HeapLab: step budget exceeded after 50000 steps; the program was stopped.\n');
    });

    it(`${v}: an allocation bomb meets MemoryError at the object budget; the program recovers`, () => {
      const src = 'l = []\ntry:\n    while True:\n        l.append([])\nexcept MemoryError as e:\n    print("MemoryError: %s" % e)\n    del l\nx = [1, 2, 3]\nprint(len(x))\n';
      const r = run(v, src, { objectBudget: 20_000 });
      expect(r.out).toBe('MemoryError: object budget exceeded (20000 live objects)\n3\n');
      expect(r.exitCode).toBe(0);
      // Uncaught, it ends the program like any exception.
      const bomb = run(v, 'd = {}\ni = 0\nwhile True:\n    d[i] = [i]\n    i += 1\n', { objectBudget: 20_000 });
      expect(bomb.exitCode).toBe(1);
      expect(bomb.out).toMatch(/\nMemoryError: object budget exceeded \(20000 live objects\)\n$/);
    });

    it(`${v}: unicode identifiers (3.12: valid; 2.7: SyntaxError like CPython)`, () => {
      const r = run(v, 'λ = 1\nпривет = λ + 1\nprint(привет)\n');
      if (v === '3.12') expect(r.out).toBe('2\n');
      else expect(r.out).toMatch(/SyntaxError: invalid syntax\n$/);
    });

    it(`${v}: HTML/JS in strings, reprs and class names is printed verbatim`, () => {
      const src = [
        'class X(object):',
        '    def __repr__(self):',
        '        return "<script>alert(1)</script>"',
        'print(repr(X()))',
        'print("<b onclick=\\"alert(1)\\">&amp;</b>")',
        'Y = type("<img src=x onerror=alert(1)>", (object,), {})',
        'print(Y.__name__)',
        'print(type(Y()).__name__)',
        '',
      ].join('\n');
      expect(run(v, src).out).toBe('<script>alert(1)</script>\n<b onclick="alert(1)">&amp;</b>\n<img src=x onerror=alert(1)>\n<img src=x onerror=alert(1)>\n');
    });
  }
});

describe('TypeScript API misuse', () => {
  const setup = () => {
    const heap = new Heap({ version: '3.12', writeStderr: () => {} });
    return heap;
  };
  /** Exact check: `held` lists every reference held outside the heap. */
  const exact = (heap: Heap, held: Handle[]) => {
    const m = new Map<number, number>();
    for (const h of held) if (!h.isReleased) m.set(h.ref, (m.get(h.ref) ?? 0) + 1);
    expect(checkInvariants(heap, m).map((v) => v.message)).toEqual([]);
  };

  it('released handles: use and double release throw typed errors; nothing changes', () => {
    const heap = setup();
    const l = new Handle(heap, newList(heap, []));
    const keep = l.dup();
    l.release();
    expect(() => l.ref).toThrow(ReleasedHandleError);
    expect(() => l.append(1)).toThrow(ReleasedHandleError);
    expect(() => l.release()).toThrow(DoubleReleaseError);
    expect(keep.refcount()).toBe(2);
    exact(heap, [keep]);
  });

  it('freed objects: a handle whose object died, or a raw ref to a freed slot', () => {
    const heap = setup();
    const r = newList(heap, []);
    const h = new Handle(heap, r);
    heap.decref(r); // behind the handle's back: the object is freed
    expect(() => h.ref).toThrow(FreedObjectError);
    expect(() => new Handle(heap, r)).toThrow(FreedObjectError);
    exact(heap, []);
  });

  it('foreign objects: a handle from another heap is refused', () => {
    const a = setup();
    const b = setup();
    const la = new Handle(a, newList(a, []));
    const lb = new Handle(b, newList(b, []));
    expect(() => la.append(lb)).toThrow(ForeignHandleError);
    expect(() => toPy(a, lb)).toThrow(ForeignHandleError);
    expect(la.len()).toBe(0);
    exact(a, [la]);
    exact(b, [lb]);
  });

  it('wrong types: list operations on a dict, JS values of containers', () => {
    const heap = setup();
    const d = new Handle(heap, toPy(heap, { a: 1 }));
    const l = new Handle(heap, newList(heap, []));
    expect(() => d.append(1)).toThrow(WrongKindError);
    expect(() => l.setItem('k', 1)).toThrow(WrongKindError);
    expect(() => l.value()).toThrow(WrongKindError);
    // A Python-level TypeError is a PyException (owning the exception object), not a crash.
    let caught: unknown;
    try {
      l.call();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PyException);
    expect((caught as PyException).message).toMatch(/not callable/);
    (caught as PyException).release(heap);
    listAppend(heap, l.ref, d.ref);
    exact(heap, [d, l]);
  });
});
