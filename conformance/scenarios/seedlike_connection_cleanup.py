# seed 12 variation: handlers stored as plain functions (no bound methods) do not make a cycle.
import gc
def handle_chat(conn, msg):
    print("chat: %s" % msg)
class Connection(object):
    MSG_TYPE_CHAT = 1
    def __init__(self):
        self.msg_handlers = {self.MSG_TYPE_CHAT: handle_chat}
    def on_msg(self, msg_type, *args):
        self.msg_handlers[msg_type](self, *args)
class BoundConnection(Connection):
    def __init__(self):
        self.msg_handlers = {self.MSG_TYPE_CHAT: self.chat}
    def on_msg(self, msg_type, *args):
        self.msg_handlers[msg_type](*args)
    def chat(self, msg):
        print("bound chat: %s" % msg)
gc.disable()
gc.collect()
c = Connection()
c.on_msg(Connection.MSG_TYPE_CHAT, "hi")
del c
print("plain-function handlers collected: %d" % gc.collect())
c = BoundConnection()
c.on_msg(Connection.MSG_TYPE_CHAT, "hi")
del c
print("bound-method handlers collected: %d" % gc.collect())
