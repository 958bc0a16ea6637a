# Default arguments are evaluated once: a shared mutable default accumulates; None defaults do not.
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1))
print(safe_append(2))
print("defaults tuple: %r" % (append_to.__defaults__,))
def kw(a, b=2, c=3):
    return (a, b, c)
print(kw(1))
print(kw(1, c=30))
print(kw(c=300, a=100))
