#!/usr/bin/env node
// A dual-era MCP server on the official v2 TypeScript SDK (@modelcontextprotocol/server 2.x): it
// answers 2026-07-28 clients (server/discover, per-request _meta, subscriptions/listen) and
// 2025-era clients (initialize) on the same stdio pipe or HTTP endpoint. FoxReload's issue-11
// tests use it as the "new server" of every era mix.
//
// Usage: node sdk2-server.mjs [options]
//   --http                 serve Streamable HTTP at http://127.0.0.1:PORT/mcp instead of stdio
//   --port N               HTTP port (default: env PORT, else 0 = any free port)
//   --host H               HTTP bind address (default 127.0.0.1)
//   --tools-dir DIR        dynamic tools: every DIR/*.json is one tool
//                          {"name", "description", "inputSchema", "reply"}; "reply" is the text the
//                          call returns ("{args}" becomes the arguments as JSON). Files are re-read
//                          on every change; the server then sends notifications/tools/list_changed
//   --resource-file FILE   the file behind resource "fixture://note" (default: a built-in text);
//                          an edit sends notifications/resources/updated to subscribers
//   --modern-only          refuse 2025-era clients (stdio: legacy 'reject'; HTTP: legacy 'reject')
//   --name NAME            serverInfo.name (default foxreload-sdk2-fixture)
//   --instance TAG         text added to every tool reply (tells server generations apart;
//                          default: this process's pid)
//
// Fixed surface (both eras):
//   tools    echo {message}; address {zip, street, city} (properties in exactly this order, for
//            key-order checks); slow {ms} (progress every 100 ms when asked); bump (changes the
//            resource and sends resources/updated); plus the dynamic tools of --tools-dir
//   resource fixture://note (text/plain, subscribable)
//   prompt   greet {name}
// On HTTP a line "listening http://127.0.0.1:PORT/mcp" goes to stderr once the port is bound.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
    McpServer, acceptedContent, createMcpHandler, fromJsonSchema, inputRequired, hostHeaderValidationResponse, localhostAllowedHostnames,
    localhostAllowedOrigins, originValidationResponse,
} from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';

function usage(message) {
    process.stderr.write(`sdk2-server: ${message}\n`);
    process.exit(2);
}

function parseArguments(argv) {
    const options = {
        http: false, port: Number(process.env.PORT ?? 0), host: '127.0.0.1', toolsDir: null,
        resourceFile: null, modernOnly: false, name: 'foxreload-sdk2-fixture', instance: String(process.pid),
    };
    for (let i = 0; i < argv.length; ++i) {
        const value = argv[i + 1];
        const needValue = () => {
            if (value === undefined) usage(`${argv[i]} needs a value`);
            ++i;
            return value;
        };
        switch (argv[i]) {
        case '--http': options.http = true; break;
        case '--port': options.port = Number(needValue()); break;
        case '--host': options.host = needValue(); break;
        case '--tools-dir': options.toolsDir = path.resolve(needValue()); break;
        case '--resource-file': options.resourceFile = path.resolve(needValue()); break;
        case '--modern-only': options.modernOnly = true; break;
        case '--name': options.name = needValue(); break;
        case '--instance': options.instance = needValue(); break;
        default: usage(`unknown option ${argv[i]}`);
        }
    }
    if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) usage('bad port');
    return options;
}

const options = parseArguments(process.argv.slice(2));
const log = (text) => process.stderr.write(`sdk2-server[${process.pid}]: ${text}\n`);

// ---- the state the instances share (tools on disk, the resource text) ----

function readDynamicTools() {
    if (!options.toolsDir) return [];
    let names;
    try {
        names = fs.readdirSync(options.toolsDir).filter((n) => n.endsWith('.json')).sort();
    } catch {
        return [];
    }
    const tools = [];
    for (const file of names) {
        try {
            const spec = JSON.parse(fs.readFileSync(path.join(options.toolsDir, file), 'utf8'));
            if (typeof spec.name !== 'string' || spec.name === '') throw new Error('no "name"');
            tools.push(spec);
        } catch (error) {
            // A half-written or broken file is skipped, as a real server skips a module that fails to load.
            log(`skipping ${file}: ${error.message}`);
        }
    }
    return tools;
}

let bumpCount = 0;
function resourceText() {
    if (options.resourceFile) {
        try {
            return fs.readFileSync(options.resourceFile, 'utf8');
        } catch {
            return '';
        }
    }
    return `note (bumped ${bumpCount} times)`;
}

const NOTE_URI = 'fixture://note';
// Listeners for change events; each serving instance (stdio connection or HTTP handler) adds one.
const changeListeners = new Set();
function publish(kind, uri) {
    for (const listener of changeListeners) listener(kind, uri);
}

const readDynamicToolsAtBuild = new WeakMap();

function dynamicToolDefinition(spec) {
    const reply = typeof spec.reply === 'string' ? spec.reply : `${spec.name} called with {args}`;
    return {
        config: {
            description: spec.description ?? `dynamic tool ${spec.name}`,
            inputSchema: fromJsonSchema(spec.inputSchema ?? { type: 'object', properties: {} }),
        },
        callback: async (args) => ({
            content: [{ type: 'text', text: `${reply.replaceAll('{args}', JSON.stringify(args ?? {}))} [${options.instance}]` }],
        }),
    };
}

// ---- one McpServer instance; the factory is called per stdio connection / per HTTP request ----

function buildServer() {
    const server = new McpServer(
        { name: options.name, version: '2.4.0-fixture' },
        {
            capabilities: {
                tools: { listChanged: true },
                resources: { subscribe: true, listChanged: true },
                prompts: { listChanged: true },
            },
            instructions: 'FoxReload test fixture (v2 SDK).',
        });
    const tag = ` [${options.instance}]`;

    server.registerTool('echo', {
        description: 'Echoes the message back',
        inputSchema: fromJsonSchema({ type: 'object', properties: { message: { type: 'string' } }, required: ['message'] }),
    }, async ({ message }) => ({ content: [{ type: 'text', text: `${message}${tag}` }] }));

    // The property order zip, street, city is deliberate: a proxy that sorts keys changes it.
    server.registerTool('address', {
        description: 'Formats a postal address',
        inputSchema: fromJsonSchema({
            type: 'object',
            properties: {
                zip: { type: 'string', description: 'postal code' },
                street: { type: 'string' },
                city: { type: 'string' },
            },
            required: ['zip', 'street', 'city'],
        }),
    }, async (args) => ({ content: [{ type: 'text', text: `${args.street}, ${args.zip} ${args.city}${tag}` }] }));

    server.registerTool('slow', {
        description: 'Waits ms milliseconds, reporting progress every 100 ms when asked',
        inputSchema: fromJsonSchema({ type: 'object', properties: { ms: { type: 'integer', minimum: 0, maximum: 60000 } }, required: ['ms'] }),
    }, async ({ ms }, ctx) => {
        const token = ctx?.mcpReq?._meta?.progressToken;
        const steps = Math.max(1, Math.ceil(ms / 100));
        for (let step = 1; step <= steps; ++step) {
            await new Promise((resolve) => setTimeout(resolve, ms / steps));
            if (token !== undefined && typeof ctx?.mcpReq?.notify === 'function') {
                await ctx.mcpReq.notify({
                    method: 'notifications/progress',
                    params: { progressToken: token, progress: step, total: steps },
                });
            }
        }
        return { content: [{ type: 'text', text: `slept ${ms} ms${tag}` }] };
    });

    // Multi round-trip (2026-07-28: input_required + retry; 2025: an elicitation/create request to the
    // client). The form's fields are in the order name, email, age with name required first, so a proxy
    // that reorders keys is visible.
    server.registerTool('register', {
        description: 'Asks the user for name, email and age (elicitation), then greets them',
    }, async (ctx) => {
        // A tool without inputSchema gets the context as its only argument.
        const form = acceptedContent(ctx?.mcpReq?.inputResponses, 'form');
        if (form === undefined) {
            return inputRequired({
                inputRequests: {
                    form: inputRequired.elicit({
                        message: 'Who are you?',
                        requestedSchema: {
                            type: 'object',
                            properties: {
                                name: { type: 'string', title: 'Name' },
                                email: { type: 'string', format: 'email' },
                                age: { type: 'integer', minimum: 0 },
                            },
                            required: ['name', 'email'],
                        },
                    }),
                },
                requestState: `register:${options.instance}`,
            });
        }
        return { content: [{ type: 'text', text: `registered ${form.name} <${form.email}>${tag}` }] };
    });

    server.registerTool('bump', {
        description: 'Changes fixture://note and notifies its subscribers',
    }, async () => {
        ++bumpCount;
        publish('resourceUpdated', NOTE_URI);
        return { content: [{ type: 'text', text: `bumped ${bumpCount}${tag}` }] };
    });

    const registeredAtBuild = [];
    for (const spec of readDynamicTools()) {
        if (['echo', 'address', 'slow', 'bump'].includes(spec.name)) continue;
        const definition = dynamicToolDefinition(spec);
        server.registerTool(spec.name, definition.config, definition.callback);
        registeredAtBuild.push([spec.name, { text: JSON.stringify(spec) }]);
    }
    readDynamicToolsAtBuild.set(server, registeredAtBuild);

    server.registerResource('note', NOTE_URI, {
        description: 'A note that the bump tool or --resource-file edits change',
        mimeType: 'text/plain',
    }, async (uri) => ({ contents: [{ uri: uri.href ?? String(uri), mimeType: 'text/plain', text: resourceText() }] }));

    server.registerPrompt('greet', {
        description: 'Greets someone',
        argsSchema: fromJsonSchema({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }),
    }, ({ name }) => ({
        messages: [{ role: 'user', content: { type: 'text', text: `Say hello to ${name}.` } }],
    }));

    // 2025-era clients subscribe with resources/subscribe; McpServer leaves that method to us. The
    // fixture notifies every connection of every update anyway, so the handlers only acknowledge.
    for (const method of ['resources/subscribe', 'resources/unsubscribe']) {
        try {
            server.server.setRequestHandler(method, async () => ({}));
        } catch (error) {
            log(`cannot handle ${method}: ${error.message}`);
        }
    }
    return server;
}

// ---- watching the tools directory and the resource file ----

function watchInputs() {
    const debounce = new Map();
    const later = (key, fn) => {
        clearTimeout(debounce.get(key));
        debounce.set(key, setTimeout(fn, 50));
    };
    if (options.toolsDir) {
        try {
            fs.watch(options.toolsDir, () => later('tools', () => publish('toolsChanged')));
        } catch (error) {
            log(`cannot watch ${options.toolsDir}: ${error.message}`);
        }
    }
    if (options.resourceFile) {
        // Watch the directory: editors replace files, and a watch on the file would then go deaf.
        const dir = path.dirname(options.resourceFile);
        const base = path.basename(options.resourceFile);
        try {
            fs.watch(dir, (event, name) => {
                if (name === null || name === base) later('note', () => publish('resourceUpdated', NOTE_URI));
            });
        } catch (error) {
            log(`cannot watch ${dir}: ${error.message}`);
        }
    }
}

// ---- stdio ----

function serveOnStdio() {
    // serveStdio pins one instance per connection; list changes must reach that instance, which
    // re-registers its tools and lets the SDK send list_changed (legacy: unsolicited; modern: on
    // the subscriptions/listen streams that opted in).
    let pinned = null;
    const handle = serveStdio(() => {
        pinned = buildServer();
        return pinned;
    }, { legacy: options.modernOnly ? 'reject' : 'serve', onerror: (e) => log(`error: ${e.message}`) });
    changeListeners.add((kind, uri) => {
        if (!pinned) return;
        if (kind === 'toolsChanged') refreshDynamicTools(pinned);
        if (kind === 'resourceUpdated') pinned.server.sendResourceUpdated({ uri }).catch(() => {});
    });
    process.stdin.on('end', () => {
        handle.close().finally(() => process.exit(0));
    });
}

// Replaces the dynamic tools of a live instance by the directory's current ones. McpServer sends
// notifications/tools/list_changed by itself on every register/update/remove, so only tools whose
// file really changed are touched: one edit gives one notification.
const dynamicByServer = new WeakMap();
function refreshDynamicTools(server) {
    const fixed = new Set(['echo', 'address', 'slow', 'register', 'bump']);
    const previous = dynamicByServer.get(server)
        ?? new Map(readDynamicToolsAtBuild.get(server) ?? []);
    const current = new Map();
    for (const spec of readDynamicTools()) {
        if (fixed.has(spec.name)) continue;
        const text = JSON.stringify(spec);
        const known = previous.get(spec.name);
        const registered = server._registeredTools?.[spec.name];
        if (known && known.text === text && registered) {
            current.set(spec.name, known);
            continue;
        }
        const definition = dynamicToolDefinition(spec);
        if (registered) registered.update({ ...definition.config, callback: definition.callback });
        else server.registerTool(spec.name, definition.config, definition.callback);
        current.set(spec.name, { text });
    }
    for (const name of Object.keys(server._registeredTools ?? {})) {
        if (!fixed.has(name) && !current.has(name)) server._registeredTools[name].remove();
    }
    dynamicByServer.set(server, current);
}

// ---- HTTP ----

async function toFetchRequest(req, url) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
        else if (value !== undefined) headers.set(key, value);
    }
    const body = chunks.length > 0 && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
    const controller = new AbortController();
    // Closing the response stream is the client's cancellation signal in 2026-07-28.
    req.socket.once('close', () => controller.abort());
    return new Request(url, { method: req.method, headers, body, signal: controller.signal });
}

async function sendFetchResponse(response, res) {
    const headers = {};
    response.headers.forEach((value, key) => { headers[key] = value; });
    res.writeHead(response.status, headers);
    if (!response.body) {
        res.end();
        return;
    }
    const reader = response.body.getReader();
    res.on('close', () => reader.cancel().catch(() => {}));
    for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
    }
    res.end();
}

function serveOnHttp() {
    const handler = createMcpHandler(() => buildServer(), {
        legacy: options.modernOnly ? 'reject' : 'stateless',
        onerror: (e) => log(`error: ${e.message}`),
    });
    changeListeners.add((kind, uri) => {
        if (kind === 'toolsChanged') handler.notify.toolsChanged();
        if (kind === 'resourceUpdated') handler.notify.resourceUpdated(uri);
    });
    const server = http.createServer(async (req, res) => {
        const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${options.host}:${options.port}`}`);
        if (url.pathname !== '/mcp') {
            res.writeHead(404).end();
            return;
        }
        try {
            const request = await toFetchRequest(req, url);
            // DNS-rebinding protection, as the spec asks of every local HTTP server.
            const rejected = hostHeaderValidationResponse(request, localhostAllowedHostnames())
                ?? originValidationResponse(request, localhostAllowedOrigins());
            await sendFetchResponse(rejected ?? await handler.fetch(request), res);
        } catch (error) {
            log(`request failed: ${error.message}`);
            if (!res.headersSent) res.writeHead(500);
            res.end();
        }
    });
    server.listen(options.port, options.host, () => {
        const { port } = server.address();
        process.stderr.write(`listening http://${options.host}:${port}/mcp\n`);
    });
    const stop = () => {
        handler.close().catch(() => {});
        server.close();
        server.closeAllConnections?.();
        process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
}

watchInputs();
if (options.http) serveOnHttp();
else serveOnStdio();
