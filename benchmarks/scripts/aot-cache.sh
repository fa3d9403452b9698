#!/usr/bin/env bash
# Creates an AOT cache (JDK 25+, JEP 483/514) for a Toolwarden stdio server in one command: one training
# run that answers initialize and tools/list, then ends with its input; the JVM writes the cache on exit.
# Usage (from the repository root; JAVA defaults to java on the PATH, which must be JDK 25+):
#   benchmarks/scripts/aot-cache.sh examples/target/toolwarden-example.jar toolwarden-example.aot
#   java -XX:AOTCache=toolwarden-example.aot -jar examples/target/toolwarden-example.jar stdio
# The cache is only valid for the same JDK and the same jar (rebuild the jar: make the cache again).
set -euo pipefail
jar=${1:?usage: aot-cache.sh SERVER.jar OUT.aot [server args, default: stdio]}
out=${2:?usage: aot-cache.sh SERVER.jar OUT.aot [server args, default: stdio]}
shift 2
[ $# -gt 0 ] || set -- stdio
java=${JAVA:-java}
printf '%s\n' \
  '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"aot-training","version":"1"}}}' \
  '{"jsonrpc":"2.0","method":"notifications/initialized"}' \
  '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' \
  | "$java" -XX:AOTCacheOutput="$out" -jar "$jar" "$@" > /dev/null
ls -l "$out"
