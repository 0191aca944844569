# Indentation errors the parser finds are IndentationErrors (a subclass
# of SyntaxError) with CPython's messages; compile errors carry msg,
# lineno, filename and str() "msg (file, line n)".

cases = [
    "def f():\n  a\n a\n",
    " a\n",
    "if 1:\npass\n",
    "if 1:\n    a\n        b\n",
    "x = 1\n  \n y = 2\n",
    "def f():\npass",
    "async def f():\npass",
    "class C:\npass",
    "for x in y:\npass",
    "while x:\npass",
    "with a:\npass",
    "try:\npass",
    "try:\n  pass\nexcept E as e:\npass",
    "try:\n  pass\nfinally:\npass",
    "if 1:\n  pass\nelif 2:\npass",
    "if 1:\n  pass\nelse:\npass",
    "if (1 and\n  2):\n# comment\npass",
    "with a:\n  if {1: 2}:\n  x",
    "if 1:",
]
for src in cases:
    try:
        exec(src)
        print("compiled")
    except IndentationError as e:
        print(type(e).__name__, issubclass(type(e), SyntaxError), "|", e.msg, "|", e.lineno, "|", e)
    except SyntaxError as e:
        print("SyntaxError", e.lineno)

try:
    compile("def g():\n\n  x = 1\n    y = 2\n", "mod.py", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.filename, e.lineno, str(e))

e = SyntaxError("m", ("dir/f.py", 3, 1, "x\n", 3, 2))
print(e, "|", e.msg, e.lineno, e.filename, e.offset, repr(e.text))
print(SyntaxError("plain"), "|", IndentationError("x", ("a/b.py", None, 1, None)))
print(isinstance(IndentationError(), SyntaxError), issubclass(TabError, IndentationError))
