import base64
from urllib.parse import quote_plus
import requests

TOKEN_URL = 'https://api.example.com/oauth/token'
client_id, secret = 'reports-app', 'r3p+rt%s3cr3t'

r = requests.post(TOKEN_URL, data={'grant_type': 'client_credentials'}, auth=(client_id, secret))
print('as is:     ', r.status_code, r.json()['error'])
print('   sent:', base64.b64decode(r.request.headers['Authorization'][6:]))

r = requests.post(TOKEN_URL, data={'grant_type': 'client_credentials'},
                  auth=(quote_plus(client_id), quote_plus(secret)))
print('quote_plus:', r.status_code, r.json()['token_type'])
print('   sent:', base64.b64decode(r.request.headers['Authorization'][6:]))
