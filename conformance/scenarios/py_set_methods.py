# sets of small ints (deterministic order): operations, methods and the repr that differs between versions.
s = set([3, 1, 2])
print("repr: %r" % (s,))
print("empty repr: %r" % (set(),))
print("frozenset repr: %r" % (frozenset([2, 1]),))
t = set([2, 3, 4])
print("ops: %r %r %r %r" % (sorted(s | t), sorted(s & t), sorted(s - t), sorted(s ^ t)))
s.add(10)
s.discard(99)
s.remove(1)
print("after add/discard/remove: %r" % sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError: %s" % e)
print("subset: %s, superset: %s, disjoint: %s" % (set([2]) <= s, s >= set([2, 3]), s.isdisjoint([7])))
print("len %d, 3 in s: %s" % (len(s), 3 in s))
print("set comprehension: %r" % sorted(set([x % 3 for x in range(10)])))
