// Module resolution hook (see register.mjs): `fs` / `node:fs` imported from inside the conformance
// package resolves to fs-with-glob.mjs; every other import is left alone.
const CONFORMANCE = '/node_modules/@modelcontextprotocol/conformance/';

export async function resolve(specifier, context, nextResolve) {
  if ((specifier === 'fs' || specifier === 'node:fs') && context.parentURL?.includes(CONFORMANCE)) {
    return { url: new URL('./fs-with-glob.mjs', import.meta.url).href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
