# objgraph docs extra-info.txt: show_refs with extra_info=lambda x: hex(id(x)), then objgraph.at() finds the object by that id.
import sys
import objgraph
x = []
y = [x, [x], dict(x=x)]
objgraph.show_refs([y], extra_info=lambda x: hex(id(x)), filename='extra-info.dot')
sys.stdout.write(open('extra-info.dot').read())
print(objgraph.at(id(x)) is x)
a = 'a string'
print(objgraph.at(id(a)))
addr = int(hex(id(y[1])), 16)
print(objgraph.at(addr) is y[1])
