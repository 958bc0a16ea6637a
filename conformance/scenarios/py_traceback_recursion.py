# Unbounded recursion: RecursionError (2.7: RuntimeError); 3.12 folds the repeated lines.
import sys
sys.setrecursionlimit(40)
class Node(object):
    def __init__(self):
        self.parent = self
    def depth(self):
        return 1 + self.parent.depth()
Node().depth()
