#!/usr/bin/env node
// A command-line MCP client on the official v2 TypeScript SDK (@modelcontextprotocol/client 2.x).
// Like sdk-client.mjs (the v1 client) it prints one JSON object per line, so FoxReload's issue-11
// tests can drive a 2026-07-28 client (pinned or in `auto` mode) over stdio or Streamable HTTP.
//
// Usage: node sdk2-client.mjs [options] -- COMMAND [ARGS...]      (stdio: the client starts COMMAND)
//        node sdk2-client.mjs [options] --url http://127.0.0.1:PORT/mcp   (Streamable HTTP)
//   --version V          2026-07-28 (default: pinned, no fallback), auto (server/discover probe, falls
//                        back to initialize for a legacy server; on stdio the SDK probes a short-lived
//                        second copy of COMMAND), or legacy (plain 2025 initialize)
//   --probe-timeout-ms N auto/pinned: how long the server/discover probe may take (SDK default 60000)
//   --list               print the tools
//   --call NAME          call a tool (repeatable; the --args that follows belongs to it)
//   --args JSON          arguments of the preceding --call (default {}); "{seq}" becomes the call number
//   --request METHOD     send any request (repeatable, in order with the calls); --params JSON after it
//   --subscribe WHAT     open subscriptions/listen (modern) before the work. WHAT is a comma list of
//                        tools, prompts, resources, or resource:URI (repeatable). On a legacy
//                        connection resource:URI becomes resources/subscribe and list changes arrive
//                        unsolicited, so the same flag works in every era
//   --relist-on-change   after notifications/tools/list_changed, list the tools again and print them
//   --loop               call the (first) --call tool every --interval-ms for --duration-s
//   --interval-ms N      loop period (default 100)
//   --duration-s S       loop length (default 10)
//   --progress           ask for progress on every call and print what arrives
//   --elicit JSON        declare the elicitation capability and accept every form with this content
//                        (2026-07-28: the SDK retries the call with inputResponses; 2025: answers the
//                        server's elicitation/create); each form is printed as an "elicitation" line
//   --linger-ms N        after the work, keep listening for notifications for N ms
//   --timeout-ms N       per-request timeout (default 30000)
//   --cwd DIR, --env K=V, --quiet-server   as in sdk-client.mjs (stdio only)
//
// Output lines ("type"):
//   connected     {era, protocolVersion, serverInfo, capabilities, supportedVersions, connectMs}
//   subscription  {filter, honored}        (listen acknowledged) / resources/subscribe answered
//   subscriptionClosed {how}               local | graceful | remote
//   tools         {count, names, tools}
//   call          {seq, tool, ok, isError, ms, text, [error]}
//   response      {method, ok, ms, result | error}
//   notification  {method, params, atMs}
//   progress      {seq, progress, total, atMs}
//   elicitation   {message, fields (requestedSchema property names in wire order), required}
//   error         {message, [code]}
//   summary       {era, protocolVersion, calls, ok, errors, toolErrors, errorCodes, listChanged, notifications,
//                  subscriptionsOpen, subscriptionsClosed, closed, durationMs, latencyMs}
// Exit code 0 when the connection held and every call/request succeeded; 1 otherwise; 2 usage.

import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const started = performance.now();
const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
const emit = (object) => process.stdout.write(JSON.stringify(object) + '\n');

function usage(message) {
    process.stderr.write(`sdk2-client: ${message}\nusage: node sdk2-client.mjs [--version 2026-07-28|auto|legacy] `
        + '[--list] [--call NAME [--args JSON]]... [--subscribe tools,resource:URI] (--url URL | -- COMMAND [ARGS...])\n');
    process.exit(2);
}

function parseArguments(argv) {
    const options = {
        version: '2026-07-28', probeTimeoutMs: undefined, url: null, list: false, steps: [], subscribe: [],
        relistOnChange: false, loop: false, intervalMs: 100, durationS: 10, progress: false, elicit: null, lingerMs: 0,
        timeoutMs: 30000, cwd: undefined, env: {}, quietServer: false, command: null, commandArgs: [],
    };
    const separator = argv.indexOf('--');
    const own = separator < 0 ? argv : argv.slice(0, separator);
    if (separator >= 0) [options.command, ...options.commandArgs] = argv.slice(separator + 1);
    const number = (flag, value) => {
        const parsed = Number(value);
        if (value === undefined || !Number.isFinite(parsed) || parsed < 0) usage(`${flag} needs a non-negative number`);
        return parsed;
    };
    const json = (flag, value) => {
        try {
            return JSON.parse(value);
        } catch {
            return usage(`${flag} needs JSON`);
        }
    };
    for (let i = 0; i < own.length; ++i) {
        const flag = own[i];
        const value = own[i + 1];
        const take = () => { ++i; return value; };
        switch (flag) {
        case '--version': options.version = take(); break;
        case '--probe-timeout-ms': options.probeTimeoutMs = number(flag, take()); break;
        case '--url': options.url = take(); break;
        case '--list': options.list = true; break;
        case '--call': options.steps.push({ kind: 'call', name: take(), args: {} }); break;
        case '--args': {
            const last = options.steps.at(-1);
            if (!last || last.kind !== 'call') usage('--args must follow --call');
            last.args = json(flag, take());
            break;
        }
        case '--request': options.steps.push({ kind: 'request', method: take(), params: undefined }); break;
        case '--params': {
            const last = options.steps.at(-1);
            if (!last || last.kind !== 'request') usage('--params must follow --request');
            last.params = json(flag, take());
            break;
        }
        case '--subscribe': options.subscribe.push(...String(take()).split(',').filter(Boolean)); break;
        case '--relist-on-change': options.relistOnChange = true; break;
        case '--loop': options.loop = true; break;
        case '--interval-ms': options.intervalMs = number(flag, take()); break;
        case '--duration-s': options.durationS = number(flag, take()); break;
        case '--progress': options.progress = true; break;
        case '--elicit': options.elicit = json(flag, take()); break;
        case '--linger-ms': options.lingerMs = number(flag, take()); break;
        case '--timeout-ms': options.timeoutMs = number(flag, take()); break;
        case '--cwd': options.cwd = take(); break;
        case '--env': {
            const pair = take() ?? '';
            const eq = pair.indexOf('=');
            if (eq <= 0) usage('--env needs K=V');
            options.env[pair.slice(0, eq)] = pair.slice(eq + 1);
            break;
        }
        case '--quiet-server': options.quietServer = true; break;
        default: usage(`unknown option ${flag}`);
        }
    }
    if (!options.url && !options.command) usage('give --url URL or a server command after "--"');
    if (options.url && options.command) usage('--url and a server command exclude each other');
    if (options.loop && !options.steps.some((s) => s.kind === 'call')) usage('--loop needs a --call');
    if (!['2026-07-28', 'auto', 'legacy'].includes(options.version) && !/^\d{4}-\d\d-\d\d$/.test(options.version)) {
        usage('--version is 2026-07-28, auto, legacy or a revision date');
    }
    return options;
}

const options = parseArguments(process.argv.slice(2));
const stats = {
    calls: 0, ok: 0, errors: 0, toolErrors: 0, errorCodes: {}, listChanged: 0, notifications: {},
    subscriptionsOpen: 0, subscriptionsClosed: {}, closed: false, latencies: [],
};
let requestFailures = 0;
const subscriptions = [];
const negotiated = { era: null, protocolVersion: null };

function negotiation() {
    if (options.version === 'legacy') return { mode: 'legacy' };
    const probe = options.probeTimeoutMs === undefined ? undefined : { timeoutMs: options.probeTimeoutMs };
    if (options.version === 'auto') return { mode: 'auto', probe };
    return { mode: { pin: options.version }, probe };
}

function makeTransport() {
    if (options.url) return new StreamableHTTPClientTransport(new URL(options.url));
    // The whole environment goes to the server (the SDK alone would pass only HOME, PATH, ...).
    return new StdioClientTransport({
        command: options.command, args: options.commandArgs, cwd: options.cwd,
        env: { ...process.env, ...options.env }, stderr: options.quietServer ? 'ignore' : 'inherit',
    });
}

function textOf(result) {
    return (result?.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
}

function errorInfo(error) {
    const code = error?.code;
    if (code !== undefined) stats.errorCodes[code] = (stats.errorCodes[code] ?? 0) + 1;
    return { message: String(error?.message ?? error), code };
}

const client = new Client(
    { name: 'foxreload-sdk2-client', version: '2.4.0' },
    { capabilities: options.elicit ? { elicitation: { form: {} } } : {}, versionNegotiation: negotiation() });

if (options.elicit) {
    client.setRequestHandler('elicitation/create', async (request) => {
        const schema = request.params?.requestedSchema ?? {};
        emit({
            type: 'elicitation', message: request.params?.message, fields: Object.keys(schema.properties ?? {}),
            required: schema.required ?? [], atMs: elapsed(),
        });
        return { action: 'accept', content: options.elicit };
    });
}

const notificationMethods = [
    'notifications/tools/list_changed', 'notifications/prompts/list_changed',
    'notifications/resources/list_changed', 'notifications/resources/updated', 'notifications/message',
];
for (const method of notificationMethods) {
    client.setNotificationHandler(method, async (notification) => {
        stats.notifications[method] = (stats.notifications[method] ?? 0) + 1;
        emit({ type: 'notification', method, params: notification.params ?? {}, atMs: elapsed() });
        if (method === 'notifications/tools/list_changed') {
            ++stats.listChanged;
            if (options.relistOnChange) await listTools().catch((e) => emit({ type: 'error', ...errorInfo(e) }));
        }
    });
}

async function listTools() {
    const { tools } = await client.listTools(undefined, { timeout: options.timeoutMs, cacheMode: 'bypass' });
    emit({ type: 'tools', count: tools.length, names: tools.map((t) => t.name), tools });
}

let seq = 0;
async function callTool(name, rawArgs) {
    const mySeq = ++seq;
    const args = JSON.parse(JSON.stringify(rawArgs).replaceAll('{seq}', String(mySeq)));
    ++stats.calls;
    const t0 = performance.now();
    const request = { name, arguments: args };
    const requestOptions = { timeout: options.timeoutMs };
    if (options.progress) {
        requestOptions.onprogress = (p) => emit({ type: 'progress', seq: mySeq, progress: p.progress, total: p.total, atMs: elapsed() });
    }
    try {
        const result = await client.callTool(request, requestOptions);
        const ms = Math.round((performance.now() - t0) * 100) / 100;
        stats.latencies.push(ms);
        if (result.isError) ++stats.toolErrors;
        else ++stats.ok;
        emit({ type: 'call', seq: mySeq, tool: name, ok: !result.isError, isError: Boolean(result.isError), ms, text: textOf(result) });
    } catch (error) {
        ++stats.errors;
        emit({ type: 'call', seq: mySeq, tool: name, ok: false, isError: false, ms: Math.round(performance.now() - t0), error: errorInfo(error) });
    }
}

async function sendRequest(method, params) {
    const t0 = performance.now();
    try {
        const passThrough = { '~standard': { version: 1, vendor: 'foxreload', validate: (value) => ({ value }) } };
        const result = await client.request({ method, params: params ?? {} }, passThrough, { timeout: options.timeoutMs });
        emit({ type: 'response', method, ok: true, ms: Math.round(performance.now() - t0), result });
    } catch (error) {
        ++requestFailures;
        emit({ type: 'response', method, ok: false, ms: Math.round(performance.now() - t0), error: errorInfo(error) });
    }
}

async function subscribe() {
    const filter = {};
    const uris = [];
    for (const item of options.subscribe) {
        if (item === 'tools') filter.toolsListChanged = true;
        else if (item === 'prompts') filter.promptsListChanged = true;
        else if (item === 'resources') filter.resourcesListChanged = true;
        else if (item.startsWith('resource:')) uris.push(item.slice('resource:'.length));
        else usage(`--subscribe does not know "${item}"`);
    }
    if (uris.length > 0) filter.resourceSubscriptions = uris;
    if (client.getProtocolEra() !== 'modern') {
        // 2025 era: list changes arrive unsolicited; resources need resources/subscribe.
        for (const uri of uris) await client.subscribeResource({ uri }, { timeout: options.timeoutMs });
        emit({ type: 'subscription', filter, honored: filter, legacy: true });
        return;
    }
    const subscription = await client.listen(filter, { timeout: options.timeoutMs });
    ++stats.subscriptionsOpen;
    subscriptions.push(subscription);
    emit({ type: 'subscription', filter, honored: subscription.honoredFilter });
    subscription.closed.then((how) => {
        stats.subscriptionsClosed[how] = (stats.subscriptionsClosed[how] ?? 0) + 1;
        emit({ type: 'subscriptionClosed', how, atMs: elapsed() });
    });
}

function percentile(sorted, p) {
    if (sorted.length === 0) return null;
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function finish(code) {
    const sorted = [...stats.latencies].sort((a, b) => a - b);
    emit({
        type: 'summary', era: negotiated.era, protocolVersion: negotiated.protocolVersion,
        calls: stats.calls, ok: stats.ok, errors: stats.errors, toolErrors: stats.toolErrors, errorCodes: stats.errorCodes,
        requestFailures, listChanged: stats.listChanged, notifications: stats.notifications,
        subscriptionsOpen: stats.subscriptionsOpen, subscriptionsClosed: stats.subscriptionsClosed, closed: stats.closed,
        durationMs: Math.round(elapsed()),
        latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? null },
    });
    process.exit(code);
}

async function main() {
    const transport = makeTransport();
    let finishing = false;
    client.onclose = () => {
        if (finishing) return;
        stats.closed = true;
        emit({ type: 'error', message: 'connection closed by the server side', atMs: elapsed() });
    };
    client.onerror = (error) => emit({ type: 'error', ...errorInfo(error), atMs: elapsed() });
    try {
        await client.connect(transport, { timeout: options.timeoutMs });
    } catch (error) {
        emit({ type: 'error', phase: 'connect', ...errorInfo(error), atMs: elapsed() });
        finish(1);
    }
    const discover = client.getDiscoverResult?.();
    negotiated.era = client.getProtocolEra() ?? null;
    negotiated.protocolVersion = client.getNegotiatedProtocolVersion() ?? null;
    emit({
        type: 'connected', era: negotiated.era, protocolVersion: negotiated.protocolVersion,
        serverInfo: client.getServerVersion(), capabilities: client.getServerCapabilities(),
        supportedVersions: discover?.supportedVersions ?? null, connectMs: elapsed(),
    });
    if (options.subscribe.length > 0) {
        try {
            await subscribe();
        } catch (error) {
            ++requestFailures;
            emit({ type: 'error', phase: 'subscribe', ...errorInfo(error), atMs: elapsed() });
        }
    }
    if (options.list) await listTools().catch((e) => { ++requestFailures; emit({ type: 'error', phase: 'list', ...errorInfo(e) }); });
    if (options.loop) {
        const step = options.steps.find((s) => s.kind === 'call');
        const end = performance.now() + options.durationS * 1000;
        while (performance.now() < end && !stats.closed) {
            const next = performance.now() + options.intervalMs;
            await callTool(step.name, step.args);
            const wait = next - performance.now();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
    } else {
        for (const step of options.steps) {
            if (step.kind === 'call') await callTool(step.name, step.args);
            else await sendRequest(step.method, step.params);
        }
    }
    if (options.lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, options.lingerMs));
    // Closing our subscriptions first makes them end 'local'; 'remote' then means the server side hung up.
    for (const subscription of subscriptions) await subscription.close().catch(() => {});
    await new Promise((resolve) => setImmediate(resolve));
    finishing = true;
    const healthy = !stats.closed && stats.errors === 0 && stats.toolErrors === 0 && requestFailures === 0;
    await client.close().catch(() => {});
    finish(healthy ? 0 : 1);
}

main().catch((error) => {
    emit({ type: 'error', phase: 'main', ...errorInfo(error) });
    finish(1);
});
