# show_most_common_types(file=...) writes to any object with write(); nothing goes to stdout.
import objgraph
class Capture(object):
    def __init__(self):
        self.chunks = []
    def write(self, s):
        self.chunks.append(s)
class Widget(object):
    pass
widgets = [Widget() for i in range(5)]
cap = Capture()
objgraph.show_most_common_types(file=cap, filter=lambda o: isinstance(o, Widget))
print("chunks written: %d" % len(cap.chunks))
print("text: %r" % "".join(cap.chunks))
