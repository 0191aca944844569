# compile(..., 'single'): an expression statement prints its repr and binds _.
import builtins
x = 5
exec(compile("x + 1\n", "s", "single"))
exec(compile("None\n", "s", "single"))
exec(compile("for i in range(2): i\n", "s", "single"))
exec(compile("if x: 'yes'\n", "s", "single"))
print(builtins._)
exec(compile("def f():\n    7\n", "s", "single"))
exec(compile("f()\n", "s", "single"))
try:
    compile("x\nx + 1\n", "s", "single")
except SyntaxError as e:
    print("SyntaxError", e.msg)
exec(compile("[1, 'a', None]\n", "s", "single"))
print(eval(compile("3 * 3", "e", "eval")))
