# profiles: 3.12
# Generators: return values (StopIteration.value), yield from with send/throw/close delegation.
def reader(name):
    total = 0
    while True:
        chunk = yield
        if chunk is None:
            return '%s read %d' % (name, total)
        total += chunk
def pipeline():
    summary = yield from reader('disk')
    print('sub-generator returned:', summary)
    return 'pipeline done'
p = pipeline()
next(p)
p.send(10)
p.send(5)
try:
    p.send(None)
except StopIteration as stop:
    print('StopIteration:', repr(stop), stop.value)
def worker():
    try:
        yield 'working'
    except KeyError as e:
        print('worker handled', e)
        yield 'recovered'
    finally:
        print('worker cleanup')
def boss():
    yield from worker()
b = boss()
print(next(b), b.throw(KeyError('job')))
b.close()
print(next(iter([]), 'default'), list(boss()))
