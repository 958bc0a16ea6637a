# profiles: 3.12
# Spec 4.5: an instance's attribute values die in the class's shared-key order (3.12), not the instance's assignment order.
class D(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__ %s" % self.name)
class H(object):
    def __del__(self):
        print("__del__ holder")
first = H()
first.x = D('first.x')
first.y = D('first.y')
second = H()
second.y = D('second.y')
second.x = D('second.x')
print("del first")
del first
print("del second")
del second
print("end")
