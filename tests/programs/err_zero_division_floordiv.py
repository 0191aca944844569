def pages_needed(items, per_page):
    return (items + per_page - 1) // per_page


def plan(total_items, page_sizes):
    for per in page_sizes:
        print(f"{per} per page -> {pages_needed(total_items, per)} pages")


plan(25, [10, 3, 1, 0, 5])
