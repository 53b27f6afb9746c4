import json
import requests

url = 'https://api.example.com/endpoint'
auth = {'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}
payload = {'key': 'value'}

for label, kwargs in [
    ('data=payload', {'data': payload}),
    ('json=payload', {'json': payload}),
    ('data=json.dumps(payload)', {'data': json.dumps(payload)}),
]:
    r = requests.post(url, headers=auth, **kwargs)
    print(label)
    print('  Content-Type:', r.request.headers.get('Content-Type'))
    print('  body:', repr(r.request.body))
    print('  answer:', r.status_code, r.json())
