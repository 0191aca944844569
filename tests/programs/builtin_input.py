# input() at the end of stdin (the harness gives it /dev/null): the prompt
# is written, then EOFError.
import sys

try:
    input("prompt> ")
except EOFError as e:
    print()
    print("EOFError:", e)
try:
    input("a", "b")
except TypeError as e:
    print(e)
print(sys.stdin.readline() == "")
print("sys.stdout.buffer:", "FileIO" in repr(sys.stdout.buffer))
