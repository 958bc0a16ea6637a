# An exception raised inside an except block: 3.12 prints both tracebacks joined by "During handling...", 2.7 only the last.
def parse(text):
    try:
        return int(text)
    except ValueError:
        raise KeyError(text)
print(parse("12"))
parse("twelve")
