# from __future__ import print_function: sep, end, and printing several values the same way in both versions.
from __future__ import print_function
import sys
print("a", "b", "c")
print("a", "b", sep="-")
print("no newline", end="")
print(" <- continued")
print(1, 2.5, None, [1], (2,))
print("to stderr as well", file=sys.stderr)
print()
print("done")
