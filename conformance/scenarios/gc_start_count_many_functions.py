# profiles: 2.7
# Thirty functions: sixty symtable lists and thirty code objects; the list and dict free lists run dry and every block costs count0 allocations before the first line.
import gc
print(gc.get_count())
def f1(a):
    return a + 1
def f2(a):
    return a + 2
def f3(a):
    return a + 3
def f4(a):
    return a + 4
def f5(a):
    return a + 5
def f6(a):
    return a + 6
def f7(a):
    return a + 7
def f8(a):
    return a + 8
def f9(a):
    return a + 9
def f10(a):
    return a + 10
def f11(a):
    return a + 11
def f12(a):
    return a + 12
def f13(a):
    return a + 13
def f14(a):
    return a + 14
def f15(a):
    return a + 15
def f16(a):
    return a + 16
def f17(a):
    return a + 17
def f18(a):
    return a + 18
def f19(a):
    return a + 19
def f20(a):
    return a + 20
def f21(a):
    return a + 21
def f22(a):
    return a + 22
def f23(a):
    return a + 23
def f24(a):
    return a + 24
def f25(a):
    return a + 25
def f26(a):
    return a + 26
def f27(a):
    return a + 27
def f28(a):
    return a + 28
def f29(a):
    return a + 29
def f30(a):
    return a + 30
print(f30(1))
