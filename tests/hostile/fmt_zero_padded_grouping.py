# Found by the numfmt fuzz target: zero padding with grouping was added
# one zero at a time at the front (quadratic in the width).
for v, spec in [(0, '01000510_x'), (-255, '0=2000001,d'), (12345, '0800000_b'),
                (1.5, '0900001,.2f'), (7, '010_x'), (7, '09,'), (-1, '06,'), (123, '05_o')]:
    t = format(v, spec)
    print(spec, len(t), t[:24], t[-24:])
