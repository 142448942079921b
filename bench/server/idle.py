#!/usr/bin/env python3
"""Holds N idle (or slow: one header byte every few seconds) connections to
HOST:PORT open until killed, printing how many were accepted. They come from
127.0.0.2, another client than the load generator's 127.0.0.1, as another
user's would (Linux answers the whole of 127.0.0.0/8 on loopback).
    idle.py HOST PORT N [slow]"""
import socket
import sys
import time

host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
slow = len(sys.argv) > 4 and sys.argv[4] == "slow"
socks = []
for _ in range(n):
    s = socket.socket()
    s.bind(("127.0.0.2", 0))
    try:
        s.connect((host, port))
        if slow:
            s.send(b"GET /api/ping HTTP/1.1\r\n")
        socks.append(s)
    except OSError:
        s.close()
print(f"{len(socks)} connections held open", flush=True)
while True:
    time.sleep(2)
    if slow:
        for s in socks:
            try:
                s.send(b"X")
            except OSError:
                pass
