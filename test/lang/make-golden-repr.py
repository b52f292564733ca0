"""Regenerates golden-repr.json: Python's own repr of floats and strings, which formatValue mimics.
Run: python3 test/lang/make-golden-repr.py > test/lang/golden-repr.json"""
import json, random, struct

rng = random.Random(1234)
floats = [0.5, 0.1, 1e-05, 0.0001, 0.001, 1e16, 1.5e16, 1234567890123456.7, 1e22, 1e-7, 1.5e-07,
          2.5e-300, 1.7976931348623157e308, 5e-324, -0.0, 0.0, -2.5, 123.456, 1/3, 2/3, 100.25,
          9999999999999998.0, 1e15 + 0.5, 0.30000000000000004, -1e-4, -9.99e-5]
for _ in range(150):
    floats.append(rng.uniform(-1, 1) * 10 ** rng.randint(-20, 20))
for _ in range(150):
    bits = rng.getrandbits(64)
    f = struct.unpack('<d', struct.pack('<Q', bits))[0]
    if f == f and abs(f) != float('inf'):
        floats.append(f)
strings = ['relu', "it's", 'say "hi"', 'both \' and "', 'back\\slash', 'tab\tnew\nline\rret',
           '\x00\x07\x1b\x7f', '\x80\x9f\xa0\xad\xff', 'caf\u00e9 \u4e2d\u6587', '\u2028\u2029\u200b\ufeff',
           '\U0001F600 emoji', '\ud800 lone', '\U000E0001 tag', '\u0378 unassigned', '']
rows = lambda pairs: ',\n'.join('  ' + json.dumps(p) for p in pairs)
print('{"floats": [\n%s\n],\n"strings": [\n%s\n]}' % (
    rows([f.hex(), repr(f)] for f in floats),
    rows([[ord(c) for c in s], repr(s)] for s in strings)))
