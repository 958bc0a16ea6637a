# show_refs(output=file-like) writes the DOT text to the object and prints nothing; output+filename is a ValueError.
import objgraph
class Capture(object):
    def __init__(self):
        self.text = ""
    def write(self, s):
        self.text += s
cap = Capture()
objgraph.show_refs([[1, 'a']], output=cap, max_depth=1)
print("captured %d lines" % len(cap.text.splitlines()))
print(cap.text.rstrip())
try:
    objgraph.show_refs([[]], output=cap, filename='x.dot')
except ValueError as e:
    print("ValueError: %s" % e)
