class BST:
    class _Node:
        def __init__(self, key, value):
            self.key = key
            self.value = value
            self.left = None
            self.right = None

    def __init__(self):
        self.root = None
        self.count = 0

    def insert(self, key, value):
        if self.root is None:
            self.root = BST._Node(key, value)
            self.count += 1
            return
        cur = self.root
        while True:
            if key == cur.key:
                cur.value = value
                return
            side = "left" if key < cur.key else "right"
            nxt = getattr(cur, side)
            if nxt is None:
                setattr(cur, side, BST._Node(key, value))
                self.count += 1
                return
            cur = nxt

    def find(self, key):
        cur = self.root
        while cur:
            if key == cur.key:
                return cur.value
            cur = cur.left if key < cur.key else cur.right
        raise KeyError(key)

    def __getitem__(self, key):
        return self.find(key)

    def __setitem__(self, key, value):
        self.insert(key, value)

    def __contains__(self, key):
        try:
            self.find(key)
            return True
        except KeyError:
            return False

    def __len__(self):
        return self.count

    def __iter__(self):
        stack, cur = [], self.root
        while stack or cur:
            while cur:
                stack.append(cur)
                cur = cur.left
            cur = stack.pop()
            yield cur.key
            cur = cur.right

    def height(self, node="root"):
        if node == "root":
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))


t = BST()
for word in "the quick brown fox jumps over the lazy dog".split():
    t[word] = t[word] + 1 if word in t else 1
print(len(t), t.height())
print(list(t))
print([(k, t[k]) for k in t if t[k] > 1])
print("fox" in t, "cat" in t)
try:
    t["cat"]
except KeyError as e:
    print("missing:", e)
nums = BST()
for n in [50, 30, 70, 20, 40, 60, 80, 10]:
    nums.insert(n, n * n)
print(list(nums), nums.height(), nums[40], min(nums), max(nums))
