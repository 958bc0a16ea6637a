# list methods and slicing: append/extend/insert/remove/pop/index/count/sort/reverse, slice assignment and deletion.
l = [5, 3, 8]
l.append(1)
l.extend([9, 3])
l.insert(1, 7)
print("built: %r" % (l,))
l.remove(3)
print("remove first 3: %r" % (l,))
print("pop(): %r, pop(0): %r, now %r" % (l.pop(), l.pop(0), l))
print("index(8): %d, count(3): %d" % (l.index(8), l.count(3)))
l.sort()
print("sorted: %r" % (l,))
l.reverse()
print("reversed: %r" % (l,))
l.sort(key=lambda x: -x, reverse=True)
print("sort with key and reverse: %r" % (l,))
print("slices: %r %r %r %r" % (l[1:3], l[:2], l[-2:], l[::2]))
l[1:3] = ['a', 'b', 'c']
print("slice assignment: %r" % (l,))
del l[::2]
print("extended slice deletion: %r" % (l,))
print("concat and repeat: %r %r" % ([1] + [2], [0] * 3))
print("nested: %r" % ([[1, 2], [3]],))
