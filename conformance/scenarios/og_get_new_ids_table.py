# get_new_ids table (objgraph's doctest): after two priming calls, new user objects top the Count_Deltas column.
import objgraph
class Item(object):
    pass
class Other(object):
    pass
objgraph.get_new_ids(limit=0)
objgraph.get_new_ids(limit=0)
items = [Item() for i in range(300)]
others = [Other() for i in range(250)]
new_ids = objgraph.get_new_ids(limit=2)
print("%d new Item ids, %d new Other ids" % (len(new_ids['Item']), len(new_ids['Other'])))
del items[:100]
others.extend([Other() for i in range(400)])
new_ids = objgraph.get_new_ids(limit=1, sortby='new')
print("same dict back: %s" % (objgraph.get_new_ids(skip_update=True) is new_ids))
print("Item ids are old ones: %d new, %d current" % (len(new_ids['Item']), len(objgraph.at_addrs(set(id(i) for i in items)))))
class Capture(object):
    def __init__(self):
        self.lines = []
    def write(self, s):
        self.lines.append(s)
cap = Capture()
objgraph.get_new_ids(limit=1, file=cap)
print("nothing new: %d writes" % len(cap.lines))
print("%d table lines" % len(''.join(cap.lines).splitlines()))
print(type(new_ids).__name__, repr(new_ids['Other'])[:3])
