#!/usr/bin/env python3
"""One HTTP session through `foxreload proxy --listen`, across a server restart (tst_httpfront_proxy).

Usage: httpfront_proxy_client.py URL. Opens a session, calls server_status and echo, prints
{"phase":"before",...}, waits for a line on stdin (the test restarts the server meanwhile), then
calls both again in the SAME session and prints {"phase":"after",...}.
"""
import http.client
import json
import sys
import urllib.parse

url = urllib.parse.urlparse(sys.argv[1])
headers = {'Content-Type': 'application/json', 'Accept': 'application/json, text/event-stream'}


def answer(response):
    body = response.read().decode('utf-8')
    if response.getheader('Content-Type', '').startswith('text/event-stream'):
        for line in body.splitlines():
            if line.startswith('data:'):
                message = json.loads(line[5:])
                if 'id' in message and ('result' in message or 'error' in message):
                    return message
    return json.loads(body)


next_id = 0


def request(method, params, session=None):
    global next_id
    next_id += 1
    h = dict(headers)
    if session:
        h['Mcp-Session-Id'] = session
        h['MCP-Protocol-Version'] = '2025-11-25'
    c = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    c.request('POST', url.path, json.dumps({'jsonrpc': '2.0', 'id': next_id, 'method': method, 'params': params}), h)
    r = c.getresponse()
    return r.getheader('Mcp-Session-Id'), r.status, answer(r)


def status_and_echo(session, text):
    _, _, status = request('tools/call', {'name': 'server_status', 'arguments': {}}, session)
    _, code, echo = request('tools/call', {'name': 'echo', 'arguments': {'message': text}}, session)
    return {'pid': json.loads(status['result']['content'][0]['text'])['pid'], 'echo': echo['result']['content'][0]['text'],
            'status': code}


session, _, init = request('initialize', {'protocolVersion': '2025-11-25', 'capabilities': {},
                                          'clientInfo': {'name': 'python', 'version': '1'}})
c = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
c.request('POST', url.path, json.dumps({'jsonrpc': '2.0', 'method': 'notifications/initialized'}),
          dict(headers, **{'Mcp-Session-Id': session}))
c.getresponse().read()
print(json.dumps(dict(phase='before', session=session, protocolVersion=init['result']['protocolVersion'],
                      **status_and_echo(session, 'before'))), flush=True)
sys.stdin.readline()
print(json.dumps(dict(phase='after', session=session, **status_and_echo(session, 'after'))), flush=True)
