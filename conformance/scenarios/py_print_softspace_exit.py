# profiles: 2.7
# A print statement ending in a comma leaves a pending space; at exit it becomes a newline.
import sys
print "one", "two",
sys.stdout.write("x")
print "three",
