import requests

r = requests.post('https://httpbin.org/anything',
                  headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'},
                  data={'key': 'value'})
print(r.json()['headers'])
print(r.json()['form'])
