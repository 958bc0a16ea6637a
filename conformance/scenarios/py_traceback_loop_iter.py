# A generator that raises while a for loop pulls from it: the traceback shows the for line.
def numbers(limit):
    n = 0
    while True:
        if n >= limit:
            raise RuntimeError('generator gave up at %d' % n)
        yield n
        n += 1
total = 0
for value in numbers(3):
    total += value
    print('got', value, 'total', total)
