# An uncaught exception without sys.excepthook: "sys.excepthook is missing", then the usual report.
import sys
sys.__excepthook__(ValueError, ValueError("called directly"), None)
try:
    sys.excepthook(1)
except TypeError as e:
    print(e)
del sys.excepthook
raise RuntimeError("boom")
