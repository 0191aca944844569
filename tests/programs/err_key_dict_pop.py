sessions = {"u1": "alice", "u2": "bob"}


def logout(sid):
    user = sessions.pop(sid)
    print("bye", user, "remaining:", sessions)


for sid in ["u2", "u1", "u1"]:
    logout(sid)
