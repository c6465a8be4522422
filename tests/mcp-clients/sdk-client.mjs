#!/usr/bin/env node
// A command-line MCP client built on the official TypeScript SDK (Client + StdioClientTransport).
// FoxReload's integration tests drive it to prove that a standard client keeps working against a
// server (or through `foxreload proxy`) while files change.
//
// Usage: node sdk-client.mjs [options] -- COMMAND [ARGS...]
//   --list                      print the server's tools
//   --call NAME                 call a tool (repeatable; each --call takes the --args that follows it)
//   --args JSON                 arguments of the preceding --call (default {}); "{seq}" in a string
//                               value is replaced by the call's sequence number
//   --request METHOD            send any request, e.g. foxreload/reload (repeatable; runs in order with
//                               the calls; --params JSON after it gives its params)
//   --loop                      call the (first) --call tool every --interval-ms for --duration-s
//   --interval-ms N             loop period (default 100)
//   --duration-s S              loop length (default 10)
//   --concurrency K             loop: at most K calls in flight (default 1)
//   --progress                  ask for progress (_meta.progressToken) on every call and print what arrives
//   --cancel-after-ms N         cancel each --call (not --loop) that has not answered after N ms
//                               (the SDK sends notifications/cancelled); counted in "cancelled"
//   --relist-on-change          after notifications/tools/list_changed, fetch tools/list and print it
//   --linger-ms N               after the work, keep listening for notifications for N ms
//   --timeout-ms N              per-request timeout (default 30000)
//   --cwd DIR                   working directory of the server
//   --env K=V                   extra environment for the server (repeatable; the whole environment
//                               of this process is passed on, unlike the SDK's default)
//   --quiet-server              discard the server's stderr (default: passed through to ours)
//
// Output: one JSON object per line on stdout, each with a "type":
//   connected     {serverInfo, protocolVersion, capabilities, instructions}
//   tools         {count, names, tools}
//   call          {seq, tool, ok, isError, ms, text, [result], [error]}
//   response      {method, ok, ms, result | error}  (for --request)
//   notification  {method, params, atMs}
//   progress      {seq, tool, progress, total, message, atMs}   (with --progress)
//   error         {message}               (transport or protocol trouble outside a call)
//   summary       {calls, ok, errors, toolErrors, cancelled, progress, errorCodes, listChanged, notifications,
//                  reinitialized, initializeResponses, unexpectedResponses, closed, durationMs, latencyMs}
// Exit code: 0 when every call succeeded (no JSON-RPC error, no isError) and the connection held;
// 1 otherwise; 2 for a usage error.

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ResultSchema } from '@modelcontextprotocol/sdk/types.js';

const started = performance.now();
const elapsed = () => Math.round((performance.now() - started) * 10) / 10;

function emit(object) {
    process.stdout.write(JSON.stringify(object) + '\n');
}

function usage(message) {
    process.stderr.write(`sdk-client: ${message}\nusage: node sdk-client.mjs [--list] [--call NAME [--args JSON]]... `
        + '[--loop --interval-ms N --duration-s S] [--env K=V] [--cwd DIR] -- COMMAND [ARGS...]\n');
    process.exit(2);
}

function parseArguments(argv) {
    const options = {
        list: false, steps: [], calls: [], loop: false, intervalMs: 100, durationS: 10, concurrency: 1,
        relistOnChange: false, progress: false, cancelAfterMs: null, lingerMs: 0, timeoutMs: 30000, cwd: undefined, env: {}, quietServer: false,
        command: null, commandArgs: [],
    };
    const separator = argv.indexOf('--');
    if (separator < 0 || separator === argv.length - 1) usage('the server command goes after "--"');
    [options.command, ...options.commandArgs] = argv.slice(separator + 1);
    const own = argv.slice(0, separator);
    const number = (flag, value) => {
        const parsed = Number(value);
        if (value === undefined || !Number.isFinite(parsed) || parsed < 0) usage(`${flag} needs a non-negative number`);
        return parsed;
    };
    for (let i = 0; i < own.length; ++i) {
        const flag = own[i];
        const value = own[i + 1];
        switch (flag) {
        case '--list': options.list = true; break;
        case '--loop': options.loop = true; break;
        case '--relist-on-change': options.relistOnChange = true; break;
        case '--progress': options.progress = true; break;
        case '--cancel-after-ms': options.cancelAfterMs = number(flag, value); ++i; break;
        case '--quiet-server': options.quietServer = true; break;
        case '--call':
            if (!value) usage('--call needs a tool name');
            options.calls.push({ tool: value, args: {} });
            options.steps.push(options.calls.at(-1));
            ++i;
            break;
        case '--request':
            if (!value) usage('--request needs a method');
            options.steps.push({ method: value, params: undefined });
            ++i;
            break;
        case '--params': {
            const step = options.steps.at(-1);
            if (!step || !step.method) usage('--params must follow a --request');
            try {
                step.params = JSON.parse(value ?? '');
            } catch (error) {
                usage(`--params is not valid JSON (${error.message})`);
            }
            ++i;
            break;
        }
        case '--args': {
            if (options.steps.length === 0 || !options.steps.at(-1).tool) usage('--args must follow a --call');
            let parsed;
            try {
                parsed = JSON.parse(value ?? '');
            } catch (error) {
                usage(`--args is not valid JSON (${error.message})`);
            }
            if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) usage('--args must be a JSON object');
            options.calls[options.calls.length - 1].args = parsed;
            ++i;
            break;
        }
        case '--interval-ms': options.intervalMs = number(flag, value); ++i; break;
        case '--duration-s': options.durationS = number(flag, value); ++i; break;
        case '--concurrency': options.concurrency = Math.max(1, Math.floor(number(flag, value))); ++i; break;
        case '--linger-ms': options.lingerMs = number(flag, value); ++i; break;
        case '--timeout-ms': options.timeoutMs = number(flag, value); ++i; break;
        case '--cwd': if (!value) usage('--cwd needs a directory'); options.cwd = value; ++i; break;
        case '--env': {
            const at = (value ?? '').indexOf('=');
            if (at <= 0) usage('--env needs KEY=VALUE');
            options.env[value.slice(0, at)] = value.slice(at + 1);
            ++i;
            break;
        }
        default: usage(`unknown option ${flag}`);
        }
    }
    if (options.loop && options.calls.length === 0) usage('--loop needs a --call');
    return options;
}

function substitute(value, seq) {
    if (typeof value === 'string') return value.replaceAll('{seq}', String(seq));
    if (Array.isArray(value)) return value.map((item) => substitute(item, seq));
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, seq)]));
    }
    return value;
}

function percentile(sorted, fraction) {
    if (sorted.length === 0) return null;
    return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

const options = parseArguments(process.argv.slice(2));

const stats = {
    calls: 0, ok: 0, errors: 0, toolErrors: 0, cancelled: 0, progress: 0, errorCodes: {}, listChanged: 0, notifications: {},
    initializeResponses: 0, protocolVersion: undefined, unexpectedResponses: 0, closed: false, latencies: [],
};
let closing = false;

const transport = new StdioClientTransport({
    command: options.command,
    args: options.commandArgs,
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stderr: options.quietServer ? 'ignore' : 'inherit',
});

// Look at every incoming message before the SDK does: a second InitializeResult reaching the client
// means whatever sits between it and the server replayed a handshake it should have swallowed.
let sdkOnMessage;
Object.defineProperty(transport, 'onmessage', {
    configurable: true,
    get: () => (sdkOnMessage ? inspectMessage : undefined),
    set: (handler) => { sdkOnMessage = handler; },
});
function inspectMessage(message, extra) {
    const result = message && message.result;
    if (result && typeof result === 'object' && 'protocolVersion' in result && 'serverInfo' in result) {
        stats.initializeResponses += 1;
        stats.protocolVersion ??= result.protocolVersion;
    }
    return sdkOnMessage(message, extra);
}

const client = new Client({ name: 'foxreload-sdk-client', version: '1.0.0' }, { capabilities: {} });

client.onerror = (error) => {
    if (/unknown message ID/i.test(String(error?.message))) stats.unexpectedResponses += 1;
    emit({ type: 'error', message: String(error?.message ?? error), atMs: elapsed() });
};
client.onclose = () => {
    if (!closing) {
        stats.closed = true;
        emit({ type: 'error', message: 'connection closed by the server', atMs: elapsed() });
    }
};

let relisting = Promise.resolve();
client.fallbackNotificationHandler = async (notification) => {
    const method = notification.method;
    stats.notifications[method] = (stats.notifications[method] ?? 0) + 1;
    if (method === 'notifications/tools/list_changed') stats.listChanged += 1;
    emit({ type: 'notification', method, params: notification.params ?? null, atMs: elapsed() });
    if (method === 'notifications/tools/list_changed' && options.relistOnChange) {
        relisting = relisting.then(listTools).catch((error) => emit({ type: 'error', message: `tools/list: ${error.message}` }));
    }
};

async function listTools() {
    const { tools } = await client.listTools(undefined, { timeout: options.timeoutMs });
    emit({ type: 'tools', count: tools.length, names: tools.map((t) => t.name), tools, atMs: elapsed() });
    return tools;
}

async function callOnce(call, seq, full) {
    const args = substitute(call.args, seq);
    const began = performance.now();
    stats.calls += 1;
    const requestOptions = { timeout: options.timeoutMs };
    if (options.progress) {
        requestOptions.onprogress = (progress) => {
            stats.progress += 1;
            emit({ type: 'progress', seq, tool: call.tool, progress: progress.progress, total: progress.total ?? null,
                message: progress.message ?? null, atMs: elapsed() });
        };
    }
    let cancelTimer;
    let cancelled = false;
    if (full && options.cancelAfterMs !== null) {
        const controller = new AbortController();
        requestOptions.signal = controller.signal;
        cancelTimer = setTimeout(() => { cancelled = true; controller.abort('cancelled by sdk-client --cancel-after-ms'); },
            options.cancelAfterMs);
    }
    try {
        const result = await client.callTool({ name: call.tool, arguments: args }, undefined, requestOptions);
        clearTimeout(cancelTimer);
        const ms = Math.round((performance.now() - began) * 100) / 100;
        stats.latencies.push(ms);
        const isError = result.isError === true;
        if (isError) stats.toolErrors += 1; else stats.ok += 1;
        const first = Array.isArray(result.content) ? result.content.find((c) => c.type === 'text') : undefined;
        const line = { type: 'call', seq, tool: call.tool, ok: !isError, isError, ms, text: first ? first.text.slice(0, 500) : null, atMs: elapsed() };
        if (full) line.result = result;
        emit(line);
        return !isError;
    } catch (error) {
        clearTimeout(cancelTimer);
        const ms = Math.round((performance.now() - began) * 100) / 100;
        if (cancelled) {
            stats.cancelled += 1;
            emit({ type: 'call', seq, tool: call.tool, ok: false, isError: false, cancelled: true, ms, atMs: elapsed() });
            return true; // asked for: not a failure
        }
        stats.errors += 1;
        const code = typeof error?.code === 'number' ? error.code : null;
        const key = String(code ?? 'none');
        stats.errorCodes[key] = (stats.errorCodes[key] ?? 0) + 1;
        emit({ type: 'call', seq, tool: call.tool, ok: false, isError: false, ms,
            error: { code, message: String(error?.message ?? error), data: error?.data ?? null }, atMs: elapsed() });
        return false;
    }
}

async function sendRequest(step) {
    const began = performance.now();
    try {
        const result = await client.request({ method: step.method, params: step.params }, ResultSchema.passthrough(),
            { timeout: options.timeoutMs });
        emit({ type: 'response', method: step.method, ok: true, ms: Math.round((performance.now() - began) * 100) / 100, result, atMs: elapsed() });
        return true;
    } catch (error) {
        emit({ type: 'response', method: step.method, ok: false, ms: Math.round((performance.now() - began) * 100) / 100,
            error: { code: typeof error?.code === 'number' ? error.code : null, message: String(error?.message ?? error), data: error?.data ?? null },
            atMs: elapsed() });
        return false;
    }
}

async function runLoop(call) {
    const stopAt = performance.now() + options.durationS * 1000;
    const inflight = new Set();
    let seq = 0;
    let nextAt = performance.now();
    while (!stats.closed && !closing) {
        const now = performance.now();
        if (now >= stopAt) break;
        if (now < nextAt) {
            await new Promise((resolve) => setTimeout(resolve, Math.min(nextAt, stopAt) - now));
            continue;
        }
        if (inflight.size >= options.concurrency) {
            await Promise.race(inflight);
            continue;
        }
        const promise = callOnce(call, ++seq, false).finally(() => inflight.delete(promise));
        inflight.add(promise);
        // A fixed grid, not "interval after the last call": slow answers do not slow the schedule down.
        nextAt = Math.max(nextAt + options.intervalMs, performance.now() - options.intervalMs);
    }
    await Promise.allSettled(inflight);
}

function summary() {
    const sorted = [...stats.latencies].sort((a, b) => a - b);
    return {
        type: 'summary', calls: stats.calls, ok: stats.ok, errors: stats.errors, toolErrors: stats.toolErrors,
        cancelled: stats.cancelled, progress: stats.progress,
        errorCodes: stats.errorCodes, listChanged: stats.listChanged, notifications: stats.notifications,
        reinitialized: stats.initializeResponses > 1, initializeResponses: stats.initializeResponses,
        unexpectedResponses: stats.unexpectedResponses, closed: stats.closed, durationMs: elapsed(),
        latencyMs: { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) ?? null },
    };
}

async function shutdown(code) {
    closing = true;
    try {
        await client.close(); // closes the server's stdin, then SIGTERM, then SIGKILL (SDK behaviour)
    } catch (error) {
        emit({ type: 'error', message: `close: ${error.message}` });
    }
    emit(summary());
    process.exitCode = code;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        if (interrupted) process.exit(1);
        interrupted = true;
        closing = true;
        shutdown(1).then(() => process.exit(1));
    });
}

async function main() {
    try {
        await client.connect(transport, { timeout: options.timeoutMs });
    } catch (error) {
        emit({ type: 'error', message: `connect: ${error.message}` });
        stats.closed = true;
        await shutdown(1);
        return;
    }
    emit({
        type: 'connected', serverInfo: client.getServerVersion() ?? null,
        protocolVersion: stats.protocolVersion ?? null,
        capabilities: client.getServerCapabilities() ?? null, instructions: client.getInstructions() ?? null,
        atMs: elapsed(),
    });
    let success = true;
    try {
        if (options.list || options.calls.length > 0) await listTools(); // also primes outputSchema validation
        if (options.loop) {
            await runLoop(options.calls[0]);
        } else {
            let seq = 0;
            for (const step of options.steps) {
                const ok = step.tool ? await callOnce(step, ++seq, true) : await sendRequest(step);
                if (!ok) success = false;
            }
        }
        if (options.lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, options.lingerMs));
        await relisting;
    } catch (error) {
        emit({ type: 'error', message: error.message });
        success = false;
    }
    if (interrupted) return;
    success = success && stats.errors === 0 && stats.toolErrors === 0 && !stats.closed;
    await shutdown(success ? 0 : 1);
}

main();
