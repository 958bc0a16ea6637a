# Classes: class vs instance attributes, method override, super() calls, isinstance/issubclass, MRO of a diamond.
class Animal(object):
    kind = 'animal'
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return "%s makes a sound" % self.name
class Dog(Animal):
    kind = 'dog'
    def speak(self):
        return super(Dog, self).speak() + " (woof)"
class Puppy(Dog):
    def __init__(self, name):
        super(Puppy, self).__init__(name + " jr")
d = Dog("rex")
p = Puppy("rex")
print(d.speak())
print(p.speak())
print("kinds: %s %s %s" % (Animal.kind, d.kind, p.kind))
print("count: %d" % Animal.count)
p.kind = 'own'
print("instance attribute shadows: %s, class keeps: %s" % (p.kind, Puppy.kind))
print("isinstance: %s %s" % (isinstance(p, Animal), isinstance(d, Puppy)))
print("issubclass: %s" % issubclass(Puppy, Animal))
class A(object):
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super(B, self).who()
class C(A):
    def who(self):
        return "C>" + super(C, self).who()
class D(B, C):
    def who(self):
        return "D>" + super(D, self).who()
print("diamond: %s" % D().who())
print("mro: %s" % [k.__name__ for k in D.__mro__])
