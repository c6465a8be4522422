// Types of foxreload-hot. The server is typed loosely on purpose: the same code serves the v1
// McpServer (@modelcontextprotocol/sdk) and the v2 one (@modelcontextprotocol/server).

/** What a hot-reloadable module exports: it registers its tools, prompts and resources. */
export type RegisterFunction<Server = any, Context = any> = (server: Server, context: Context) => void;

export interface HotReloadOptions<Context = any> {
    /** The modules to hot reload, each exporting `register(server, context)` (or a default function).
     * Paths are resolved against `base`; file: URLs are accepted. */
    modules: Array<string | URL>;
    /** Where relative module paths start: a directory, or the entry point's `import.meta.url`. Default: the cwd. */
    base?: string | URL;
    /** The project root, against which FoxReload's relative `components` are resolved. Default: the cwd. */
    root?: string | URL;
    /** Source directories compiled elsewhere, relative to `root`: `{from: 'src', to: 'dist'}` makes a
     * changed `src/tools/echo.ts` name `dist/tools/echo.js`. */
    sources?: Array<{ from: string; to: string }>;
    /** The JSON-RPC method to answer. Default `foxreload/reload` (server.hot_reload.method). */
    method?: string;
    /** Passed to every register() call: state that must outlive a reload belongs here. */
    context?: Context;
    /** Where the adapter's one-line reports go. Default: stderr, prefixed `foxreload-hot:`. */
    log?: (line: string) => void;
}

/** The answer to a successful foxreload/reload. */
export interface ReloadSummary {
    /** The modules re-imported, relative to `root`. */
    reloaded: string[];
    /** Named files that are no registered module (helpers), relative to `root`. */
    helpers: string[];
    /** What the modules registered after the reload, as `kind:name` (`tool:echo`). */
    registered: string[];
    /** The reload's number; the modules were imported with `?foxreload=<generation>`. */
    generation: number;
    durationMs: number;
}

export interface HotReload {
    /** Registers the current version of every module on `server` and answers the reload method there. */
    attach<Server>(server: Server): Server;
    /** Forget a server instance (a closed connection of a per-connection factory). */
    detach(server: unknown): void;
}

/** Loads the modules once; `attach()` every server instance (a v2 serveStdio factory, for example). */
export function createHotReload<Context = any>(options: HotReloadOptions<Context>): Promise<HotReload>;

/** The one-line form: load the modules, register them on `server`, answer foxreload/reload. */
export function enableHotReload<Server, Context = any>(server: Server, options: HotReloadOptions<Context>): Promise<HotReload>;
