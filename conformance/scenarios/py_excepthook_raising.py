# sys.excepthook gets the uncaught exception after sys.last_* are set; a hook that raises prints both reports.
import sys
print(sys.excepthook is sys.__excepthook__, sys.excepthook)
def eh(t, v, tb):
    sys.stdout.write("hook: %s %s line %d\n" % (t.__name__, v, tb.tb_lineno))
    sys.stdout.write("last_*: %s %s %s\n" % (sys.last_type is t, sys.last_value is v, sys.last_traceback is tb))
    sys.stdout.write("frames: %s\n" % [f.tb_frame.f_code.co_name for f in [tb, tb.tb_next]])
    raise KeyError("in hook")
sys.excepthook = eh
def f():
    raise RuntimeError("boom")
f()
