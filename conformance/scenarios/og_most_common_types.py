# most_common_types restricted to user classes: sorted by count, limit, and objects=.
import objgraph
class Base(object):
    pass
class One(Base):
    pass
class Two(Base):
    pass
class Three(Base):
    pass
keep = [One()] + [Two() for i in range(2)] + [Three() for i in range(3)]
only_user = lambda o: isinstance(o, Base)
print("all user types: %r" % (objgraph.most_common_types(limit=None, filter=only_user),))
print("limit 2: %r" % (objgraph.most_common_types(limit=2, filter=only_user),))
print("from objects: %r" % (objgraph.most_common_types(objects=keep[:3]),))
