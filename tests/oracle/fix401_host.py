"""The oracle's host for sandbox.py: the same contract python.worker.ts gives the Pyodide sandbox
(clock_advanced, and the mock API answering raw request bytes), here over one TCP connection to the
mock core that tests/oracle/bridge.ts serves on 127.0.0.1.

Frames both ways: 4-byte big-endian length, then a JSON header line and the raw bytes."""
import json
import os
import socket
import struct

_conn = socket.create_connection(("127.0.0.1", int(os.environ["FIX401_ORACLE_PORT"])))


def _read_exact(n):
    data = bytearray()
    while len(data) < n:
        part = _conn.recv(n - len(data))
        if not part:
            raise ConnectionError("the oracle's mock API closed the connection")
        data += part
    return bytes(data)


def call(header, payload=b""):
    frame = json.dumps(header).encode() + b"\n" + payload
    _conn.sendall(struct.pack(">I", len(frame)) + frame)
    (size,) = struct.unpack(">I", _read_exact(4))
    return _read_exact(size)


def exchange(scheme, host, port, request):
    return call({"op": "wire", "scheme": scheme, "host": host, "port": port}, request)


def clock_advanced(ms):
    call({"op": "clock", "ms": ms})
