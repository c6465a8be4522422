import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { words } from "../lib/text.js";

export function register(server: McpServer): void {
    server.registerTool(
        "wordcount",
        { description: "Counts the words of a text", inputSchema: { text: z.string() } },
        async ({ text }) => ({ content: [{ type: "text", text: String(words(text).length) }] }),
    );
}
