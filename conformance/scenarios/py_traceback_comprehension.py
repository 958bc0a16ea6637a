# An exception raised by a call inside a list comprehension: the traceback points at the call.
def weight(item):
    return {'a': 1, 'b': 2}[item]
items = ['a', 'b', 'c']
print([weight(i) for i in items[:2]])
weights = [weight(i) for i in items]
