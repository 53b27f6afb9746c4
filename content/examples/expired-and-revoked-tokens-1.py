import re
import requests

tokens = {
    'expired': 'tok_old_3c9b1d7e2a6f84',
    'revoked': 'tok_gone_7d2e8a4c1f9b35',
    'unknown': 'tok_live_0000000000000',
}
for label, token in tokens.items():
    r = requests.post('https://api.example.com/endpoint',
                      headers={'Authorization': f'Bearer {token}'},
                      json={'key': 'value'})
    params = dict(re.findall(r'(\w+)="([^"]*)"', r.headers['WWW-Authenticate']))
    print(label, r.status_code, params['error'], '|', params.get('error_description'))
