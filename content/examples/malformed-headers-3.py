import requests

HEADERS = {
    'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f',
    'Content-Type': 'application/x-www-form-urlencoded',   # left over from a token request
}

r = requests.post('https://api.example.com/items', headers=HEADERS, json={'name': 'stapler'})
print(r.status_code)
print(r.request.headers['Content-Type'], r.request.body)
print(r.json())
