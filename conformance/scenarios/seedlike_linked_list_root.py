# seed 13 variation: a circular doubly linked list with a sentinel root (OrderedDict style), 5 nodes, broken or not.
import gc
gc.disable()
gc.collect()
def build(n):
    root = []
    root[:] = [root, root, None]
    for i in range(n):
        last = root[0]
        node = [last, root, i]
        last[1] = node
        root[0] = node
    return root
root = build(5)
values = []
node = root[1]
while node is not root:
    values.append(node[2])
    node = node[1]
print("values: %r" % (values,))
del node
del root
print("collect without break: %d" % gc.collect())
root = build(5)
node = root[1]
while node is not root:
    nxt = node[1]
    del node[:]
    node = nxt
del root[:]
del root, node, nxt
print("collect after manual break: %d" % gc.collect())
