dict(a=1)
dict([(1,2)], b=3)
dict({1:2})
dict(1, 2)
!d = {1:2}; d.__init__({3:4}); r = d
r
{}.get(1)
{1:2}.get(1, 5)
{}.setdefault(1)
{}.pop(1)
{}.pop(1, 5)
{}.popitem()
{1:2, 3:4}.popitem()
dict.fromkeys([1,2])
dict.fromkeys('ab', 0)
{1:2}.keys()
{1:2}.values()
{1:2}.items()
2.7| {1:2}.viewkeys()
2.7| {1:2}.has_key(1)
2.7| {1:2}.iteritems()
{1:2}.copy()
!d={}; d.update(a=1); r = d
r
!d={}; d.update([(1,2)]); r = d
r
!d={}; d.update(1)
!d={}; d.update([1])
!d={}; d.update({1:2}, {3:4})
3.12| {1:2} | {3:4}
3.12| {1:2} | 1
3.12| {1:2}.keys() & {1, 5}
3.12| {1:2}.keys() | {5}
3.12| {1:2}.keys() - {1}
3.12| {1:2}.items() & {(1,2)}
3.12| {1:2}.keys() == {1}
3.12| {1:2}.keys().isdisjoint([3])
3.12| {1:2}.keys().mapping
3.12| list(reversed({1:2, 3:4}))
3.12| reversed({1:2}.keys())
len({1:2}.keys())
1 in {1:2}.keys()
(1,2) in {1:2}.items()
2 in {1:2}.values()
{1:2} == {1:2}
{1:2} < {1:3}
{}.__getitem__(1)
{1:2}.__len__()
iter({1:2})
iter({1:2}.items())
{1: 'a', 'b': [1, 2], (1, 2): None}
dict({1:2}, **{'a': 1})
dict.fromkeys()
{}.setdefault()
{}.update(1, 2)
2.7| {1: 2} < {1: 3}
2.7| {1: 2} < {1: 2, 3: 4}
2.7| {1: 2, 3: 4} > {1: 2, 5: 0}
2.7| {'a': 1} <= {'a': 1}
2.7| cmp({1: 2}, {1: 2})
2.7| sorted([{2: 1}, {1: 5}, {1: 2}])
