# show_growth with a caller-owned peak_stats dict: it is filled and updated; a fresh dict reports full totals.
import objgraph
class Item(object):
    pass
user = lambda o: isinstance(o, Item)
ps = {}
items = [Item() for i in range(4)]
objgraph.show_growth(peak_stats=ps, filter=user)
print("peak_stats: %r" % (sorted(ps.items()),))
items.extend([Item(), Item()])
objgraph.show_growth(peak_stats=ps, filter=user)
print("peak_stats: %r" % (sorted(ps.items()),))
print("--- new dict")
objgraph.show_growth(peak_stats={}, filter=user)
