/**
 * The JavaScript weak containers, with real garbage collection (`--expose-gc`): unit tests and
 * fast-check properties — over random add/delete/kill/collect sequences a container never
 * yields a collected object and never keeps a dropped one alive.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IterableWeakMap } from './IterableWeakMap.js';
import { IterableWeakSet } from './IterableWeakSet.js';
import { WeakValueMap } from './WeakValueMap.js';
import { collectGarbage } from './testing.js';

interface Thing {
  id: number;
}

function make(id: number): Thing {
  return { id };
}

describe('WeakValueMap', () => {
  it('behaves as a Map while values are alive', () => {
    const a = make(1);
    const b = make(2);
    const m = new WeakValueMap<string, Thing>([['a', a]]);
    m.set('b', b);
    expect(m.get('a')).toBe(a);
    expect(m.has('b')).toBe(true);
    expect(m.size).toBe(2);
    expect([...m.keys()]).toEqual(['a', 'b']);
    expect([...m.values()]).toEqual([a, b]);
    expect([...m]).toEqual([
      ['a', a],
      ['b', b],
    ]);
    const seen: string[] = [];
    m.forEach((v, k, map) => {
      expect(map).toBe(m);
      seen.push(`${k}=${v.id}`);
    });
    expect(seen).toEqual(['a=1', 'b=2']);
    expect(m.delete('a')).toBe(true);
    expect(m.delete('a')).toBe(false);
    expect(Object.prototype.toString.call(m)).toBe('[object WeakValueMap]');
    m.clear();
    expect(m.size).toBe(0);
  });

  it('drops an entry once its value is collected', async () => {
    const m = new WeakValueMap<string, Thing>();
    const keep = make(1);
    m.set('keep', keep);
    (() => {
      m.set('gone', make(2));
    })();
    await collectGarbage();
    expect(m.has('gone')).toBe(false);
    expect(m.get('gone')).toBeUndefined();
    expect(m.size).toBe(1);
    expect([...m.keys()]).toEqual(['keep']);
    expect(keep.id).toBe(1);
  });

  it('replacing a value does not let the old value\'s finalizer remove the new entry', async () => {
    const m = new WeakValueMap<string, Thing>();
    const second = make(2);
    (() => {
      m.set('k', make(1));
    })();
    m.set('k', second);
    await collectGarbage();
    expect(m.get('k')).toBe(second);
  });
});

describe('IterableWeakSet', () => {
  it('behaves as a Set while members are alive', () => {
    const a = make(1);
    const b = make(2);
    const s = new IterableWeakSet<Thing>([a]);
    s.add(b).add(b);
    expect(s.size).toBe(2);
    expect(s.has(a)).toBe(true);
    expect([...s]).toEqual([a, b]);
    expect([...s.keys()]).toEqual([a, b]);
    expect([...s.entries()]).toEqual([
      [a, a],
      [b, b],
    ]);
    expect(s.delete(a)).toBe(true);
    expect(s.delete(a)).toBe(false);
    expect(s.has(a)).toBe(false);
    s.clear();
    expect(s.size).toBe(0);
    expect(Object.prototype.toString.call(s)).toBe('[object IterableWeakSet]');
  });

  it('forgets collected members', async () => {
    const s = new IterableWeakSet<Thing>();
    const keep = make(1);
    s.add(keep);
    (() => {
      for (let i = 0; i < 10; i++) s.add(make(100 + i));
    })();
    await collectGarbage();
    expect(s.size).toBe(1);
    expect([...s]).toEqual([keep]);
  });
});

describe('IterableWeakMap', () => {
  it('behaves as a Map while keys are alive', () => {
    const a = make(1);
    const b = make(2);
    const m = new IterableWeakMap<Thing, string>([[a, 'a']]);
    m.set(b, 'b').set(b, 'B');
    expect(m.get(b)).toBe('B');
    expect(m.size).toBe(2);
    expect([...m.keys()]).toEqual([a, b]);
    expect([...m.values()]).toEqual(['a', 'B']);
    expect(m.delete(a)).toBe(true);
    expect(m.has(a)).toBe(false);
    m.clear();
    expect(m.size).toBe(0);
  });

  it('an entry dies with its key, even when the value refers to the key', async () => {
    const m = new IterableWeakMap<Thing, { back: Thing }>();
    const probe: WeakRef<Thing>[] = [];
    (() => {
      const k = make(7);
      m.set(k, { back: k });
      probe.push(new WeakRef(k));
    })();
    await collectGarbage();
    expect(probe[0]!.deref()).toBeUndefined();
    expect(m.size).toBe(0);
    expect([...m]).toEqual([]);
  });
});

// ---- properties ---------------------------------------------------------------------------------

type Op = { kind: 'add'; id: number } | { kind: 'delete'; id: number } | { kind: 'kill'; id: number } | { kind: 'collect' } | { kind: 'iterate' };

const opArb = (ids: number): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({ kind: fc.constant('add' as const), id: fc.nat(ids - 1) }),
    fc.record({ kind: fc.constant('delete' as const), id: fc.nat(ids - 1) }),
    fc.record({ kind: fc.constant('kill' as const), id: fc.nat(ids - 1) }),
    fc.constant({ kind: 'collect' as const }),
    fc.constant({ kind: 'iterate' as const }),
  );

/** A uniform view of the three containers for the property: members are objects. */
interface Face {
  add(o: Thing): void;
  remove(o: Thing): void;
  members(): Thing[];
  size(): number;
}

const faces: Record<string, () => Face> = {
  WeakValueMap: () => {
    const m = new WeakValueMap<number, Thing>();
    return {
      add: (o) => void m.set(o.id, o),
      remove: (o) => void m.delete(o.id),
      members: () => [...m.values()],
      size: () => m.size,
    };
  },
  IterableWeakSet: () => {
    const s = new IterableWeakSet<Thing>();
    return { add: (o) => void s.add(o), remove: (o) => void s.delete(o), members: () => [...s], size: () => s.size };
  },
  IterableWeakMap: () => {
    const m = new IterableWeakMap<Thing, number>();
    return {
      add: (o) => void m.set(o, o.id),
      remove: (o) => void m.delete(o),
      members: () => [...m.keys()],
      size: () => m.size,
    };
  },
};

describe.each(Object.keys(faces))('%s: never yields a dead entry, never keeps one alive', (name) => {
  it('random add/delete/kill/collect sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb(6), { maxLength: 24 }), async (ops) => {
        const face = faces[name]!();
        /** Objects the test still holds strongly. */
        const held = new Map<number, Thing>();
        /** Weak probes of every object ever created. */
        const probes = new Map<number, WeakRef<Thing>>();
        /** Ids currently members (added and not deleted) — some may have been killed. */
        const members = new Set<number>();
        let gen = 0;
        const obj = (id: number): Thing => {
          let o = held.get(id);
          if (o === undefined) {
            o = { id: id * 1000 + gen++ };
            held.set(id, o);
            probes.set(o.id, new WeakRef(o));
          }
          return o;
        };
        // Synchronous steps, so no object lingers in the async function's suspended frame.
        const step = (op: Op): void => {
          switch (op.kind) {
            case 'add': {
              const o = obj(op.id);
              face.add(o);
              members.add(o.id);
              return;
            }
            case 'delete': {
              const o = held.get(op.id);
              if (o !== undefined) {
                face.remove(o);
                members.delete(o.id);
              }
              return;
            }
            case 'kill':
              held.delete(op.id);
              return;
            case 'iterate': {
              // Never yields a dead entry: every yielded object is a member; held members all appear.
              const got = face.members().map((o) => o.id);
              for (const id of got) expect(members.has(id)).toBe(true);
              for (const o of held.values()) if (members.has(o.id)) expect(got).toContain(o.id);
              return;
            }
          }
        };
        const afterCollect = (): void => {
          const heldIds = new Set([...held.values()].map((o) => o.id));
          // Never keeps one alive: every object the test dropped is gone.
          for (const [id, probe] of probes) if (!heldIds.has(id)) expect(probe.deref()).toBeUndefined();
          // Exactly the held members remain.
          const expected = [...members].filter((id) => heldIds.has(id)).sort();
          expect(face.members().map((o) => o.id).sort()).toEqual(expected);
          expect(face.size()).toBe(expected.length);
        };
        for (const op of ops) {
          if (op.kind === 'collect') {
            await collectGarbage(2);
            afterCollect();
          } else step(op);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
