// Node 20 support for @modelcontextprotocol/conformance, which imports `globSync` from `fs` by name
// (Node 22+ has it; only its `tier-check` command calls it). Load with:
//   NODE_OPTIONS="--import <absolute path of this folder>/register.mjs"
// On Node 22+ this registers nothing. The integration tests set it themselves (ConformanceCli).
import { register } from 'node:module';
import fs from 'node:fs';

if (typeof fs.globSync !== 'function') {
  register('./hooks.mjs', import.meta.url);
}
