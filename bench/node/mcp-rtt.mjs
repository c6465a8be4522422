#!/usr/bin/env node
// Request round trips through the official MCP SDK client (Client + StdioClientTransport), for
// the proxy benchmark: the same client, once straight to the server, once through
// `foxreload proxy`.
//
// Usage: node mcp-rtt.mjs [--method ping|echo] [--latency N] [--throughput-s S] [--concurrency K]
//                         [--sequential-s S] [--warmup N] [--cwd DIR] -- COMMAND [ARGS...]
//        node mcp-rtt.mjs [same options] --url http://127.0.0.1:PORT/mcp
//                         (Streamable HTTP: StreamableHTTPClientTransport, for the HTTP front)
// Prints one JSON object: {connectMs, latency: {n, samplesMs}, throughput: {requests, seconds,
// perSecond, concurrency}, sequential: {requests, seconds, perSecond} (with --sequential-s), errors}.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const argv = process.argv.slice(2);
const separator = argv.includes('--') ? argv.indexOf('--') : argv.length;
if (separator === argv.length - 1 || (separator === argv.length && !argv.includes('--url'))) {
    process.stderr.write('usage: node mcp-rtt.mjs [options] -- COMMAND [ARGS...] | [options] --url URL\n');
    process.exit(2);
}
const [command, ...commandArgs] = argv.slice(separator + 1);
const options = {
    method: 'ping', latency: 1000, throughputS: 3, concurrency: 16, sequentialS: 0, warmup: 200, cwd: undefined,
    url: undefined,
};
const own = argv.slice(0, separator);
for (let i = 0; i < own.length; i += 2) {
    const value = own[i + 1];
    switch (own[i]) {
    case '--method': options.method = value; break;
    case '--latency': options.latency = Number(value); break;
    case '--throughput-s': options.throughputS = Number(value); break;
    case '--concurrency': options.concurrency = Number(value); break;
    case '--sequential-s': options.sequentialS = Number(value); break;
    case '--warmup': options.warmup = Number(value); break;
    case '--cwd': options.cwd = value; break;
    case '--url': options.url = value; break;
    default:
        process.stderr.write(`mcp-rtt: unknown option ${own[i]}\n`);
        process.exit(2);
    }
}

const client = new Client({ name: 'foxreload-bench', version: '1.0.0' });
const transport = options.url
    ? new StreamableHTTPClientTransport(new URL(options.url))
    : new StdioClientTransport({ command, args: commandArgs, cwd: options.cwd, env: process.env, stderr: 'ignore' });
let errors = 0;
const request = options.method === 'echo'
    ? () => client.callTool({ name: 'echo', arguments: { message: 'bench' } })
    : () => client.ping();
const once = async () => {
    try {
        const result = await request();
        if (result && result.isError) ++errors;
    } catch (error) {
        ++errors;
        if (errors <= 3) process.stderr.write(`mcp-rtt: ${error.message}\n`);
    }
};

const connectStart = performance.now();
await client.connect(transport);
const connectMs = performance.now() - connectStart;

for (let i = 0; i < options.warmup; ++i) await once();

const samplesMs = [];
for (let i = 0; i < options.latency; ++i) {
    const start = performance.now();
    await once();
    samplesMs.push(Math.round((performance.now() - start) * 1000) / 1000);
}

// Sequential throughput: one request at a time, as many as fit in the time.
let sequential = null;
if (options.sequentialS > 0) {
    let count = 0;
    const start = performance.now();
    const end = start + options.sequentialS * 1000;
    while (performance.now() < end) {
        await once();
        ++count;
    }
    const seconds = (performance.now() - start) / 1000;
    sequential = { requests: count, seconds: Math.round(seconds * 1000) / 1000, perSecond: Math.round(count / seconds) };
}

let requests = 0;
const until = performance.now() + options.throughputS * 1000;
const worker = async () => {
    while (performance.now() < until) {
        await once();
        ++requests;
    }
};
const throughputStart = performance.now();
await Promise.all(Array.from({ length: options.concurrency }, worker));
const seconds = (performance.now() - throughputStart) / 1000;

process.stdout.write(JSON.stringify({
    connectMs: Math.round(connectMs * 10) / 10,
    latency: { n: samplesMs.length, samplesMs },
    throughput: { requests, seconds: Math.round(seconds * 1000) / 1000, perSecond: Math.round(requests / seconds),
        concurrency: options.concurrency },
    sequential,
    errors,
}) + '\n');
await client.close();
process.exit(0);
