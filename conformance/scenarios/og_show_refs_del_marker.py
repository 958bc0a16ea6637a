# Objects whose class defines __del__ get a red "__del__" doublecircle node attached in objgraph graphs.
import sys, objgraph
class Fin(object):
    def __del__(self):
        pass
class Plain(object):
    pass
pair = [Fin(), Plain()]
objgraph.show_refs([pair], filename='x.dot', max_depth=1)
# The "o<id>_has_a_del" node name is not masked by the normalizer (no word boundary after the id),
# so it is split here to let the id normalize like the other node ids.
sys.stdout.write(open('x.dot').read().replace('_has_a_del', ' _has_a_del'))
