/**
 * Property tests of the heap containers (WeakSet, WeakValueDictionary, WeakKeyDictionary) in
 * both profiles: over random add/delete/kill/collect sequences, with loops interrupted by
 * deaths, a container never yields a dead object, its len() counts exactly the live members,
 * it never keeps a dropped object alive, and releasing everything leaves no tracked object behind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getIter, iterNext, type Ref } from '@heaplab/heap';
import { Py, VERSIONS } from './testing/harness.js';

type Op =
  | { kind: 'add'; id: number; cyclic: boolean }
  | { kind: 'delete'; id: number }
  | { kind: 'kill'; id: number }
  | { kind: 'collect' }
  | { kind: 'iterate' }
  | { kind: 'iterKill'; ids: number[] };

const IDS = 6;
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), id: fc.nat(IDS - 1), cyclic: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.nat(IDS - 1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('kill' as const), id: fc.nat(IDS - 1) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'collect' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'iterate' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('iterKill' as const), ids: fc.array(fc.nat(IDS - 1), { maxLength: 4 }) }) },
);

interface Face {
  add(o: Ref, uid: number): void;
  remove(o: Ref, uid: number): void;
  /** A generator/iterator over the members (new reference). */
  iterate(): Ref;
  /** Map an iterated item to the member object (borrowed). */
  member(item: Ref): Ref;
}

function face(py: Py, kind: string, c: Ref): Face {
  switch (kind) {
    case 'WeakSet':
      return {
        add: (o) => py.do(c, 'add', o),
        remove: (o) => py.do(c, 'discard', o),
        iterate: () => getIter(py.heap, c),
        member: (x) => x,
      };
    case 'WeakValueDictionary':
      return {
        add: (o, uid) => py.do(c, '__setitem__', py.int(uid), o),
        remove: (_o, uid) => quietly(py, () => py.do(c, '__delitem__', py.int(uid))),
        iterate: () => py.m(c, py.is27 ? 'itervalues' : 'values'),
        member: (x) => x,
      };
    default:
      return {
        add: (o, uid) => py.do(c, '__setitem__', o, py.int(uid)),
        remove: (o) => quietly(py, () => py.do(c, '__delitem__', o)),
        iterate: () => py.m(c, py.is27 ? 'iterkeys' : 'keys'),
        member: (x) => x,
      };
  }
}

/** Run `fn`, ignoring a Python exception (`try: ... except KeyError: pass`). */
function quietly(py: Py, fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    const exc = (e as { exc?: Ref }).exc;
    if (exc === undefined) throw e;
    py.heap.decref(exc);
  }
}

describe.each(VERSIONS)('heap containers (%s)', (version) => {
  for (const kind of ['WeakSet', 'WeakValueDictionary', 'WeakKeyDictionary']) {
    it(`${kind}: never yields a dead object, never keeps one alive`, () => {
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
          const py = new Py(version);
          py.gc.disable();
          const Obj = py.cls('Obj');
          py.collect();
          const baseline = py.gc.getObjects().length;
          const c = py.call(py.w(kind));
          const f = face(py, kind, c);
          /** Strong references the test owns, by id. */
          const held = new Map<number, { ref: Ref; gen: number; uid: number }>();
          /** Every object ever created: [ref, generation]. */
          const all: { ref: Ref; gen: number; uid: number }[] = [];
          /** Members by uid (added, not deleted). */
          const members = new Set<number>();
          let nextUid = 1;
          const isAlive = (o: { ref: Ref; gen: number }): boolean => py.heap.isLive(o.ref) && py.heap.generation[o.ref] === o.gen;
          const liveMembers = (): number[] => all.filter((o) => members.has(o.uid) && isAlive(o)).map((o) => o.uid).sort((a, b) => a - b);
          const uidOfLive = (r: Ref): number => {
            const o = all.find((x) => x.ref === r && isAlive(x));
            expect(o).toBeDefined(); // never yields a dead (freed) object
            return o!.uid;
          };
          const drain = (it: Ref): number[] => {
            const got: number[] = [];
            for (;;) {
              const x = iterNext(py.heap, it);
              if (x === 0) break;
              const uid = uidOfLive(f.member(x));
              expect(members.has(uid)).toBe(true);
              got.push(uid);
              py.decref(x);
            }
            return got;
          };
          const checkLen = (): void => {
            expect(py.len(c)).toBe(liveMembers().length);
          };
          for (const op of ops) {
            switch (op.kind) {
              case 'add': {
                let o = held.get(op.id);
                if (o === undefined) {
                  const ref = py.call(Obj);
                  if (op.cyclic) py.set(ref, 'me', ref);
                  o = { ref, gen: py.heap.generation[ref]!, uid: nextUid++ };
                  held.set(op.id, o);
                  all.push(o);
                }
                f.add(o.ref, o.uid);
                members.add(o.uid);
                break;
              }
              case 'delete': {
                const o = held.get(op.id);
                if (o !== undefined) {
                  f.remove(o.ref, o.uid);
                  members.delete(o.uid);
                }
                break;
              }
              case 'kill': {
                const o = held.get(op.id);
                if (o !== undefined) {
                  held.delete(op.id);
                  py.decref(o.ref);
                }
                break;
              }
              case 'collect':
                py.collect();
                // never keeps one alive: everything the test dropped is gone after a collection
                for (const o of all) if (![...held.values()].includes(o)) expect(isAlive(o)).toBe(false);
                break;
              case 'iterate': {
                const it = f.iterate();
                const got = drain(it);
                py.decref(it);
                expect(got.sort((a, b) => a - b)).toEqual(liveMembers());
                break;
              }
              case 'iterKill': {
                const it = f.iterate();
                const first = iterNext(py.heap, it);
                if (first !== 0) {
                  const uid = uidOfLive(f.member(first));
                  expect(members.has(uid)).toBe(true);
                  py.decref(first);
                }
                for (const id of op.ids) {
                  const o = held.get(id);
                  if (o !== undefined) {
                    held.delete(id);
                    py.decref(o.ref);
                  }
                }
                drain(it); // deaths during the loop do not break it; yielded objects are alive
                py.decref(it);
                break;
              }
            }
            checkLen();
          }
          // Release everything: no tracked object of ours is left behind.
          for (const o of held.values()) py.decref(o.ref);
          py.decref(c);
          py.collect();
          for (const o of all) expect(isAlive(o)).toBe(false);
          expect(py.gc.getObjects().length).toBe(baseline);
        }),
        { numRuns: Number(process.env.WEAKREF_PROP_RUNS ?? 60) },
      );
    }, 300_000);
  }
});
