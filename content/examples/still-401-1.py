import requests

def show(r):
    print(r.status_code)
    print('challenge:', r.headers.get('WWW-Authenticate'))
    print('body:     ', r.text.strip())
    print('we sent:  ', r.request.headers.get('Authorization'))

r = requests.post('https://api.example.com/reports',
                  headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'},
                  json={'month': '2026-01'})
show(r)
