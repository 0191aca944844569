# Source with CRLF and CR newlines and tab indentation, read as CPython reads it.
x = """a
bc"""
print(repr(x))print(1)
if x:
	print("tab")
	if 1:
		print("tab2")
