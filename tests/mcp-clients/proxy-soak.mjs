#!/usr/bin/env node
// Soak client for `foxreload proxy`, built on the official TypeScript SDK (Client +
// StdioClientTransport): connects once through the proxy and calls one tool on a fixed
// schedule until its stdin closes (or --max-s passes), while the test reloads the server
// underneath. It counts what FoxReload promises: every call succeeds or fails with the
// documented "interrupted by reload" error (-32002), the session is never initialized
// twice, and notifications/tools/list_changed arrives only when the tool list changed.
//
// Usage: node proxy-soak.mjs [--tool NAME] [--args JSON] [--interval-ms 20] [--min-s 0] [--max-s 120]
//                            [--timeout-ms 30000] -- COMMAND [ARGS...]
// Output (stdout, one JSON object per line):
//   {"type":"connected", serverInfo, protocolVersion, capabilities}
//   {"type":"list_changed", atMs, tools: [names after re-listing]}
//   {"type":"failure", seq, code, message, data}        (every failed call)
//   {"type":"summary", calls, ok, interrupted, otherErrors, toolErrors, listChanged, initializeResponses,
//    unknownResponses, closed, durationMs, latencyMs: {p50, p95, max}, errorCodes,
//    notifications: {method: count}}
// Exit code: 0 when nothing but interrupted errors happened, 1 otherwise, 2 usage.

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const INTERRUPTED = -32002;
const started = performance.now();
const now = () => Math.round(performance.now() - started);
const emit = (object) => process.stdout.write(JSON.stringify(object) + '\n');

function fail(message) {
    process.stderr.write(`proxy-soak: ${message}\n`);
    process.exit(2);
}

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
if (dash < 0 || dash === argv.length - 1) fail('the command to connect to goes after "--"');
const [command, ...commandArgs] = argv.slice(dash + 1);
const options = { tool: 'echo', args: { message: 'soak {seq}' }, intervalMs: 20, minS: 0, maxS: 120, timeoutMs: 30000 };
for (let i = 0; i < dash; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) fail(`${flag} needs a value`);
    switch (flag) {
    case '--tool': options.tool = value; break;
    case '--args': try { options.args = JSON.parse(value); } catch (error) { fail(`--args: ${error.message}`); } break;
    case '--interval-ms': options.intervalMs = Number(value); break;
    case '--min-s': options.minS = Number(value); break;
    case '--max-s': options.maxS = Number(value); break;
    case '--timeout-ms': options.timeoutMs = Number(value); break;
    default: fail(`unknown option ${flag}`);
    }
}

const stats = {
    calls: 0, ok: 0, interrupted: 0, otherErrors: 0, toolErrors: 0, listChanged: 0, initializeResponses: 0,
    unknownResponses: 0, closed: false, errorCodes: {}, notifications: {}, latencies: [],
};

const transport = new StdioClientTransport({ command, args: commandArgs, env: { ...process.env }, stderr: 'inherit' });
// Count InitializeResults before the SDK sees them: a second one means a replayed handshake leaked.
let sdkHandler;
Object.defineProperty(transport, 'onmessage', {
    configurable: true,
    get: () => (sdkHandler ? (message, extra) => {
        const result = message && message.result;
        if (result && typeof result === 'object' && 'protocolVersion' in result && 'serverInfo' in result) stats.initializeResponses += 1;
        return sdkHandler(message, extra);
    } : undefined),
    set: (handler) => { sdkHandler = handler; },
});

const client = new Client({ name: 'foxreload-proxy-soak', version: '1.0.0' }, { capabilities: {} });
let closing = false;
client.onerror = (error) => {
    if (/unknown message ID/i.test(String(error?.message))) stats.unknownResponses += 1;
    emit({ type: 'error', message: String(error?.message ?? error), atMs: now() });
};
client.onclose = () => { if (!closing) { stats.closed = true; emit({ type: 'error', message: 'connection closed', atMs: now() }); } };
let relisting = Promise.resolve();
client.fallbackNotificationHandler = async (notification) => {
    stats.notifications[notification.method] = (stats.notifications[notification.method] ?? 0) + 1;
    if (notification.method !== 'notifications/tools/list_changed') return;
    stats.listChanged += 1;
    const atMs = now();
    relisting = relisting.then(async () => {
        const { tools } = await client.listTools(undefined, { timeout: options.timeoutMs });
        emit({ type: 'list_changed', atMs, tools: tools.map((tool) => tool.name).sort() });
    }).catch((error) => emit({ type: 'error', message: `tools/list: ${error.message}` }));
};

function substitute(value, seq) {
    if (typeof value === 'string') return value.replaceAll('{seq}', String(seq));
    if (Array.isArray(value)) return value.map((item) => substitute(item, seq));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, seq)]));
    return value;
}

async function callOnce(seq) {
    stats.calls += 1;
    const began = performance.now();
    try {
        const result = await client.callTool({ name: options.tool, arguments: substitute(options.args, seq) }, undefined,
            { timeout: options.timeoutMs });
        stats.latencies.push(performance.now() - began);
        if (result.isError) {
            stats.toolErrors += 1;
            emit({ type: 'failure', seq, code: null, message: JSON.stringify(result.content).slice(0, 300), atMs: now() });
        } else {
            stats.ok += 1;
        }
    } catch (error) {
        const code = typeof error?.code === 'number' ? error.code : null;
        stats.errorCodes[String(code)] = (stats.errorCodes[String(code)] ?? 0) + 1;
        if (code === INTERRUPTED && error?.data?.reason === 'interrupted') stats.interrupted += 1;
        else stats.otherErrors += 1;
        emit({ type: 'failure', seq, code, message: String(error?.message ?? error), data: error?.data ?? null, atMs: now() });
    }
}

let stdinClosed = false;
process.stdin.on('end', () => { stdinClosed = true; });
process.stdin.on('close', () => { stdinClosed = true; });
process.stdin.resume();

async function main() {
    try {
        await client.connect(transport, { timeout: options.timeoutMs });
    } catch (error) {
        emit({ type: 'error', message: `connect: ${error.message}` });
        stats.closed = true;
        return finish();
    }
    const { tools } = await client.listTools(undefined, { timeout: options.timeoutMs });
    emit({ type: 'connected', serverInfo: client.getServerVersion(), capabilities: client.getServerCapabilities(),
        tools: tools.map((tool) => tool.name).sort(), atMs: now() });
    const minUntil = performance.now() + options.minS * 1000;
    const maxUntil = performance.now() + options.maxS * 1000;
    const inflight = new Set();
    let seq = 0;
    let nextAt = performance.now();
    while (!stats.closed) {
        const t = performance.now();
        if (t >= maxUntil || (stdinClosed && t >= minUntil)) break;
        if (t < nextAt) {
            await new Promise((resolve) => setTimeout(resolve, nextAt - t));
            continue;
        }
        const promise = callOnce(++seq).finally(() => inflight.delete(promise));
        inflight.add(promise);
        nextAt += options.intervalMs;
        if (nextAt < performance.now() - options.intervalMs) nextAt = performance.now(); // never burst to catch up
    }
    await Promise.allSettled(inflight);
    await relisting;
    return finish();
}

async function finish() {
    closing = true;
    try { await client.close(); } catch (error) { emit({ type: 'error', message: `close: ${error.message}` }); }
    const sorted = stats.latencies.sort((a, b) => a - b);
    const pick = (f) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] * 100) / 100 : null);
    const { latencies, ...counts } = stats;
    emit({ type: 'summary', ...counts, durationMs: now(), latencyMs: { p50: pick(0.5), p95: pick(0.95), max: pick(1) } });
    const clean = stats.otherErrors === 0 && stats.toolErrors === 0 && !stats.closed && stats.initializeResponses === 1
        && stats.unknownResponses === 0;
    process.exit(clean ? 0 : 1);
}

main();
