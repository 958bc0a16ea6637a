# Sorting: stability, keys, reverse, 2.7 cmp, comparison order (timsort) and errors.
sorted([(1, 'b'), (0, 'z'), (1, 'a'), (0, 'y')], key=lambda t: t[0])
sorted([(1, 'b'), (0, 'z'), (1, 'a'), (0, 'y')], key=lambda t: t[0], reverse=True)
sorted(['b', 'A', 'c', 'B'], key=str.lower)
sorted('hello')
sorted({3: 'a', 1: 'b'})
sorted([3, 1, 2], reverse=True)
sorted([1.5, 1, True, 0.5])
sorted([[2], [1, 2], [1]])
sorted([(2, 'a'), (1, 'b'), (1, 'a')])
2.7| sorted([3, 1, 2], cmp=lambda a, b: b - a)
2.7| sorted([3, 1, 2], lambda a, b: cmp(b, a))
2.7| sorted(['a', 'B', 'c'], cmp=lambda a, b: cmp(a.lower(), b.lower()))
2.7| sorted([1, 'a', None, 2.5, [1], (1,)])
3.12| sorted([1, 'a'])
3.12| sorted([None, 1])
!l = [5, 2, 8, 1]; l.sort(); r = l
r
!l = list(range(100)); l.reverse(); l.sort(); r = l[:5] + l[-5:]
r
!!
count = [0]
class K(object):
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        count[0] += 1
        return self.v < o.v
import_order = [37, 12, 99, 4, 56, 73, 21, 88, 3, 64, 45, 18, 90, 27, 51, 9, 82, 34, 60, 15]
!!
!r = [k.v for k in sorted([K(x) for x in import_order])]; n = count[0]
(r, n)
!!
count[0] = 0
data = [(i * 7919) % 1000 for i in range(300)]
res = sorted([K(x) for x in data])
!!
(count[0], [k.v for k in res][:8])
!!
count[0] = 0
res = sorted([K(x % 10) for x in range(200)])
!!
count[0]
!!
count[0] = 0
res = sorted([K(x) for x in range(300)] + [K(x) for x in range(150)])
!!
count[0]
!!
count[0] = 0
res = sorted([K(-x) for x in range(500)])
!!
count[0]
!!
count[0] = 0
big = [((i * 2654435761) % 4096) for i in range(2000)]
res = sorted([K(x) for x in big])
!!
(count[0], [k.v for k in res][:5])
!l = [3, 1, 2]; l.sort(key=lambda x: x, reverse=1); r = l
r
!!
def bad(a):
    return 1 if a < 3 else 'x'
!!
3.12| sorted([1, 5, 2, 4], key=bad)
!!
class Mut(object):
    def __init__(self, l, v):
        self.l = l
        self.v = v
    def __lt__(self, o):
        self.l.append(0)
        return self.v < o.v
!!
!lst = []; lst.extend([Mut(lst, 2), Mut(lst, 1)]); lst.sort()
len(lst)
