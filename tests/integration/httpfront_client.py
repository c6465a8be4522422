#!/usr/bin/env python3
"""An MCP 2025-11-25 Streamable HTTP client on Python's http.client, for tst_httpfront.

Usage: httpfront_client.py PORT. Drives a session against FakeServer behind the HTTP front and
prints one JSON object with what it saw: content types, the order of SSE events, event ids, a
sampling round trip on a call's stream, a stream resumed with Last-Event-ID, DELETE.
"""
import http.client
import json
import queue
import sys
import threading
import time

PORT = int(sys.argv[1])
out = {}


def connection():
    return http.client.HTTPConnection('127.0.0.1', PORT, timeout=20)


def headers(session=None):
    h = {'Content-Type': 'application/json', 'Accept': 'application/json, text/event-stream'}
    if session:
        h['Mcp-Session-Id'] = session
        h['MCP-Protocol-Version'] = '2025-11-25'
    return h


def post(message, session=None):
    c = connection()
    c.request('POST', '/mcp', body=json.dumps(message), headers=headers(session))
    return c, c.getresponse()


def events(response):
    """(id, message) for each SSE event, until the stream ends."""
    event_id, data = None, []
    while True:
        line = response.readline()
        if not line:
            return
        line = line.decode('utf-8').rstrip('\r\n')
        if line == '':
            if data:
                yield event_id, json.loads('\n'.join(data))
            event_id, data = None, []
            continue
        if line.startswith(':'):
            continue
        field, _, value = line.partition(':')
        value = value[1:] if value.startswith(' ') else value
        if field == 'id':
            event_id = value
        elif field == 'data':
            data.append(value)


def kind(message):
    return message.get('method', 'result' if 'result' in message else 'error')


# initialize + initialized
c, r = post({'jsonrpc': '2.0', 'id': 1, 'method': 'initialize',
             'params': {'protocolVersion': '2025-11-25', 'capabilities': {'sampling': {}},
                        'clientInfo': {'name': 'python', 'version': '1'}}})
session = r.getheader('Mcp-Session-Id')
json.loads(r.read())
c, r = post({'jsonrpc': '2.0', 'method': 'notifications/initialized'}, session)
r.read()

# The GET stream, read in the background.
get_events = queue.Queue()


def read_get_stream():
    g = connection()
    g.request('GET', '/mcp', headers={'Accept': 'text/event-stream', 'Mcp-Session-Id': session})
    for event_id, message in events(g.getresponse()):
        get_events.put(message)


threading.Thread(target=read_get_stream, daemon=True).start()
time.sleep(0.3)  # let the GET stream open first

# A second GET stream is refused while the first is open.
g2 = connection()
g2.request('GET', '/mcp', headers={'Accept': 'text/event-stream', 'Mcp-Session-Id': session})
out['secondGetStatus'] = g2.getresponse().status

c, r = post({'jsonrpc': '2.0', 'id': 2, 'method': 'tools/call', 'params': {'name': 'notify', 'arguments': {}}},
            session)
out['notifyType'] = r.getheader('Content-Type')
json.loads(r.read())
out['getStream'] = get_events.get(timeout=10).get('method')

# Progress on the call's own stream.
c, r = post({'jsonrpc': '2.0', 'id': 3, 'method': 'tools/call',
             'params': {'name': 'slow', 'arguments': {}, '_meta': {'progressToken': 'tok-3'}}}, session)
out['slowType'] = r.getheader('Content-Type')
seen = list(events(r))
out['slow'] = [kind(m) for _, m in seen]
out['slowIds'] = [i for i, _ in seen]

# A sampling request on the ask call's stream, answered by a POST of its own.
c, r = post({'jsonrpc': '2.0', 'id': 4, 'method': 'tools/call', 'params': {'name': 'ask', 'arguments': {}}}, session)
stream = events(r)
_, first = next(stream)
out['askFirst'] = first.get('method')
c2, r2 = post({'jsonrpc': '2.0', 'id': first['id'],
               'result': {'role': 'assistant', 'content': {'type': 'text', 'text': 'from python'}, 'model': 'm'}},
              session)
out['askAnswerStatus'] = r2.status
r2.read()
for _, message in stream:
    if 'result' in message:
        out['askResult'] = message['result']['content'][0]['text']

# Cut a stream after its first event, then resume it.
c, r = post({'jsonrpc': '2.0', 'id': 5, 'method': 'tools/call',
             'params': {'name': 'slow', 'arguments': {}, '_meta': {'progressToken': 'tok-5'}}}, session)
stream = events(r)
last_id, _ = next(stream)
c.sock.close()
c.close()
time.sleep(0.6)  # the rest of the stream arrives at the front meanwhile
g = connection()
g.request('GET', '/mcp', headers={'Accept': 'text/event-stream', 'Mcp-Session-Id': session, 'Last-Event-ID': last_id})
resumed = list(events(g.getresponse()))
out['resumed'] = [kind(m) for _, m in resumed]
out['resumedIds'] = [i for i, _ in resumed]

d = connection()
d.request('DELETE', '/mcp', headers={'Mcp-Session-Id': session})
out['deleteStatus'] = d.getresponse().status
c, r = post({'jsonrpc': '2.0', 'id': 6, 'method': 'ping'}, session)
out['afterDeleteStatus'] = r.status
print(json.dumps(out))
