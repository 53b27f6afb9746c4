import requests

response = requests.post('https://api.example.com/endpoint', data={'key': 'value'})
print(response.ok)
print(response.json())

try:
    response.raise_for_status()
except requests.HTTPError as error:
    print(type(error).__name__, error.response.status_code)
