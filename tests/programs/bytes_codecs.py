# str.encode and bytes.decode: utf-8, ascii, latin-1, error handlers
s = 'naïve € 😀'
print(s.encode(), s.encode('utf-8'), s.encode('UTF8'), s.encode(encoding='utf_8'), len(s.encode()))
print('abc'.encode('ascii'), 'é'.encode('latin-1'), 'é'.encode('latin1'), 'é'.encode('iso-8859-1'))
print(s.encode().decode(), s.encode().decode('utf-8') == s, b'caf\xe9'.decode('latin-1'), b'abc'.decode('ascii'))
for enc in ['ascii', 'latin-1']:
    for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
        try:
            print(enc, errors, s.encode(enc, errors))
        except ValueError as e:
            print(enc, errors, isinstance(e, ValueError), e)
print('aé€x'.encode('ascii', errors='replace'))
try:
    '€€'.encode('ascii')
except ValueError as e:
    print(e)
bad = [b'\xff', b'\xe2\x82', b'\xe2\x28\xa1', b'\xf0\x9f\x98x', b'\xed\xa0\x80', b'a\x80\x80b', b'\xc0\xaf', b'ok\xc3']
for data in bad:
    try:
        data.decode()
    except ValueError as e:
        print(e)
    print(repr(data.decode('utf-8', 'replace')), repr(data.decode('utf-8', 'ignore')), repr(data.decode(errors='backslashreplace')))
for data in [b'\xff', b'ab\x80\x81']:
    try:
        data.decode('ascii')
    except ValueError as e:
        print(e)
    print(repr(data.decode('ascii', 'replace')), repr(data.decode('ascii', 'ignore')), data.decode('latin-1'))
try:
    b'x'.decode('no-such-codec')
except LookupError as e:
    print(e)
try:
    b'\xff'.decode('utf-8', 'no-such-handler')
except LookupError as e:
    print(e)
print(b'fine'.decode('utf-8', 'no-such-handler'))
print(str(b'abc', 'utf-8'), str(b'\xff', 'latin-1'), str(bytearray(b'xy'), encoding='ascii'), str(b'\xffa', 'utf-8', 'ignore'))
print(bytearray('ü', 'utf-8').decode(), memoryview(b'mv').tobytes().decode())
try:
    'é'.encode('ascii', 'surrogateescape')
except ValueError as e:
    print(e)
print(b'ok'.decode('utf-8', 'surrogateescape'))
