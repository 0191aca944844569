import array
for tc in 'bBhHiIlLqQ':
    for v in (-2**64, 2**64, -2**63-1, 2**63, 2**32, -1):
        try:
            array.array(tc,[v])
            print(tc, v, 'ok')
        except Exception as e:
            print(tc, v, type(e).__name__, e)
