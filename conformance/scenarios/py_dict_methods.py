# dict methods with int keys (order is deterministic in both versions): get, setdefault, pop, update, items, del.
d = {3: 'c', 1: 'a', 2: 'b'}
print("sorted items: %r" % sorted(d.items()))
print("get: %r %r %r" % (d.get(1), d.get(9), d.get(9, 'z')))
print("setdefault: %r %r" % (d.setdefault(4, 'd'), d.setdefault(1, 'x')))
print("pop: %r %r" % (d.pop(4), d.pop(9, 'none')))
d.update({5: 'e'}, )
d.update([(6, 'f')])
print("after update: %r" % sorted(d.keys()))
print("len: %d, 5 in d: %s, 'a' in d: %s" % (len(d), 5 in d, 'a' in d))
del d[5]
print("after del: %r" % sorted(d.items()))
c = d.copy()
c[1] = 'changed'
print("copy independent: %r %r" % (d[1], c[1]))
d.clear()
print("cleared: %r" % (d,))
try:
    d[1]
except KeyError as e:
    print("KeyError: %s" % e)
print("dict from pairs: %r" % sorted(dict([(1, 2), (3, 4)]).items()))
print("fromkeys: %r" % sorted(dict.fromkeys([1, 2], 0).items()))
print("single-entry repr: %r" % ({'only': [1]},))
