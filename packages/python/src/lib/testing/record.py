# Records what CPython prints for a HeapLab lib case file (run with CPython 2.7 or 3.12).
#
# Case file format, one case per line:
#   expr            evaluated; the record is "expr => repr(result)" or "expr => ExcType: message"
#   !stmt           executed;  the record is "!stmt => ok" or the exception
#   !!  ...  !!     a block of lines executed together
#   2.7| line       only for that version (also 3.12|)
#   # comment
# Output written by the case (print, sys.stdout.write) is appended as " | out=..." with
# backslash, newline and tab escaped. Addresses (0x + 6 or more hex digits) print as 0x?.
import sys, re
ver = '%d.%d' % sys.version_info[:2]
src = open(sys.argv[1]).read()
lines = src.split('\n')
ns = {'__name__': '__main__'}

class Capture(object):
    def __init__(self):
        self.parts = []
        self.softspace = 0
    def write(self, s):
        # Like a real file object: writing resets the 2.7 softspace flag.
        self.parts.append(s)
        self.softspace = 0
    def flush(self):
        pass

def esc(s):
    return s.replace('\\', '\\\\').replace('\n', '\\n').replace('\t', '\\t')

def run(kind, text, label):
    cap = Capture()
    saved = sys.stdout
    sys.stdout = cap
    try:
        try:
            if kind == 'exec':
                exec(compile(text, '<case>', 'exec'), ns)
                out = 'ok'
            else:
                out = repr(eval(compile(text, '<case>', 'eval'), ns))
        except Exception as e:
            out = '%s: %s' % (type(e).__name__, e)
    finally:
        sys.stdout = saved
    out = re.sub(r'0x[0-9a-f]{6,}', '0x?', out)
    printed = ''.join(cap.parts)
    if not isinstance(printed, str):
        printed = printed.encode('utf-8')
    if printed:
        out += ' | out=' + esc(re.sub(r'0x[0-9a-f]{6,}', '0x?', printed))
    sys.stdout.write('%s => %s\n' % (label, out))

i = 0
while i < len(lines):
    line = lines[i]; i += 1
    if not line.strip() or line.startswith('#'): continue
    m = re.match(r'^(2\.7|3\.12)\| ?(.*)$', line)
    if m:
        if m.group(1) != ver:
            if m.group(2).strip() == '!!':
                while i < len(lines) and lines[i].strip() != '!!': i += 1
                i += 1
            continue
        line = m.group(2)
    if line.strip() == '!!':
        block = []
        while i < len(lines) and lines[i].strip() != '!!':
            block.append(lines[i]); i += 1
        i += 1
        run('exec', '\n'.join(block) + '\n', '!! ' + block[0].strip())
    elif line.startswith('!'):
        run('exec', line[1:], line)
    else:
        run('eval', line, line)
