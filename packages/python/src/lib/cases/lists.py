[].pop()
[1].pop(5)
[1,2,3].pop(-1)
[1].remove(2)
[1].index(2)
[1,2,3].index(3, 1)
[1,2,3].index(1, 1)
[1,2,2].count(2)
!l = [3,1,2]; l.sort(); r = l
r
!l = [3,1,2]; l.sort(reverse=True); r = l
r
!l = ['b','A','c']; l.sort(key=str.lower); r = l
r
!l = [1,'a']; l.sort()
!l = [(1,'b'),(1,'a'),(0,'z')]; l.sort(key=lambda x: x[0]); r = l
r
2.7| sorted([3,1,2], cmp=lambda a,b: b-a)
2.7| sorted([3,1,2], lambda a,b: b-a)
sorted([3,1,2], key=lambda x: -x, reverse=True)
sorted('bca')
sorted({3:1, 1:2})
sorted([1, None])
!l=[1,2]; l.insert(-10, 0); r = l
r
!l=[1,2]; l.insert(10, 3); r = l
r
!l=[1,2]; l.extend(range(3)); r = l
r
!l=[1,2]; l.extend(5)
!l=[1,2]; l.reverse(); r = l
r
!l=[1,2]; l += (3,); r = l
r
!l=[1,2]; l *= 2; r = l
r
3.12| [1,2].copy()
3.12| [1].clear()
[1,2] == [1,2]
[1,2] < [1,3]
[1,2] < [1]
(1,2) < (1,2,3)
(1,2).index(2)
(1,2).count(1)
(1,2).index(5)
tuple([1,2])
tuple()
list()
list('ab')
list({1:2})
[1,2] * 2
[[]] * 3
(1,) * 0
[1] + [2]
(1,) + (2,)
hash((1,2))
hash([])
!l = [1]; l.sort(key=1)
!l = [1]; l.sort(reverse=None)
reversed([1,2])
list(reversed([1,2]))
list(reversed((1,2)))
list(reversed('ab'))
list(reversed(range(3)))
reversed(1)
[1,2].__len__()
[1,2].__getitem__(0)
[1,2].__contains__(2)
[] .__iadd__([1])
