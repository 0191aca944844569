class EmptyError(Exception):
    pass


class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)
        return self

    def pop(self):
        if not self._items:
            raise EmptyError("pop from empty stack")
        return self._items.pop()

    def peek(self):
        return self._items[-1] if self._items else None

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __repr__(self):
        return f"Stack({self._items})"


class Queue:
    def __init__(self):
        self._in = Stack()
        self._out = Stack()

    def enqueue(self, x):
        self._in.push(x)

    def dequeue(self):
        if not self._out:
            while self._in:
                self._out.push(self._in.pop())
        try:
            return self._out.pop()
        except EmptyError:
            raise EmptyError("dequeue from empty queue") from None

    def __len__(self):
        return len(self._in) + len(self._out)


def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    s = Stack()
    for ch in text:
        if ch in "([{":
            s.push(ch)
        elif ch in pairs:
            try:
                if s.pop() != pairs[ch]:
                    return False
            except EmptyError:
                return False
    return not s


for t in ["(a[b]{c})", "([)]", "((", "())", "", "{[()()]}"]:
    print(repr(t), balanced(t))

s = Stack().push(1).push(2).push(3)
print(s, len(s), s.peek())
print(s.pop(), s)
q = Queue()
for i in range(4):
    q.enqueue(i * 10)
print(q.dequeue(), q.dequeue(), len(q))
q.enqueue(99)
out = []
while len(q):
    out.append(q.dequeue())
print(out)
try:
    q.dequeue()
except EmptyError as e:
    print("EmptyError:", e, "| cause:", e.__cause__)
