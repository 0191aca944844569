# os.uname(): a posix.uname_result, a 5-tuple with named fields.
import os

u = os.uname()
print(type(u), type(u).__name__)
print(isinstance(u, tuple), len(u))
print(u.sysname, u[0] == u.sysname, u[-1] == u.machine)
print(str(u).startswith("posix.uname_result(sysname='Linux', nodename="), repr(u) == str(u))
print(all(isinstance(x, str) for x in u))
print(("%s " * len(u)) % u == "".join(x + " " for x in u))
print(u[1:3] == (u.nodename, u.release), u.version == u[3])
sysname, nodename, release, version, machine = u
print(sysname)
