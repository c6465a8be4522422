// An MCP client on the official v1 SDK for tst_nodeadapter: it connects to the command after "--"
// (foxreload proxy) and works through commands read from stdin, one per line, so the test can
// edit files between calls. The test copies it into a project whose node_modules links the
// pinned SDK of tests/mcp-clients.
//   call NAME [JSON-ARGUMENTS] -> {"type":"call","tool":NAME,"ok":bool,"text":...}
//   list        -> {"type":"tools","names":[...]}
// Notifications from the server come out as {"type":"notification","method":...}.

import readline from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const emit = (object) => process.stdout.write(JSON.stringify(object) + '\n');
const separator = process.argv.indexOf('--');
const [command, ...args] = process.argv.slice(separator + 1);

const client = new Client({ name: 'tst_nodeadapter', version: '1.0.0' });
client.fallbackNotificationHandler = async (notification) => emit({ type: 'notification', method: notification.method });
const transport = new StdioClientTransport({ command, args, env: process.env, stderr: 'inherit' });
await client.connect(transport);
emit({ type: 'connected', server: client.getServerVersion()?.name });

let work = Promise.resolve();
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
    const [verb, name, ...rest] = line.trim().split(/\s+/);
    const toolArguments = rest.length > 0 ? JSON.parse(rest.join(' ')) : {};
    work = work.then(async () => {
        try {
            if (verb === 'call') {
                const result = await client.callTool({ name, arguments: toolArguments });
                emit({ type: 'call', tool: name, ok: !result.isError, text: result.content?.[0]?.text ?? '' });
            } else if (verb === 'list') {
                emit({ type: 'tools', names: (await client.listTools()).tools.map((tool) => tool.name) });
            }
        } catch (error) {
            emit({ type: 'call', tool: name, ok: false, text: String(error.message) });
        }
    });
});
lines.on('close', () => work.then(() => client.close()).then(() => process.exit(0)));
