# show_growth output format (name, total, +delta) for user classes; silent when nothing grew.
import objgraph
class Base(object):
    pass
class Request(Base):
    pass
class ResponseObject(Base):
    pass
user = lambda o: isinstance(o, Base)
objgraph.show_growth(filter=user)
print("--- first leak")
leak = [Request() for i in range(3)] + [ResponseObject() for i in range(12)]
objgraph.show_growth(filter=user)
print("--- nothing new")
objgraph.show_growth(filter=user)
print("--- more requests")
leak.extend([Request() for i in range(120)])
objgraph.show_growth(limit=5, filter=user)
print("--- shortnames=False")
leak.append(Request())
objgraph.show_growth(shortnames=False, filter=user)
