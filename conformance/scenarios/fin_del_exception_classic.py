# An exception in __del__ of a classic (2.7) / plain (3.12) class instance: the ignored-exception report.
class O:
    def __del__(self):
        raise ValueError('bad value in del')
o = O()
print("deleting")
del o
print("still running")
