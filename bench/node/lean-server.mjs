#!/usr/bin/env node
// A lean MCP server over stdio for the proxy benchmark: newline-delimited JSON-RPC answered by hand,
// without the SDK, so that the server's own cost per request (a JSON.parse and a short string) does
// not hide what the proxy in front of it costs. It knows just enough for FoxReload's readiness check
// and the benchmark client: initialize, ping, tools/list and tools/call of `echo`.
//
// Usage: node lean-server.mjs
// The answers to the lines of one read go out in one write, as a server that keeps up would do.

const PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];
const ECHO_TOOL = {
    name: 'echo',
    description: 'Returns its message',
    inputSchema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] },
};

function answer(request) {
    const id = JSON.stringify(request.id);
    switch (request.method) {
    case 'ping':
        return `{"jsonrpc":"2.0","id":${id},"result":{}}`;
    case 'initialize': {
        const asked = request.params && request.params.protocolVersion;
        const version = PROTOCOL_VERSIONS.includes(asked) ? asked : PROTOCOL_VERSIONS[0];
        return JSON.stringify({
            jsonrpc: '2.0', id: request.id, result: {
                protocolVersion: version, capabilities: { tools: { listChanged: true } },
                serverInfo: { name: 'lean-server', version: '1.0.0' },
            },
        });
    }
    case 'tools/list':
        return JSON.stringify({ jsonrpc: '2.0', id: request.id, result: { tools: [ECHO_TOOL] } });
    case 'tools/call': {
        const args = (request.params && request.params.arguments) || {};
        if (!request.params || request.params.name !== 'echo')
            return JSON.stringify({ jsonrpc: '2.0', id: request.id, error: { code: -32602, message: 'unknown tool' } });
        return JSON.stringify({
            jsonrpc: '2.0', id: request.id,
            result: { content: [{ type: 'text', text: String(args.message ?? '') }] },
        });
    }
    default:
        return JSON.stringify({
            jsonrpc: '2.0', id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` },
        });
    }
}

let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
    buffered += chunk;
    let out = '';
    let start = 0;
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n', start)) {
        const line = buffered.slice(start, newline);
        start = newline + 1;
        if (!line.trim())
            continue;
        let message;
        try {
            message = JSON.parse(line);
        } catch {
            out += '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}\n';
            continue;
        }
        if (message === null || typeof message !== 'object' || message.method === undefined || message.id === undefined)
            continue; // a notification or an answer: nothing to say
        out += answer(message) + '\n';
    }
    buffered = buffered.slice(start);
    if (out)
        process.stdout.write(out);
});
process.stdin.on('end', () => process.exit(0));
