#!/usr/bin/env node
// A lean MCP client for profiling the proxy: no SDK, so that nearly all the time it measures is the
// server's and what sits between. Opens the session (initialize, notifications/initialized), then
// keeps K pings in flight until N are answered, and prints one JSON line with the rate.
//
// Usage: node lean-pump.mjs [--count N] [--concurrency K] [--cwd DIR] -- COMMAND [ARGS...]
import { spawn } from 'node:child_process';

const argv = process.argv.slice(2);
const separator = argv.indexOf('--');
if (separator < 0 || separator === argv.length - 1) {
    process.stderr.write('usage: node lean-pump.mjs [--count N] [--concurrency K] [--cwd DIR] -- COMMAND [ARGS...]\n');
    process.exit(2);
}
const options = { count: 20000, concurrency: 16, cwd: undefined };
for (let i = 0; i < separator; i += 2) {
    const value = argv[i + 1];
    if (argv[i] === '--count') options.count = Number(value);
    else if (argv[i] === '--concurrency') options.concurrency = Number(value);
    else if (argv[i] === '--cwd') options.cwd = value;
    else {
        process.stderr.write(`lean-pump: unknown option ${argv[i]}\n`);
        process.exit(2);
    }
}
const [command, ...args] = argv.slice(separator + 1);
const child = spawn(command, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'ignore'] });

let nextId = 1;
let sent = 0;
let answered = 0;
let errors = 0;
let started = 0;
let buffered = '';
let opened = false;

const ping = () => `{"jsonrpc":"2.0","id":${nextId++},"method":"ping"}\n`;

function pump(free) {
    let out = '';
    for (; free > 0 && sent < options.count; --free, ++sent)
        out += ping();
    if (out)
        child.stdin.write(out);
}

child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
    buffered += chunk;
    let start = 0;
    let done = 0;
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n', start)) {
        const line = buffered.slice(start, newline);
        start = newline + 1;
        if (!opened) {
            opened = true;
            child.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
            started = performance.now();
            pump(options.concurrency);
            continue;
        }
        if (!line.includes('"result"'))
            ++errors;
        ++done;
    }
    buffered = buffered.slice(start);
    answered += done;
    if (answered >= options.count) {
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(JSON.stringify({
            requests: answered, seconds: Math.round(seconds * 1000) / 1000, perSecond: Math.round(answered / seconds),
            concurrency: options.concurrency, errors,
        }) + '\n');
        child.stdin.end();
        return;
    }
    pump(done);
});
child.on('exit', () => process.exit(answered >= options.count ? 0 : 1));
child.stdin.write(JSON.stringify({
    jsonrpc: '2.0', id: 0, method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'lean-pump', version: '1.0.0' } },
}) + '\n');
