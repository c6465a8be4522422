// Module customization hooks (node:module register): a module imported as `file.js?foxreload=N`
// passes the same query on to the project files it imports, so a re-imported tool module sees the
// current text of its helpers too instead of the copies Node cached at start. Packages under
// node_modules keep their single instance: only the project's own code is re-evaluated.

const kParameter = 'foxreload';

function generationOf(url) {
    if (!url || !url.startsWith('file:')) return null;
    const query = url.indexOf('?');
    if (query < 0) return null;
    return new URLSearchParams(url.slice(query + 1)).get(kParameter);
}

export async function resolve(specifier, context, nextResolve) {
    const resolved = await nextResolve(specifier, context);
    const generation = generationOf(context.parentURL);
    if (generation === null || !resolved.url.startsWith('file:') || resolved.url.includes('?')
        || resolved.url.includes('/node_modules/')) {
        return resolved;
    }
    return { ...resolved, url: `${resolved.url}?${kParameter}=${generation}` };
}
