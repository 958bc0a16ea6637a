# profiles: 2.7
# Constants and names decide the sizes of the code object's tuples: a size whose free list is empty costs a new allocation. Tuples of constants are folded by the peephole optimizer (a new tuple each) and `from m import a, b` makes a names tuple (whose constant key, a 3-tuple, lives while the module compiles).
import gc
from gc import get_count, get_threshold
print(get_count())
point = (1, 2, 3)
nested = (1, (2, 3), "a")
x = 2 * 3 + 1
flag = x in [7, 8]
print(point, nested, x, flag)
