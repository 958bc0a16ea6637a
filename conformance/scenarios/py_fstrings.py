# profiles: 3.12
# f-strings: expressions, format specs, conversions, nested quotes, = specifier and calls.
name = "heap"
n = 42
items = [1, 2, 3]
print(f"{name} has {n} objects")
print(f"{n:5d}|{n:<5}|{n:^7}|{n:08.2f}")
print(f"{name!r} {name!s} {len(items)}")
print(f"{items[1] * 10} {sum(items)}")
print(f"{n=} {name=}")
print(f"{'nested'} {'x' if n > 40 else 'y'}")
width = 6
print(f"[{name:>{width}}]")
print(f"{{braces}} {n:x} {n:#o}")
class Node:
    def __init__(self):
        self.value = 7
print(f"attribute {Node().value}")
