# objgraph docs: show_backrefs of an object held by 42 lists with too_many=5, max_depth=1 ("37 more backreferences").
import sys, objgraph
class Moo(object):
    pass
moo = Moo()
refs_to_moo = [[moo] for n in range(42)]
objgraph.show_backrefs([moo], too_many=5, max_depth=1, filename='x.dot', filter=lambda x: isinstance(x, list) and len(x) == 1)
# The "too_many_o<id>" node name is not masked by the normalizer (no word boundary before "o"),
# so it is split here to let the id normalize like the other node ids.
sys.stdout.write(open('x.dot').read().replace('too_many_o', 'too_many_ o'))
