"""Runs every job of the oracle in native CPython, through the very harness the browser sandbox uses
(src/runtime/sandbox.py, transport.py), and writes what each printed as the page would show it.

Usage: python driver.py jobs.json results.json (with fix401_host, fix401_sandbox and
fix401_transport importable, and FIX401_ORACLE_PORT naming the bridge)."""
import io
import json
import sys

import fix401_host
import fix401_sandbox


class _Tee(io.TextIOBase):
    """Collects stdout and stderr in the order they were written, as the page's Output region does."""

    def __init__(self, sink):
        self.sink = sink

    def writable(self):
        return True

    def write(self, text):
        self.sink.append(text)
        return len(text)


def main(jobs_path, results_path):
    with open(jobs_path, encoding="utf-8") as handle:
        jobs = json.load(handle)
    results = []
    real_out, real_err = sys.stdout, sys.stderr
    for job in jobs:
        fix401_host.call({"op": "start", "job": job["id"]})
        printed = []
        sys.stdout = sys.stderr = _Tee(printed)
        try:
            failure_type, traceback_text, epilogue_output = fix401_sandbox.run(
                job["code"], job["env"], job["files"], job["virtualNow"], job.get("epilogue")
            )
        finally:
            sys.stdout, sys.stderr = real_out, real_err
        results.append(
            {
                "id": job["id"],
                "printed": "".join(printed),
                "failureType": failure_type,
                "traceback": traceback_text,
                "epilogueOutput": epilogue_output,
            }
        )
    with open(results_path, "w", encoding="utf-8") as handle:
        json.dump(results, handle)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
