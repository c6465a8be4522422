// foxreload-hot: answers FoxReload's `foxreload/reload` request in a server built on the official
// TypeScript SDK (v1 `McpServer` from @modelcontextprotocol/sdk, v2 `McpServer` from
// @modelcontextprotocol/server). Each hot-reloadable module exports `register(server, context)`;
// on a reload the changed modules are imported afresh, what their old version registered is
// removed and the new version registers again, so the SDK itself sends the list_changed
// notifications. A module that fails to import or to register leaves the old version serving.

import fs from 'node:fs';
import { createRequire, register as registerHooks } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const kDefaultMethod = 'foxreload/reload';
const kReloadFailed = -32000;
const kInvalidParams = -32602;
const kRecordedMethods = ['registerTool', 'registerPrompt', 'registerResource', 'tool', 'prompt', 'resource'];
const kTypeScriptOutput = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' };

let hooksInstalled = false;
function installHooks() {
    if (hooksInstalled) return;
    hooksInstalled = true;
    registerHooks('./lib/loader-hooks.js', import.meta.url);
}

function toPath(location, base) {
    if (location instanceof URL) return fileURLToPath(location);
    if (location.startsWith('file:')) return fileURLToPath(location);
    return path.resolve(base, location);
}

function realPath(file) {
    try {
        return fs.realpathSync(file);
    } catch {
        return path.resolve(file); // a deleted file still names its module
    }
}

// ESM or CommonJS, the way Node decides it: the extension, else the nearest package.json "type".
function formatOf(file) {
    if (file.endsWith('.mjs')) return 'esm';
    if (file.endsWith('.cjs')) return 'cjs';
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, 'package.json');
        if (fs.existsSync(manifest)) {
            try {
                return JSON.parse(fs.readFileSync(manifest, 'utf8')).type === 'module' ? 'esm' : 'cjs';
            } catch {
                return 'cjs';
            }
        }
        if (path.dirname(dir) === dir) return 'cjs';
    }
}

function registerFunctionOf(namespace, file) {
    const candidate = typeof namespace?.register === 'function' ? namespace.register
        : typeof namespace?.default === 'function' ? namespace.default
            : typeof namespace?.default?.register === 'function' ? namespace.default.register : null;
    if (!candidate) throw new Error(`${file} exports no register(server, context) function`);
    return candidate;
}

// CommonJS: forget the module and the project files it required, so require() reads them again.
function evictFromRequireCache(file, seen = new Set()) {
    const cache = createRequire(file).cache;
    const entry = cache[file];
    if (!entry || seen.has(file)) return;
    seen.add(file);
    delete cache[file];
    for (const child of entry.children ?? []) {
        if (!child.filename.includes(`${path.sep}node_modules${path.sep}`)) evictFromRequireCache(child.filename, seen);
    }
}

// A stand-in for the server that a module's register() receives: it forwards everything and
// keeps the handles the SDK returns, so the module's registrations can be removed later.
function recordingServer(server, registrations) {
    return new Proxy(server, {
        get(target, property) {
            const value = Reflect.get(target, property, target);
            if (typeof value !== 'function') return value;
            if (!kRecordedMethods.includes(property)) return value.bind(target);
            return (...args) => {
                const handle = value.apply(target, args);
                registrations.push({ kind: property.replace(/^register/, '').toLowerCase(), name: String(args[0]), handle });
                return handle;
            };
        },
    });
}

function removeAll(registrations) {
    for (const { handle } of registrations.splice(0)) {
        try {
            handle?.remove?.();
        } catch {
            // already gone: nothing to undo
        }
    }
}

function reloadError(message, data) {
    const error = new Error(message);
    error.code = kReloadFailed;
    error.data = data;
    return error;
}

function invalidParams(message) {
    const error = new Error(`Invalid params: ${message}`);
    error.code = kInvalidParams;
    return error;
}

class HotReload {
    constructor(options) {
        if (!options || !Array.isArray(options.modules) || options.modules.length === 0)
            throw new TypeError('foxreload-hot: options.modules must name at least one module');
        const base = options.base ? toPath(options.base, process.cwd()) : process.cwd();
        // `base` may be import.meta.url of the entry point: its directory is the base.
        this.base = options.base && fs.existsSync(base) && fs.statSync(base).isFile() ? path.dirname(base) : base;
        this.root = realPath(options.root ? toPath(options.root, process.cwd()) : process.cwd());
        this.method = options.method ?? kDefaultMethod;
        this.context = options.context ?? {};
        this.log = options.log ?? ((line) => process.stderr.write(`foxreload-hot: ${line}\n`));
        this.sources = (options.sources ?? []).map(({ from, to }) => ({
            from: realPath(path.resolve(this.root, from)), to: path.resolve(this.root, to),
        }));
        this.modules = new Map(); // real path -> { file, format, register, relative }
        for (const location of options.modules) {
            const file = realPath(toPath(location, this.base));
            this.modules.set(file, { file, format: formatOf(file), register: null, relative: this.relative(file) });
        }
        this.servers = new Map(); // McpServer -> Map(module file -> registrations)
        this.generation = 0;
        this.queue = Promise.resolve();
        installHooks();
    }

    relative(file) {
        return path.relative(this.root, file).split(path.sep).join('/');
    }

    async loadAll() {
        for (const module of this.modules.values()) module.register = await this.importModule(module, 0);
        return this;
    }

    async importModule(module, generation) {
        if (module.format === 'cjs') {
            if (generation > 0) evictFromRequireCache(module.file);
            return registerFunctionOf(createRequire(module.file)(module.file), module.relative);
        }
        const url = pathToFileURL(module.file).href + (generation > 0 ? `?foxreload=${generation}` : '');
        return registerFunctionOf(await import(url), module.relative);
    }

    attach(server) {
        if (this.servers.has(server)) return server;
        const perModule = new Map();
        this.servers.set(server, perModule);
        for (const module of this.modules.values()) {
            const registrations = [];
            perModule.set(module.file, registrations);
            module.register(recordingServer(server, registrations), this.context);
        }
        this.installHandler(server);
        return server;
    }

    detach(server) {
        this.servers.delete(server);
    }

    installHandler(server) {
        const protocol = server.server ?? server;
        const handle = (params) => this.enqueue(params ?? {});
        try {
            // v2: custom methods take a Standard Schema for their params; the adapter checks them itself.
            const anything = { '~standard': { version: 1, vendor: 'foxreload-hot', validate: (value) => ({ value }) } };
            protocol.setRequestHandler(this.method, { params: anything }, (params) => handle(params));
            return;
        } catch {
            // v1 wants a zod schema: answer through the fallback handler instead, keeping any earlier one.
        }
        const previous = protocol.fallbackRequestHandler;
        protocol.fallbackRequestHandler = async (request, extra) => {
            if (request.method === this.method) return handle(request.params);
            if (previous) return previous(request, extra);
            const error = new Error(`Method not found: ${request.method}`);
            error.code = -32601;
            throw error;
        };
    }

    enqueue(params) {
        const run = this.queue.then(() => this.reload(params));
        this.queue = run.catch(() => {});
        return run;
    }

    // A changed TypeScript source names the compiled file that Node runs.
    outputOf(file) {
        for (const { from, to } of this.sources) {
            if (file !== from && !file.startsWith(from + path.sep)) continue;
            const compiled = path.join(to, path.relative(from, file));
            const extension = path.extname(compiled);
            return kTypeScriptOutput[extension] ? compiled.slice(0, -extension.length) + kTypeScriptOutput[extension] : compiled;
        }
        return file;
    }

    resolveNamed(raw) {
        if (typeof raw !== 'string' || raw.length === 0) throw invalidParams("'files' and 'components' must be lists of non-empty strings");
        return realPath(this.outputOf(realPath(path.resolve(this.root, raw))));
    }

    async reload(params) {
        const began = performance.now();
        const files = params.files ?? [];
        const components = params.components ?? [];
        if (!Array.isArray(files) || !Array.isArray(components))
            throw invalidParams("'files' and 'components' must be lists of strings");
        const named = new Set([...files, ...components].map((raw) => this.resolveNamed(raw)));
        let targets = [...this.modules.values()].filter((module) => named.has(module.file));
        // Named files that are no hot-reloadable module are helpers; when no module that imports
        // them is named, every module is re-imported (the hooks bring the helpers along).
        const helpers = [...named].filter((file) => !this.modules.has(file)).map((file) => this.relative(file));
        if (targets.length === 0) targets = [...this.modules.values()];

        const generation = ++this.generation;
        const loaded = [];
        const errors = [];
        for (const module of targets) {
            try {
                loaded.push({ module, register: await this.importModule(module, generation) });
            } catch (error) {
                errors.push({ file: module.relative, reason: error.message, traceback: error.stack ?? String(error) });
            }
        }
        if (errors.length > 0) {
            // Nothing is swapped: the server keeps serving every module's previous version.
            const message = `reload failed: ${errors.map((e) => `${e.file}: ${e.reason}`).join('; ')}`;
            this.log(message);
            throw reloadError(message, { errors, traceback: errors.map((e) => e.traceback).join('\n'), generation });
        }

        const registered = [];
        for (const { module, register } of loaded) {
            for (const [server, perModule] of this.servers) this.swap(server, perModule, module, register, errors);
            if (!errors.some((e) => e.file === module.relative)) module.register = register;
        }
        for (const registrations of this.servers.values().next().value?.values() ?? [])
            registered.push(...registrations.map(({ kind, name }) => `${kind}:${name}`));
        const summary = {
            reloaded: loaded.map(({ module }) => module.relative),
            helpers,
            registered,
            generation,
            durationMs: Math.round((performance.now() - began) * 100) / 100,
        };
        if (errors.length > 0) {
            const message = `reload failed: ${errors.map((e) => `${e.file}: ${e.reason}`).join('; ')}`;
            this.log(message);
            throw reloadError(message, { ...summary, errors, traceback: errors.map((e) => e.traceback).join('\n') });
        }
        this.log(`reloaded ${summary.reloaded.join(', ')} (generation ${generation}, ${summary.durationMs} ms)`);
        return summary;
    }

    // The old registrations go, the new module registers; if it throws, the old version comes back.
    swap(server, perModule, module, register, errors) {
        const registrations = perModule.get(module.file) ?? [];
        perModule.set(module.file, registrations);
        removeAll(registrations);
        try {
            register(recordingServer(server, registrations), this.context);
        } catch (error) {
            removeAll(registrations);
            module.register(recordingServer(server, registrations), this.context);
            if (!errors.some((e) => e.file === module.relative))
                errors.push({ file: module.relative, reason: error.message, traceback: error.stack ?? String(error) });
        }
    }
}

// Loads the modules once; attach() each server instance (a v2 factory may build several).
export async function createHotReload(options) {
    return new HotReload(options).loadAll();
}

// The one-line form: load the modules, register them on `server` and answer foxreload/reload.
export async function enableHotReload(server, options) {
    const hot = await createHotReload(options);
    hot.attach(server);
    return hot;
}
