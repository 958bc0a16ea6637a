# objgraph docs "Too many references": show_refs of a 7-item list with too_many=5 adds a "2 more references" node.
import sys, objgraph
objgraph.show_refs([list(range(7))], too_many=5, filename='x.dot')
# The "too_many_o<id>" node name is not masked by the normalizer (no word boundary before "o"),
# so it is split here to let the id normalize like the other node ids.
sys.stdout.write(open('x.dot').read().replace('too_many_o', 'too_many_ o'))
