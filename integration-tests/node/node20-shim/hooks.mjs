// Module resolution hook (see register.mjs): `fs` / `node:fs` imported from inside a conformance
// package (0.1.16, and the newer one installed under the npm alias `conformance-next`) resolves to
// fs-with-glob.mjs; every other import is left alone.
const CONFORMANCE = ['/node_modules/@modelcontextprotocol/conformance/', '/node_modules/conformance-next/'];

export async function resolve(specifier, context, nextResolve) {
  if ((specifier === 'fs' || specifier === 'node:fs') && CONFORMANCE.some((dir) => context.parentURL?.includes(dir))) {
    return { url: new URL('./fs-with-glob.mjs', import.meta.url).href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
