# An uncaught user-defined exception with a custom __str__, raised from a nested call.
class ConfigError(Exception):
    def __init__(self, key, reason):
        Exception.__init__(self, key, reason)
        self.key = key
        self.reason = reason
    def __str__(self):
        return "bad %s: %s" % (self.key, self.reason)
def check(cfg):
    if 'port' not in cfg:
        raise ConfigError('port', 'missing')
    return cfg['port']
print("port %d" % check({'port': 80}))
check({})
