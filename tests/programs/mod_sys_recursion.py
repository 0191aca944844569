import sys

sys.setrecursionlimit(60)


def depth(n):
    return depth(n + 1) if n < 200 else n


try:
    depth(0)
except RecursionError as e:
    print("RecursionError")
sys.setrecursionlimit(1000)
print(depth(0))
