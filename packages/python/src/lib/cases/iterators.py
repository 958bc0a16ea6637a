enumerate([1])
list(enumerate('ab', 1))
enumerate(1)
enumerate()
3.12| enumerate([], start='a')
3.12| zip([1], 'ab')
3.12| list(zip([1,2], 'ab'))
3.12| list(zip([1,2], 'a', strict=True))
3.12| map(len, [])
3.12| list(map(lambda a, b: a+b, [1,2], [3,4,5]))
3.12| map(1, [1])
3.12| list(map(1, [1]))
3.12| filter(None, [])
3.12| list(filter(None, [0, 1, 2]))
2.7| zip([1,2], 'ab')
2.7| map(None, [1,2], 'a')
2.7| map(len, ['ab', 'c'])
2.7| filter(None, [0, 1])
2.7| filter(None, 'a0b')
2.7| filter(lambda c: c != 'a', 'abc')
2.7| filter(None, (0, 1))
zip()
map(len)
reversed([1])
reversed((1,))
list(reversed(range(5)))
range(5)
range(1, 5)
range(1, 5, 2)
range(0)
len(range(1, 10, 3))
list(range(10, 0, -3))
range(10).count(3)
range(10).index(3)
range(3)[-1]
3.12| range(3).start
3.12| range(1, 2) == range(1, 2)
3.12| range(0) == range(2, 2)
3.12| hash(range(3)) == hash(range(0, 3))
slice(1)
slice(1, 2)
slice(1, 2, 3).indices(10)
slice(None, None, -1).indices(5)
slice(1, 2).start
3.12| hash(slice(1, 2, 3))
iter([1,2,3]).__length_hint__()
next(iter('ab'))
iter(range(3))
2.7| iter(xrange(3))
iter(lambda: 1, 1)
list(iter([1,2].pop, 1))
!it = iter([]); it.__next__() if hasattr(it, '__next__') else it.next()
!!
try:
    next(iter([]))
except StopIteration as e:
    r = (e.args, repr(e))
!!
r
!!
try:
    it = iter([])
    it.__next__() if hasattr(it, '__next__') else it.next()
except StopIteration as e:
    r = (e.args, repr(e))
!!
r
3.12| !!
try:
    next(enumerate([]).__iter__().__next__())
except StopIteration as e:
    r = e.value
!!
3.12| r
