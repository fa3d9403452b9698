// node:fs plus a small globSync for Node 20 (see register.mjs). It supports the only pattern shape the
// conformance package uses, '**/<file name>', and refuses any other pattern instead of guessing.
import fs from 'node:fs';
import path from 'node:path';

export * from 'node:fs';
export default fs;

export function globSync(pattern, options = {}) {
  const match = /^\*\*\/([^*?[\]{}/]+)$/.exec(String(pattern));
  if (!match) {
    throw new Error(`node20-shim globSync: unsupported pattern '${pattern}' (only '**/<file name>')`);
  }
  const cwd = options.cwd ? String(options.cwd) : process.cwd();
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name === match[1]) {
        found.push(path.relative(cwd, full));
      }
    }
  };
  walk(cwd);
  return found;
}
