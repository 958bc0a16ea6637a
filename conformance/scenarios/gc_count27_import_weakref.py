# profiles: 2.7
# gc.get_count() across the first `import weakref`: CPython 2.7 runs weakref.py (unmarshalling its
# code, then its classes and functions), and from `import gc`'s count the allocation that takes
# count0 past 700 collects generation 0 in the middle of the import. A second import is a
# sys.modules lookup.
import gc
print(gc.get_count())
import weakref
print(gc.get_count())
import weakref
print(gc.get_count())
