# profiles: 3.12
# Spec 64: a collection scheduled by an allocation still runs after gc.disable() in 3.12 (right after disable returns).
import gc
gc.disable()
gc.collect()
log = []
def cb(phase, info):
    if phase == "start":
        log.append("start %d" % info["generation"])
gc.callbacks.append(cb)
gc.set_threshold(3)
gc.enable()
a=[];b=[];c=[];d=[];e=[]
log.append("before disable")
gc.disable()
log.append("after disable")
x = [[] for i in range(20)]
log.append("after 20 more lists")
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
for line in log:
    print(line)
