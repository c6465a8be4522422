// The entry point: it builds the server and names the modules that may be hot reloaded. An edit
// here is a full restart (see .foxreload.yaml); an edit to a tool is a hot reload.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { enableHotReload } from "foxreload-hot";

const server = new McpServer({ name: "ts-server", version: "0.1.0" });

// Paths of the compiled modules, next to this file in dist/. `sources` tells the adapter that
// FoxReload's src/tools/greet.ts means dist/tools/greet.js.
await enableHotReload(server, {
    modules: ["./tools/greet.js", "./tools/wordcount.js"],
    base: import.meta.url,
    sources: [{ from: "src", to: "dist" }],
});

await server.connect(new StdioServerTransport());
