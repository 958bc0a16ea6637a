# profiles: 2.7
# Spec 1.7.12: at 2.7 exit module globals are set to None before objects die, so __del__ using globals fails.
import sys
class D(object):
    def __del__(self):
        sys.stdout.write("__del__ ran\n")
keep = D()
print("end of script")
