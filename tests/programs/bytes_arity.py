# wrong argument counts to bytes and bytearray methods: CPython 3.11's messages
tests = [lambda: b"a".upper(1), lambda: b"a".count(), lambda: b"a".find(), lambda: b"a".center(), lambda: b"a".replace(b"a"),
         lambda: bytearray().append(), lambda: bytearray().pop(1, 2), lambda: b"a".strip(1, 2), lambda: b"a".partition(),
         lambda: b"a".join(), lambda: b"a".zfill(), lambda: bytearray().insert(1), lambda: b"a".startswith(),
         lambda: b"a".upper(x=1), lambda: b"a".count(b"a", x=1), lambda: b"a".count(1, 2, 3, 4), lambda: bytearray(b"a").upper(2)]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
