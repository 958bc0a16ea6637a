# objgraph docs uncollectable.txt: a list subclass with __del__ in a cycle (2.7: gc.garbage; 3.12: freed), and its class graph.
import gc
import sys
import objgraph
class Nondestructible(list):
    def __del__(self):
        pass
x = Nondestructible()
y = []
z = []
x.append(y)
y.append(z)
z.append(x)
del x, y, z
_ = gc.collect()
print(len(gc.garbage), objgraph.count('Nondestructible'))
objgraph.show_backrefs(objgraph.by_type('Nondestructible'), filter=lambda o: isinstance(o, list), filename='finalizers.dot')
sys.stdout.write(open('finalizers.dot').read().replace('_has_a_del', ' _has_a_del'))
objgraph.show_refs(Nondestructible, max_depth=1, filename='class-with-finalizers.dot')
lines = open('class-with-finalizers.dot').read().splitlines()
print("%d lines; %s" % (len(lines), [l.strip() for l in lines if 'label="type' in l or 'label="tuple' in l or 'label="__del' in l]))
