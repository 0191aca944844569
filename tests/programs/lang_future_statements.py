# Future statements as CPython's compiler checks them: only at the top of
# a module (after its docstring), naming features that exist.
sources = [
    "from __future__ import annotations, nope\n",
    "from __future__ import braces\n",
    "import sys\nfrom __future__ import annotations\n",
    "x = 1\nfrom __future__ import division\n",
    '"""doc"""\nfrom __future__ import annotations\nfrom __future__ import generator_stop\nx = 1\n',
    "from __future__ import print_function as pf, with_statement\nprint(pf)\n",
    "# a comment\n\nfrom __future__ import annotations\n",
]
for src in sources:
    try:
        compile(src, "<future>", "exec")
        print("compiles")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
