import js
import requests
from pyodide.ffi import to_js

headers = {
    'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f',
    'Cookie': 'session=8c1f',
    'Origin': 'https://app.example.com',
}

# requests: http.client sends every header you give it
r = requests.get('https://httpbin.org/headers', headers=headers)
print('requests:', r.json()['headers'])

# the browser (js.fetch, pyodide.http.pyfetch): the same headers, as fetch() would take them
request = js.Request.new('https://httpbin.org/headers',
                         to_js({'headers': headers}, dict_converter=js.Object.fromEntries))
print('browser: ', dict(request.headers.entries()))
print('mode:', request.mode, '| redirect:', request.redirect)
