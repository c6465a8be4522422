// The official v1 SDK client over Streamable HTTP, for tst_httpfront. Run with
// `node --input-type=module -e "$(cat this file)" URL` from tests/mcp-clients, so that the
// pinned SDK there is what gets imported. Prints one JSON object.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const out = {};
const client = new Client({ name: 'v1', version: '1' }, { capabilities: { sampling: {} } });
client.setRequestHandler(CreateMessageRequestSchema, async () =>
    ({ role: 'assistant', content: { type: 'text', text: 'from v1' }, model: 'm' }));
const transport = new StreamableHTTPClientTransport(new URL(process.argv[1]));
await client.connect(transport);
out.protocolVersion = transport.protocolVersion;
out.session = transport.sessionId;
out.tools = (await client.listTools()).tools.map((t) => t.name);
out.echo = (await client.callTool({ name: 'echo', arguments: { message: 'hello' } })).content[0].text;
let progress = 0;
out.slow = (await client.callTool({ name: 'slow', arguments: {} }, undefined,
                                  { onprogress: () => ++progress })).content[0].text;
out.progress = progress;
out.ask = (await client.callTool({ name: 'ask', arguments: {} })).content[0].text;
await transport.terminateSession();
await client.close();
console.log(JSON.stringify(out));
