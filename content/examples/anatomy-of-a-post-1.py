import requests

response = requests.post('https://api.example.com/endpoint',
                         headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'},
                         data={'key': 'value'})

sent = response.request          # the PreparedRequest requests built
print(sent.method, sent.url)
for name, value in sent.headers.items():
    print(f'  {name}: {value}')
print(repr(sent.body))
print(response.status_code, response.json())
