# sys.excepthook = None: 2.7 treats it as missing, 3.12 reports the failed call (TypeError) and the original exception.
import sys
sys.excepthook = None
def g():
    return {}["missing"]
g()
