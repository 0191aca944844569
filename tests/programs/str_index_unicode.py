s = 'aé€😀' * 2000
n = 0
for i in range(len(s)):
    if s[i] == '€':
        n += 1
print(n, s[5:9], s[-3:], s[::1001], s[7990:], len(s[1000:6000]), s[-1], s[3])
t = 'hello world'
print(t[::-1], t[1:8:2], t[-5:], t[4], t[100:], t[-100:3])
u = 'ß' + 'x' * 200 + 'ÿ' + 'y' * 70
for i in (0, 1, 63, 64, 65, 127, 128, 200, 201, 202, 271):
    print(i, u[i], u[i:i + 3], u[-i - 1])
print(len(u), u.find('ÿ'), u[201:203], u[150:250].count('x'))
try:
    u[272]
except IndexError as e:
    print('IndexError', e)
