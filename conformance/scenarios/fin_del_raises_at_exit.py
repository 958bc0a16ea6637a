# Objects still alive when the program ends are finalized during interpreter shutdown. A __del__
# that raises then is reported as unraisable; 3.12 prints that traceback without source lines
# (the io module it reads them with is gone by then), 2.7 in its one-line form.
class Resource(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("closing %s" % self.name)
        raise ValueError("cannot close %s" % self.name)

def build():
    a = Resource("a")
    b = Resource("b")
    a.peer = b
    b.peer = a
    return a

keep = build()
solo = Resource("solo")
try:
    del solo
except ValueError:
    print("never: __del__ errors are not propagated")
print("end of program")
