class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, values=()):
        self.head = None
        self.size = 0
        for v in values:
            self.append(v)

    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self.size += 1

    def prepend(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def remove(self, value):
        prev, cur = None, self.head
        while cur:
            if cur.value == value:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return
            prev, cur = cur, cur.next
        raise ValueError(f"{value!r} not in list")

    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev

    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next

    def __len__(self):
        return self.size

    def __repr__(self):
        return " -> ".join(repr(v) for v in self) or "(empty)"

    def __eq__(self, other):
        return list(self) == list(other)


ll = LinkedList([3, 1, 4])
ll.append(1)
ll.prepend(9)
print(ll, len(ll))
ll.remove(1)
print(ll, len(ll))
ll.reverse()
print(ll)
try:
    ll.remove(42)
except ValueError as e:
    print("ValueError:", e)
print(sum(ll), max(ll), 4 in ll, 7 in ll, sorted(ll))
words = LinkedList("list of words".split())
print(words, [w.upper() for w in words])
empty = LinkedList()
print(empty, len(empty), list(empty))
empty.reverse()
print(LinkedList([1, 2]) == LinkedList([1, 2]), LinkedList([1]) == LinkedList([2]))
for v in list(ll):
    ll.remove(v)
    print(len(ll), ll)
