"""heapq: the heap queue algorithm on plain lists (Python source shipped in
framevm).

A heap is a list where a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for every
k; a[0] is then the smallest item. Only `<` is used to compare items,
as in CPython. The five list operations come from the Rust module
`_heapq` when it is there; the Python versions below are their
specification (and serve merge/nlargest/nsmallest's max-heap forms)."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check(heap, name, which='argument 1'):
    if not isinstance(heap, list):
        raise TypeError('%s() %s must be list, not %s'
                        % (name, which, type(heap).__name__))


def _sift_up(heap, pos):
    # The item at pos moves towards the root while it is smaller than
    # its parent.
    item = heap[pos]
    while pos > 0:
        parent = (pos - 1) >> 1
        p = heap[parent]
        if item < p:
            heap[pos] = p
            pos = parent
        else:
            break
    heap[pos] = item


def _sift_down(heap, pos):
    # The item at pos moves down along the path of smaller children to a
    # leaf, then back up to where it belongs (fewer comparisons than
    # stopping on the way down).
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    while pos > start:
        parent = (pos - 1) >> 1
        p = heap[parent]
        if item < p:
            heap[pos] = p
            pos = parent
        else:
            break
    heap[pos] = item


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check(heap, 'heappush')
    heap.append(item)
    _sift_up(heap, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check(heap, 'heappop', 'argument')
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        item = heap[0]
        heap[0] = last
        _sift_down(heap, 0)
        return item
    return last


def heapreplace(heap, item):
    """Pop and return the smallest item, and push the new item (the
    returned one may be larger than item)."""
    _check(heap, 'heapreplace')
    if not heap:
        raise IndexError('index out of range')
    top = heap[0]
    heap[0] = item
    _sift_down(heap, 0)
    return top


def heappushpop(heap, item):
    """Push item on the heap, then pop and return the smallest item."""
    _check(heap, 'heappushpop')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_down(heap, 0)
    return item


def heapify(heap):
    """Transform list into a heap, in-place, in O(len(heap)) time."""
    _check(heap, 'heapify', 'argument')
    for i in range(len(heap) // 2 - 1, -1, -1):
        _sift_down(heap, i)


# Max-heap variants, used by merge(reverse=True) (CPython has them as
# private helpers too).

def _sift_down_max(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    while pos > start:
        parent = (pos - 1) >> 1
        p = heap[parent]
        if p < item:
            heap[pos] = p
            pos = parent
        else:
            break
    heap[pos] = item


def _heapify_max(heap):
    for i in range(len(heap) // 2 - 1, -1, -1):
        _sift_down_max(heap, i)


def _heappop_max(heap):
    last = heap.pop()
    if heap:
        item = heap[0]
        heap[0] = last
        _sift_down_max(heap, 0)
        return item
    return last


def _heapreplace_max(heap, item):
    top = heap[0]
    heap[0] = item
    _sift_down_max(heap, 0)
    return top


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into a single sorted output, lazily.

    Entries are [value, order, next] lists: `order` breaks ties so that
    equal values come out in the order of their inputs (a stable merge)."""
    h = []
    if reverse:
        heapify_, pop_, replace_ = _heapify_max, _heappop_max, _heapreplace_max
        direction = -1
    else:
        heapify_, pop_, replace_ = heapify, heappop, heapreplace
        direction = 1
    for order, it in enumerate(map(iter, iterables)):
        nxt = it.__next__
        try:
            value = nxt()
        except StopIteration:
            continue
        if key is None:
            h.append([value, order * direction, nxt])
        else:
            h.append([key(value), order * direction, value, nxt])
    heapify_(h)
    if key is None:
        while len(h) > 1:
            try:
                while True:
                    value, order, nxt = s = h[0]
                    yield value
                    s[0] = nxt()
                    replace_(h, s)
            except StopIteration:
                pop_(h)
        if h:
            value, order, nxt = h[0]
            yield value
            yield from _rest(nxt)
        return
    while len(h) > 1:
        try:
            while True:
                k, order, value, nxt = s = h[0]
                yield value
                value = nxt()
                s[0] = key(value)
                s[2] = value
                replace_(h, s)
        except StopIteration:
            pop_(h)
    if h:
        k, order, value, nxt = h[0]
        yield value
        yield from _rest(nxt)


def _rest(nxt):
    while True:
        try:
            v = nxt()
        except StopIteration:
            return
        yield v


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable, smallest first (as
    sorted(iterable, key=key)[:n])."""
    if n <= 0:
        return []
    if n == 1:
        sentinel = object()
        it = iter(iterable)
        result = min(it, default=sentinel, key=key) if key is not None \
            else min(it, default=sentinel)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    # A max-heap of the n best seen so far, keyed by (key, order): the
    # order makes equal keys come out in input order (stability).
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(n), it)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for elem in it:
            if elem < top:
                _heapreplace_max(result, (elem, order))
                top = result[0][0]
                order += 1
        result.sort()
        return [elem for elem, order in result]
    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [elem for k, order, elem in result]


def nlargest(n, iterable, key=None):
    """The n largest items of iterable, largest first (as
    sorted(iterable, key=key, reverse=True)[:n])."""
    if n <= 0:
        return []
    if n == 1:
        sentinel = object()
        it = iter(iterable)
        result = max(it, default=sentinel, key=key) if key is not None \
            else max(it, default=sentinel)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    # A min-heap of the n best so far; the order counts down so that
    # equal keys come out in input order.
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for elem in it:
            if top < elem:
                heapreplace(result, (elem, order))
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)
        return [elem for elem, order in result]
    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [elem for k, order, elem in result]


try:
    from _heapq import heappush, heappop, heapify, heapreplace, heappushpop
except ImportError:
    pass
