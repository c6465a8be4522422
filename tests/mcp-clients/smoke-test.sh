#!/bin/sh
# Smoke test of the pinned official MCP tooling against the example server and server-everything:
# the SDK client lists and calls every Reynard tool, the Inspector CLI lists and calls, and the SDK
# client talks to @modelcontextprotocol/server-everything. Needs `npm ci` in this folder first.
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
echo "smoke-test: all good"
