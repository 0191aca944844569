def f():
    x = [v * 2 for v in (yield)]
    print(x)
g = f()
next(g)
try:
    g.send([1, 2, 3])
except StopIteration:
    print('done')
