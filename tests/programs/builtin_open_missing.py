# An uncaught error from open(): the traceback shows the caller's frames
# only, as CPython's (whose open is written in C).
def load(name):
    with open(name) as f:
        return f.read()


print("before")
load("_no_such_file_for_open_missing.txt")
