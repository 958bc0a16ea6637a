# profiles: 2.7
# The start-up count with class bodies: each class is a symtable block (one dict, two lists) and a code object; methods nest one level deeper, so the symbol table's analysis holds nine more dicts at once.
import gc
print(gc.get_count())
class Node(object):
    "A linked node."
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
    def __repr__(self):
        return "Node(%r)" % (self.value,)
class Leaf:
    kind = "leaf"
