# get_new_ids (limit=0, no table): ids of new user objects since the previous call, and at_addrs to fetch them.
import objgraph
class Item(object):
    pass
objgraph.get_new_ids(limit=0)
objgraph.get_new_ids(limit=0)
a = [Item() for i in range(3)]
new_ids = objgraph.get_new_ids(limit=0)
print("new Item ids: %d" % len(new_ids['Item']))
found = objgraph.at_addrs(new_ids['Item'])
print("at_addrs gives them back: %s" % (sorted(id(x) for x in found) == sorted(id(x) for x in a)))
del found
print("skip_update returns the same: %s" % (objgraph.get_new_ids(skip_update=True) is new_ids))
del a[0]
new_ids = objgraph.get_new_ids(limit=0)
print("after freeing one: new %d" % len(new_ids['Item']))
a.append(Item())
new_ids = objgraph.get_new_ids(limit=0, shortnames=False)
print("qualified key present: %s, new %d" % ('__main__.Item' in new_ids, len(new_ids['__main__.Item'])))
