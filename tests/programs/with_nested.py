events = []


class Tag:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        events.append("<" + self.name + ">")
        return self.name

    def __exit__(self, exc_type, exc, tb):
        events.append("</" + self.name + ">")
        return False


with Tag("html"):
    with Tag("body") as b:
        with Tag("p") as p:
            events.append(b + "/" + p)
print("".join(events))

events.clear()
with Tag("a") as a, Tag("b") as b, Tag("c") as c:
    events.append(a + b + c)
print(events)

events.clear()
try:
    with Tag("outer"):
        with Tag("inner"):
            raise ValueError("boom")
except ValueError as e:
    events.append("caught " + str(e))
print(events)


class Indent:
    level = 0

    def __enter__(self):
        Indent.level += 1
        return self

    def __exit__(self, *a):
        Indent.level -= 1

    def say(self, text):
        print("    " * Indent.level + text)


with Indent() as ind:
    ind.say("level one")
    with Indent():
        ind.say("level two")
        with Indent():
            ind.say("level three")
        ind.say("back to two")
    ind.say("back to one")
print("level after:", Indent.level)


def render(items):
    out = []
    for it in items:
        with Tag("li"):
            out.append(it)
    return out


events.clear()
print(render(["x", "y"]), "".join(events))
