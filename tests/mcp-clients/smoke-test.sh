#!/bin/sh
# Smoke test of the pinned official MCP tooling against the example server and server-everything:
# the SDK client lists and calls every Reynard tool, the Inspector CLI lists and calls, and the SDK
# client talks to @modelcontextprotocol/server-everything; then the v2 SDK (MCP 2026-07-28): the v2
# client against the v2 fixture server (pinned) and server-everything (auto: falls back to 2025-11-25),
# the v1 client against the v2 server, and the conformance suite's CLI on Node 20. Needs `npm ci` first.
# Usage: tests/mcp-clients/smoke-test.sh      (exit 0 when everything answered as expected)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
server="$here/../../examples/reynard-server/main.py"
bin="$here/node_modules/.bin"
[ -x "$bin/mcp-inspector" ] || { echo "smoke-test: run 'npm ci' in $here first" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== SDK client: list and call every tool of reynard-server"
node "$here/sdk-client.mjs" --quiet-server --list \
    --call echo --args '{"message":"hello {seq}"}' \
    --call slow_echo --args '{"message":"later","delay_ms":20}' \
    --call word_count --args '{"text":"the fox and the hound"}' \
    --call fox_fact --args '{"index":2}' \
    --call weather --args '{"city":"Paris","days":2}' \
    --call now --args '{"utc_offset_minutes":60}' \
    --call remember --args '{"key":"den","value":"oak"}' \
    --call recall --args '{"key":"den"}' \
    --call server_status \
    -- python3 "$server" > "$out/sdk.jsonl"
python3 - "$out/sdk.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
tools = next(l for l in lines if l["type"] == "tools")["names"]
calls = {l["tool"]: l for l in lines if l["type"] == "call"}
summary = lines[-1]
assert set(calls) == set(tools), f"called {sorted(calls)} but the server lists {tools}"
assert all(c["ok"] for c in calls.values()), [c for c in calls.values() if not c["ok"]]
assert calls["echo"]["text"] == "hello 1", calls["echo"]
assert calls["recall"]["result"]["structuredContent"]["value"] == "oak"
assert summary["type"] == "summary" and summary["errors"] == 0 and not summary["reinitialized"], summary
print(f"   {len(tools)} tools listed, {len(calls)} called, all ok")
PY

echo "== Inspector CLI: tools/list and tools/call"
"$bin/mcp-inspector" --cli python3 "$server" --method tools/list > "$out/list.json"
python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['tools']; assert len(t) >= 5; print('  ', len(t), 'tools')" "$out/list.json"
"$bin/mcp-inspector" --cli python3 "$server" --method tools/call --tool-name echo --tool-arg message=hello > "$out/call.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['content'][0]['text']=='hello', r; print('   echo answered hello')" "$out/call.json"

echo "== SDK client: server-everything"
node "$here/sdk-client.mjs" --quiet-server --call echo --args '{"message":"hi"}' -- "$bin/mcp-server-everything" stdio > "$out/everything.jsonl"
python3 - "$out/everything.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
call = next(l for l in lines if l["type"] == "call")
assert call["ok"] and "hi" in call["text"], call
print(f"   {next(l for l in lines if l['type'] == 'tools')['count']} tools, echo ok")
PY

echo "== v2 client (2026-07-28 pinned) -> sdk2-server: listen stream, key order, notification"
node "$here/sdk2-client.mjs" --quiet-server --subscribe tools,resource:fixture://note --list \
    --call address --args '{"zip":"1","street":"S","city":"C"}' --call bump --linger-ms 300 \
    -- node "$here/sdk2-server.mjs" > "$out/v2.jsonl"
python3 - "$out/v2.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
connected = next(l for l in lines if l["type"] == "connected")
assert connected["era"] == "modern" and connected["protocolVersion"] == "2026-07-28", connected
tools = next(l for l in lines if l["type"] == "tools")["tools"]
address = next(t for t in tools if t["name"] == "address")
assert list(address["inputSchema"]["properties"]) == ["zip", "street", "city"], address
updated = [l for l in lines if l["type"] == "notification" and l["method"] == "notifications/resources/updated"]
assert len(updated) == 1 and updated[0]["params"]["_meta"]["io.modelcontextprotocol/subscriptionId"] == "listen:0", updated
assert lines[-1]["type"] == "summary" and lines[-1]["ok"] == 2, lines[-1]
print("   modern, properties zip,street,city, 1 resources/updated on the listen stream")
PY

echo "== v2 client (auto) -> server-everything: falls back to 2025-11-25"
node "$here/sdk2-client.mjs" --version auto --quiet-server --call echo --args '{"message":"hi"}' \
    -- "$bin/mcp-server-everything" stdio > "$out/v2auto.jsonl"
python3 - "$out/v2auto.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
connected = next(l for l in lines if l["type"] == "connected")
assert connected["era"] == "legacy" and connected["protocolVersion"] == "2025-11-25", connected
assert lines[-1]["ok"] == 1, lines[-1]
print("   legacy 2025-11-25, echo ok")
PY

echo "== v1 client -> sdk2-server (2025-11-25)"
node "$here/sdk-client.mjs" --quiet-server --call echo --args '{"message":"v1"}' -- node "$here/sdk2-server.mjs" > "$out/v1v2.jsonl"
python3 -c "import json,sys; l=[json.loads(x) for x in open(sys.argv[1])]; c=next(x for x in l if x['type']=='call'); assert c['ok'] and c['text'].startswith('v1'), c; print('   echo ok')" "$out/v1v2.jsonl"

echo "== conformance CLI on $(node --version) (node20-compat.mjs preload)"
(cd "$here" && node --import ./node20-compat.mjs node_modules/.bin/conformance list --server) | grep -c '^  - ' | sed 's/^/   server scenarios: /'

echo "smoke-test: all good"
