# seed 15 variation: show_refs of a handler object whose closure holds a config dict, written to a .dot file and summarized.
import objgraph, sys
class Config(object):
    def __init__(self):
        self.opts = {'retries': 3}
def make_handler(cfg):
    def handle(x):
        return x * cfg.opts['retries']
    return handle
class Service(object):
    def __init__(self, cfg):
        self.handler = make_handler(cfg)
svc = Service(Config())
print(svc.handler(2))
objgraph.show_refs(svc, max_depth=4, filename='svc.dot',
                   filter=lambda o: type(o).__name__ not in ('module', 'code', 'tuple', 'dict') or o is svc.__dict__)
lines = open('svc.dot').read().splitlines()
print(lines[0])
print(len([l for l in lines if '->' in l]) > 0)
for l in lines:
    if 'label=' in l and ('Config' in l or 'Service' in l or 'function' in l or 'cell' in l):
        sys.stdout.write(l + '\n')
