print("shapes: running as", __name__)

SIDES = {"triangle": 3, "square": 4}
_hidden = "private"


def area(w, h):
    return w * h


class Box:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return area(self.w, self.h)


counter = 0


def bump():
    global counter
    counter += 1
    return counter
