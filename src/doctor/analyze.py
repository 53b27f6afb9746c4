"""The 401 doctor's code reader: finds the causes of a 401 in `requests` code with Python's own
`ast`, never running it. Runs in the Python worker (Pyodide, CPython 3.14) and under native
CPython 3.11+ in the tests. `analyze(source)` returns JSON: {ok, error?, findings, facts}.

Each finding: {id, line, snippet, detail, confidence}; ids are the cause ids of src/doctor/causes.ts.
The reading is deliberately shallow: names are resolved to their last simple assignment, which is
how short scripts that end up in front of a 401 are written.
"""
import ast
import json
import os
import sys

# The checks live beside this file (in the worker: the folder it is written to).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from analyze_ast import METHODS, _dotted  # noqa: E402
from analyze_calls import CallChecks  # noqa: E402
from analyze_credentials import CredentialChecks  # noqa: E402
from analyze_flow import FlowChecks  # noqa: E402


class Analyzer(CallChecks, CredentialChecks, FlowChecks):
    def __init__(self, source):
        self.source = source
        self.lines = source.splitlines()
        self.tree = ast.parse(source)
        self.findings = []
        self.facts = {"authSchemes": [], "usesBasicAuth": False, "usesDigestAuth": False, "sendsAuthorization": False, "envVars": [], "files": [], "passesAuth": False}
        self.assigned = {}  # name -> [value nodes in source order]
        self.requests_names = set()  # names bound to the requests module
        self.method_names = {}  # from requests import post -> {'post': 'post'}
        self.auth_classes = {"basic": {"HTTPBasicAuth"}, "digest": {"HTTPDigestAuth"}}
        self.sessions = set()
        self.trust_env_off = False
        self.parents = {}

    # --- collection ------------------------------------------------------------------------
    def collect(self):
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == "requests":
                        self.requests_names.add(alias.asname or "requests")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("requests"):
                for alias in node.names:
                    if alias.name in METHODS:
                        self.method_names[alias.asname or alias.name] = alias.name
                    elif alias.name == "Session":
                        self.sessions.add("__Session_class__:" + (alias.asname or alias.name))
            elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        self.assigned.setdefault(target.id, []).append(node.value)
                        if self._is_session_call(node.value):
                            self.sessions.add(target.id)
                    elif isinstance(target, ast.Attribute) and target.attr == "trust_env":
                        self.trust_env_off = True
            elif isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
                if self._is_session_call(node.context_expr):
                    self.sessions.add(node.optional_vars.id)

    def _is_session_call(self, node):
        if not isinstance(node, ast.Call):
            return False
        name = _dotted(node.func)
        return name.endswith(".Session") and name.split(".")[0] in self.requests_names or "__Session_class__:" + name in self.sessions

    def resolve(self, node, depth=0):
        """The expression a name stands for (its last simple assignment), else the node itself."""
        while isinstance(node, ast.Name) and node.id in self.assigned and depth < 4:
            node = self.assigned[node.id][-1]
            depth += 1
        return node

    def add(self, cause, node, detail, confidence):
        line = getattr(node, "lineno", 1)
        if any(f["id"] == cause and f["line"] == line for f in self.findings):
            return
        snippet = self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""
        self.findings.append({"id": cause, "line": line, "snippet": snippet, "detail": detail, "confidence": confidence})

    def run(self):
        self.collect()
        self.check_auth_classes()
        self.collect_env_vars()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call):
                self.check_call(node)
        self.check_header_assignments()
        self.check_scopes()
        self.collect_files()
        self.findings.sort(key=lambda f: f["line"])
        return {"ok": True, "findings": self.findings, "facts": self.facts}


def analyze(source):
    """JSON text: the findings for `source`, or {ok: false, error} when it does not parse."""
    try:
        result = Analyzer(source).run()
    except SyntaxError as exc:
        result = _failed(f"SyntaxError: {exc.msg} (line {exc.lineno})")
    except (RecursionError, ValueError) as exc:  # a pathological paste must not take the worker down
        result = _failed(f"{type(exc).__name__}: {exc}")
    return json.dumps(result)


def _failed(error):
    facts = {"authSchemes": [], "usesBasicAuth": False, "usesDigestAuth": False, "sendsAuthorization": False, "envVars": [], "files": [], "passesAuth": False}
    return {"ok": False, "error": error, "findings": [], "facts": facts}


if __name__ == "__main__":
    import sys

    print(analyze(sys.stdin.read()))
