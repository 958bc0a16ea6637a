# An uncaught AttributeError raised inside a method called from a function: traceback lines and message.
class Account(object):
    def __init__(self, owner):
        self.owner = owner
    def describe(self):
        return "%s has %d" % (self.owner, self.balance)
def report(acct):
    print("reporting on %s" % acct.owner)
    return acct.describe()
report(Account("ann"))
