# objgraph docs quoting.txt: a dict of all 256 one-character keys drawn with too_many=600; labels and edge labels are quoted.
import objgraph
all_the_chars = dict((chr(i), i) for i in range(256))
objgraph.show_refs(all_the_chars, too_many=600, filename='all-the-chars.dot')
lines = open('all-the-chars.dot').read().splitlines()
print("%d lines, %d edges" % (len(lines), len([l for l in lines if ' -> ' in l])))
for l in lines:
    if '\\' in l or 'label=" ' in l or '"' in l.split('label=')[-1][1:-3]:
        print(l)
