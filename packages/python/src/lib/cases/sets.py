# Set algebra and iteration order (2.7: deterministic str hashes; ints in both).
set([5, 3, 1, 9, 7])
{10, 1, 100, 1000}
set(range(20))
set([1, 2, 3]) | set([4, 5])
set([1, 2, 3]) & set([2, 3, 4])
set([1, 2, 3]) - set([2])
set([1, 2, 3]) ^ set([3, 4])
frozenset([3, 1, 2])
frozenset([3, 1]) | set([2])
set([2]) | frozenset([3, 1])
set([1, 2]) < set([1, 2, 3])
set([1, 2]) <= set([1, 2])
set([1, 2]) == frozenset([2, 1])
set([1]) < [1]
set([1, 2]).issubset([1, 2, 3])
set([1, 2, 3]).issuperset([1])
set([1, 2]).isdisjoint([3])
set([1, 2]).union([3], (4,))
set([1, 2, 3]).intersection([2, 3], [3])
set([1, 2, 3]).difference([1], [2])
set([1, 2]).symmetric_difference([2, 3])
!s = set([1, 2, 3]); s.add(4); s.discard(1); s.remove(2); r = s
r
!s = set([1]); s.remove(5)
!s = set(); s.pop()
!s = set([5, 6, 7]); a = s.pop(); b = s.pop(); r = (a, b, s)
r
!s = set([1, 2]); s |= set([3]); r = s
r
!s = set([1, 2, 3]); s &= set([2, 3, 4]); r = s
r
!s = set([1, 2, 3]); s -= set([1]); r = s
r
!s = set([1, 2, 3]); s ^= set([1, 9]); r = s
r
!s = set([1, 2]); s |= [3]
!s = set([1, 2]); s.update([3], (4, 5)); r = s
r
!s = set([1, 2, 3, 4]); s.intersection_update([2, 3]); r = s
r
!s = set([1, 2, 3, 4]); s.difference_update([2, 3]); r = s
r
!s = set([1, 2]); s.symmetric_difference_update([2, 3]); r = s
r
set([1, 2]).copy()
frozenset([1]).copy()
set([[1]])
{1: 2}.keys() | {3}
set('abc') == set('cba')
len(set([1, 1, 2]))
1 in set([1])
[1] in set([1])
set([frozenset([1])])
frozenset([1]) in set([frozenset([1])])
set([1]) in set([frozenset([1])])
sorted(set([3, 1, 2]))
hash(frozenset([1, 2, 3]))
hash(frozenset())
set(range(100, 0, -7))
set([1, 2, 3]) - set([1, 2, 3, 4, 5, 6, 7, 8])
set(range(40)) - set([1])
set(x * 37 % 101 for x in range(50))
2.7| set('hello world')
2.7| set(['apple', 'banana', 'cherry', 'date'])
2.7| {'b': 1, 'a': 2, 'c': 3}
2.7| dict.fromkeys('abcdefgh')
2.7| {'x': 1, 'y': 2, 'z': 3, 'w': 4}.keys()
2.7| set(['a', 'b']) | set(['c', 'd'])
2.7| frozenset(['one', 'two', 'three'])
set()
frozenset()
3.12| {1, 2} | {3}
