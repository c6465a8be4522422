import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { titleCase } from "../lib/text.js";

// Change the greeting and save: FoxReload compiles and hot reloads this module; the server's
// process stays the same.
export function register(server: McpServer): void {
    server.registerTool(
        "greet",
        { description: "Greets someone by name", inputSchema: { name: z.string() } },
        async ({ name }) => ({ content: [{ type: "text", text: `Hello, ${titleCase(name)}!` }] }),
    );
}
