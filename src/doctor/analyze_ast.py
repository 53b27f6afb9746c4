"""The 401 doctor's code reader, part 1: what every check reads with (constants about requests'
API and small helpers on `ast` nodes). See analyze.py."""
import ast
import base64
import binascii
import re

METHODS = {"get", "post", "put", "patch", "delete", "head", "options", "request"}
# Positional parameters after the URL, per requests.api (requests.post(url, data=None, json=None)).
POSITIONAL = {"get": ["params"], "post": ["data", "json"], "put": ["data"], "patch": ["data"]}
PLACEHOLDER = re.compile(r"YOUR[_-]?(API[_-]?)?(TOKEN|KEY)|<\s*token\s*>|\bxxx+\b|INSERT[_-]?TOKEN|TOKEN_HERE|changeme", re.I)
MISSPELLINGS = {"authorisation", "auth", "authentication", "authorizaton", "authorzation", "autorization", "authorizathion"}
LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "[::1]")
CREDENTIAL_HEADERS = {"username", "password", "user", "passwd", "login"}
FILE_READERS = {"open", "io.open", "Path", "pathlib.Path", "PurePath", "os.path.expanduser", "expanduser"}


def _distance(a, b):
    """Levenshtein distance, for header names one or two letters off."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _const_str(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _dotted(node):
    """'os.environ.get' for an attribute chain, else ''."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def _is_base64_pair(text):
    """True when `text` is base64 of `user:password` (what a Basic header must carry)."""
    try:
        return ":" in base64.b64decode(text.strip(), validate=True).decode("latin-1")
    except (ValueError, binascii.Error):
        return False


def _is_utf8_encode(node):
    """`x.encode()` or `x.encode('utf-8')`: bytes requests sends as they are."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "encode"):
        return False
    codec = (_const_str(node.args[0]) or "") if node.args else "utf-8"
    return codec.lower().replace("-", "").replace("_", "") in ("utf8", "utf")
