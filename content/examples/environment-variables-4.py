from pathlib import Path

raw = Path('/run/secrets/api_token').read_text()
print(repr(raw))
print(repr(raw.strip()))
