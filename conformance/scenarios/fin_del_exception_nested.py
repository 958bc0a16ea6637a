# An exception raised two calls deep inside __del__: the ignored report shows the whole traceback in 3.12.
def check(value):
    if value < 0:
        raise ValueError("negative: %d" % value)
class D(object):
    def __init__(self, value):
        self.value = value
    def cleanup(self):
        check(self.value)
    def __del__(self):
        self.cleanup()
a = D(1)
b = D(-5)
del a
print("a deleted")
del b
print("b deleted")
