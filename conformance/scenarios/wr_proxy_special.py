# Proxies and the special methods without operators: reversed(), bytes()/unicode(), index, next() of an iterator.
import weakref, sys
class Seq(object):
    def __init__(self):
        self.n = 0
    def __getitem__(self, i):
        return i * 10
    def __len__(self):
        return 3
    def __index__(self):
        return 2
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
    next = __next__
    def __bytes__(self):
        return b'bytes of Seq'
    def __unicode__(self):
        return u'unicode of Seq'
s = Seq()
p = weakref.proxy(s)
print("next: %d, rest: %r" % (next(p), list(p)))
print("index: %r" % (['a', 'b', 'c'][p],))
try:
    print("reversed: %r" % (list(reversed(p)),))
except (TypeError, AttributeError) as e:
    print("reversed: %s: %s" % (type(e).__name__, e))
if sys.version_info[0] == 3:
    print("text: %r" % (bytes(p),))
else:
    print("text: %r" % (unicode(p),))
class Plain(object):
    pass
keep = Plain()
if sys.version_info[0] == 3:  # 2.7 crashes here (proxy_iternext calls a NULL tp_iternext)
    try:
        next(weakref.proxy(keep))
    except TypeError as e:
        print("next of a non-iterator: TypeError: %s" % e)
