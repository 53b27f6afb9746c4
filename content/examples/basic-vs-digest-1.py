import base64
import requests

r = requests.get('https://api.example.com/basic/profile', auth=('alice', 'wonderland'))
sent = r.request.headers['Authorization']
print(r.status_code, sent)
print(base64.b64decode(sent.split()[1]))  # anyone who sees the header has the password
