# `for` over ranges, lists and tuples, with the loop variable's store done
# by FOR_ITER itself: mutation during iteration, old values freed, cells.


def grows():
    lst = [1, 2, 3]
    seen = []
    for x in lst:
        seen.append(x)
        if x < 6:
            lst.append(x + 3)
    print(seen, lst)


def shrinks():
    lst = list(range(8))
    seen = []
    for x in lst:
        seen.append(x)
        lst.pop()
    print(seen, lst)


def replaced_items():
    lst = ["a", "b", "c"]
    out = []
    for i, _ in enumerate(lst):
        lst[i] = lst[i] * 2
    for s in lst:
        out.append(s)
        lst[-1] = "last"
    print(out, lst)


def frees_old_values():
    acc = 0
    for chunk in [[1] * 3, [2] * 4, [3] * 5]:
        acc += sum(chunk)
    print(acc, chunk)
    for t in ((1, "x"), (2, "y")):
        pass
    print(t)


def loop_var_is_a_cell():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    print([f() for f in fs])
    gs = []
    for j in [10, 20]:
        def g(j=j):
            return j
        gs.append(g)
    print([g() for g in gs])


def loop_var_elsewhere():
    class O:
        pass

    o = O()
    d = {}
    for o.attr in [1, 2, 3]:
        pass
    for d["k"] in ("p", "q"):
        pass
    print(o.attr, d)


n_global = None


def loop_var_global():
    global n_global
    for n_global in range(4):
        pass
    print(n_global)


def nested_and_else():
    rows = [(1, 2), (3, 4), (5, 6)]
    total = 0
    for row in rows:
        for v in row:
            if v == 5:
                break
            total += v
        else:
            continue
        break
    else:
        print("no break")
    print(total)
    for x in ():
        print("never")
    else:
        print("empty tuple, else ran")


def same_list_twice():
    lst = [1, 2]
    pairs = []
    for a in lst:
        for b in lst:
            pairs.append((a, b))
    print(pairs)
    it = iter([7, 8, 9])
    for x in it:
        for y in it:
            print(x, y)


def unbound_before():
    for k in []:
        pass
    try:
        print(k)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    for k in [1]:
        pass
    del k
    for k in (2,):
        print(k)


for f in [grows, shrinks, replaced_items, frees_old_values, loop_var_is_a_cell,
          loop_var_elsewhere, loop_var_global, nested_and_else,
          same_list_twice, unbound_before]:
    f()

for m in ["module", "level"]:
    pass
print(m)
