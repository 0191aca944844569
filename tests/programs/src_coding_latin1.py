# -*- coding: latin-1 -*-
# A coding declaration: the source is Latin-1.
s = "café über"
print(s, len(s), [hex(ord(c)) for c in s[3:6]])
print("crlf line")
