# get_new_ids keeps its state in three defaultdict(set) objects on the heap; skip_update on the first call returns the empty one.
import gc
import objgraph
class Item(object):
    pass
print("defaultdicts before: %d" % objgraph.count('defaultdict'))
first = objgraph.get_new_ids(skip_update=True)
print("first skip_update: %s %d keys" % (type(first).__name__, len(first)))
print("defaultdicts after: %d" % objgraph.count('defaultdict'))
objgraph.get_new_ids(limit=0)
objgraph.get_new_ids(limit=0)
keep = [Item(), Item()]
ids = objgraph.get_new_ids(limit=0)
print("same object: %s, Item ids: %d" % (ids is first, len(ids['Item'])))
print("a missing type gives an empty set: %r" % (len(ids['NoSuchType']),))
holders = [o for o in gc.get_referrers(ids['Item']) if type(o).__name__ == 'defaultdict']
print("the Item set is held by the returned dict: %s" % (holders == [ids]))
try:
    objgraph.get_new_ids(limit=0, sortby='size')
except KeyError as e:
    print("KeyError: %s" % e)
print("still %d defaultdicts, Item ids: %d" % (objgraph.count('defaultdict'), len(ids['Item'])))
