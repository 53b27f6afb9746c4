"""The 401 doctor's code reader: checks on the credentials themselves (an Authorization value,
auth=, AuthBase subclasses). A mixin of analyze.Analyzer."""
import ast
import re

from analyze_ast import PLACEHOLDER, _const_str, _dotted, _is_base64_pair, _is_utf8_encode


class CredentialChecks:
    # --- the Authorization value -----------------------------------------------------------
    def check_auth_value(self, node, depth=0):
        original = node
        node = self.resolve(node)
        text = _const_str(node)
        if text is not None:
            self.check_literal(text, original if hasattr(original, "lineno") else node)
            return
        if isinstance(node, ast.JoinedStr):
            head = _const_str(node.values[0]) if node.values else None
            if head is None:
                self.add("missing-scheme", node, "The f-string starts with the token: there is no scheme word such as 'Bearer ' before it.", "high")
            else:
                self.note_scheme(head, node)
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    self.check_token_source(part.value)
            return
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            head = _const_str(self.resolve(node.left))
            if head is not None:
                self.note_scheme(head, node)
                if "{" in head and "}" in head and isinstance(node.op, ast.Add):
                    self.add("token-not-fstring", node, f"{head!r} has braces but is not an f-string.", "high")
            else:
                self.add("missing-scheme", node, "The value starts with the token: no scheme word before it.", "medium")
            right = node.right
            for part in right.elts if isinstance(right, ast.Tuple) else [right]:
                self.check_token_source(part)
            return
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            head = _const_str(node.func.value)
            if head is not None:
                self.note_scheme(head, node)
            for part in list(node.args) + [kw.value for kw in node.keywords]:
                self.check_token_source(part)
            return
        if depth == 0 and node is not None:
            # A bare variable: whatever it holds is sent with no scheme word unless it contains one.
            self.check_token_source(node, bare=True)

    def check_literal(self, text, node):
        scheme, _, credentials = text.strip().partition(" ")
        if scheme.lower() == "basic" and credentials and not _is_base64_pair(credentials):
            self.add("basic-by-hand", node, f"{text!r}: Basic credentials are base64 of user:password; auth=(user, password) builds them.", "high")
        if PLACEHOLDER.search(text):
            self.add("placeholder-token", node, f"{text!r} is a placeholder, not a token.", "high")
        elif re.search(r"\{[A-Za-z_][\w.]*\}", text):
            self.add("token-not-fstring", node, f"{text!r} is a plain string: Python sends the braces literally (it needs an f prefix).", "high")
        elif " " not in text.strip():
            self.add("missing-scheme", node, "The header value is the token alone, with no scheme word such as 'Bearer '.", "high")
        else:
            self.note_scheme(text, node)

    def note_scheme(self, head, node):
        word = head.split(" ")[0] if " " in head else ""
        if not word:
            if head and not PLACEHOLDER.search(head):
                self.add("missing-scheme", node, f"{head!r} has no space after the scheme word.", "medium")
            return
        if word not in self.facts["authSchemes"]:
            self.facts["authSchemes"].append(word)
        if word.lower() == "basic":
            self.facts["usesBasicAuth"] = True

    def check_token_source(self, node, bare=False):
        """Where the token comes from: os.getenv (None), a file or env var (whitespace)."""
        resolved = self.resolve(node)
        if isinstance(resolved, ast.Call):
            name = _dotted(resolved.func)
            if name in ("os.getenv", "getenv", "os.environ.get", "environ.get") and len(resolved.args) < 2 and not resolved.keywords:
                var = _const_str(resolved.args[0]) if resolved.args else "?"
                self.add(
                    "getenv-none",
                    resolved,
                    f"{name}({var!r}) returns None when {var} is not set, and the header then says 'Bearer None'.",
                    "medium",
                )
            if isinstance(resolved.func, ast.Attribute) and resolved.func.attr in ("read", "read_text", "readline"):
                self.add("whitespace-token", resolved, "A token read from a file keeps its trailing newline unless you .strip() it.", "medium")
        if isinstance(resolved, ast.Subscript) and _dotted(resolved.value) in ("os.environ", "environ"):
            self.add("whitespace-token", resolved, "An environment variable is used as it is; a trailing newline or space in it goes into the header.", "low")
        if bare:
            self.add("missing-scheme", node, "The Authorization header is set to a variable alone; unless it holds 'Bearer …', no scheme word is sent.", "medium")

    # --- auth= -----------------------------------------------------------------------------
    def check_auth_argument(self, auth, token_call=False):
        node = self.resolve(auth)
        parts = []
        if _const_str(node) is not None:
            self.add("basic-by-hand", auth, "auth= takes a (user, password) tuple or an AuthBase object; requests calls a str and raises TypeError.", "high")
        # Basic to a token endpoint is how OAuth clients authenticate (RFC 6749 §2.3.1): it says nothing about the API's scheme.
        if isinstance(node, ast.Tuple):
            self.facts["usesBasicAuth"] |= not token_call
            parts = node.elts
        elif isinstance(node, ast.Call):
            name = _dotted(node.func).split(".")[-1]
            if name in self.auth_classes["basic"]:
                self.facts["usesBasicAuth"] |= not token_call
                parts = node.args
            elif name in self.auth_classes["digest"]:
                self.facts["usesDigestAuth"] = True
        for part in parts:
            part = self.resolve(part)
            utf8 = _is_utf8_encode(part)
            # A non-ASCII literal anywhere in it: as a str (Latin-1), .encode('latin-1') or quote()d, the server gets other bytes than UTF-8's.
            if not utf8 and any(isinstance(n, ast.Constant) and isinstance(n.value, str) and any(ord(ch) > 127 for ch in n.value) for n in ast.walk(part)):
                self.add(
                    "latin1-basic-password",
                    part if hasattr(part, "lineno") else node,
                    "A non-ASCII password reaches the Basic header as Latin-1 (a str, or .encode('latin-1')) or percent-encoded; servers compare the UTF-8 bytes.",
                    "high",
                )

    def check_auth_classes(self):
        """An AuthBase subclass whose __call__ never returns the request: requests then sends None."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ClassDef) and any(_dotted(b).endswith("AuthBase") for b in node.bases):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__call__":
                        if not any(isinstance(n, ast.Return) and n.value is not None for n in ast.walk(item)):
                            self.add("authbase-no-return", item, f"{node.name}.__call__ never returns the request; requests uses what it returns (None).", "high")
