#!/usr/bin/env node
// @parcel/watcher as a command line tool for the benchmark: one line per event on stdout
// ("<type> <path>", written at once), "ready" on stderr once subscribe() has resolved.
// Usage: node parcel-watch.mjs [--ignore NAME]... DIR
import watcher from '@parcel/watcher';

const args = process.argv.slice(2);
const ignore = [];
let dir = null;
for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--ignore') ignore.push(args[++i]);
    else dir = args[i];
}
if (!dir) {
    process.stderr.write('usage: node parcel-watch.mjs [--ignore NAME]... DIR\n');
    process.exit(2);
}

await watcher.subscribe(dir, (error, events) => {
    if (error) {
        process.stderr.write(`error: ${error.message}\n`);
        return;
    }
    let out = '';
    for (const event of events) out += `${event.type} ${event.path}\n`;
    process.stdout.write(out);
}, { ignore, backend: 'inotify' });
process.stderr.write('ready\n');
process.on('SIGTERM', () => process.exit(0));
