// Preload for Node 20: `node --import ./node20-compat.mjs node_modules/.bin/conformance ...`.
//
// @modelcontextprotocol/conformance 0.1.16 does `import { globSync } from "fs"`, a Node 22 API, and
// fails at link time on Node 20 ("does not provide an export named 'globSync'"). Patching the fs
// object is too late (Node's own loader has already built the ESM facade of "fs"), so this file
// registers a module resolve/load hook: only for importers inside the conformance package, "fs"
// resolves to a tiny module that re-exports node:fs plus the globSync below. On Node 22+ (real
// fs.globSync) nothing is registered. The same file is the hook module and the globSync provider.
import { createRequire, register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const fs = require('fs');
const path = require('path');

const SHIM_URL = 'foxreload-node20:fs';

function segmentToRegExp(segment) {
    let source = '';
    for (const ch of segment) {
        if (ch === '*') source += '[^/]*';
        else if (ch === '?') source += '[^/]';
        else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}

// Enough of fs.globSync(pattern | pattern[], { cwd }) for the suite: '*', '?' and '**' segments,
// results relative to cwd with '/' separators; symlinked directories are not followed.
export function globSync(patterns, options = {}) {
    const cwd = options.cwd ? String(options.cwd) : process.cwd();
    const found = new Set();
    for (const pattern of Array.isArray(patterns) ? patterns : [patterns]) {
        const segments = String(pattern).split('/').filter((s) => s !== '' && s !== '.');
        walk(cwd, '', segments, found);
    }
    return [...found];
}

function listDir(dir) {
    try {
        return fs.readdirSync(dir, { withFileTypes: true });
    } catch {
        return [];
    }
}

function walk(base, rel, segments, found) {
    if (segments.length === 0) {
        if (rel !== '') found.add(rel);
        return;
    }
    const [head, ...rest] = segments;
    const dir = path.join(base, rel);
    if (head === '**') {
        walk(base, rel, rest, found);
        for (const entry of listDir(dir)) {
            if (entry.isDirectory()) walk(base, rel ? `${rel}/${entry.name}` : entry.name, segments, found);
        }
        return;
    }
    const matcher = segmentToRegExp(head);
    for (const entry of listDir(dir)) {
        if (!matcher.test(entry.name)) continue;
        if (rest.length > 0 && !entry.isDirectory()) continue;
        walk(base, rel ? `${rel}/${entry.name}` : entry.name, rest, found);
    }
}

export async function resolve(specifier, context, nextResolve) {
    const fromConformance = (context.parentURL ?? '').includes('/@modelcontextprotocol/conformance/');
    if (fromConformance && (specifier === 'fs' || specifier === 'node:fs')) {
        return { url: SHIM_URL, shortCircuit: true };
    }
    return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
    if (url === SHIM_URL) {
        const source = `import fs from 'node:fs';\nexport * from 'node:fs';\nexport default fs;\n`
            + `export { globSync } from ${JSON.stringify(import.meta.url)};\n`;
        return { format: 'module', source, shortCircuit: true };
    }
    return nextLoad(url, context);
}

if (isMainThread && typeof fs.globSync !== 'function') {
    register(import.meta.url);
}
