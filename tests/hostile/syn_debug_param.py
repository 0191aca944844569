def f(__debug__=2):
    pass
