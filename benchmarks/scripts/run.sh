#!/usr/bin/env bash
# Runs Toolwarden's benchmarks. Usage (from the repository root):
#   benchmarks/scripts/run.sh [full|quick] [all|validation|pipeline|telemetry|jwt|startup|startup-aot|http|compile|scale]
# startup-aot needs JAVA25=/path/to/jdk25/bin/java (JEP 483/514 AOT caches; skipped without it) and compares
# with the bare SDK on $JAVA (Java 17) without a cache.
# full: the figures of BENCHMARKS.md (about 13 minutes on 2 cores); quick: checks that every benchmark still runs.
# Build first: mvn -q package -DskipTests -pl processor,benchmarks -am
set -euo pipefail
mode=${1:-full}
what=${2:-all}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/benchmarks/target/toolwarden-benchmarks.jar"
out="$root/benchmarks/target/results"
mkdir -p "$out"
[ -f "$jar" ] || { echo "build first: mvn -q package -DskipTests -pl processor,benchmarks -am" >&2; exit 2; }
java=${JAVA:-java}

# one version table: the Spring AI peer takes its versions from the root pom
pomprop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }
spring_peer() {
  local peer="$root/benchmarks/peers/spring-ai"
  if [ ! -f "$peer/target/spring-ai-peer.jar" ]; then
    (cd "$peer" && mvn -q -B package -Dspring-boot.version="$(pomprop spring-boot.version)" \
      -Dspring-ai.version="$(pomprop spring-ai.version)" -Dcompiler-plugin.version="$(pomprop compiler-plugin.version)") >&2
  fi
  echo "$peer/target/spring-ai-peer.jar"
}

run() { # name, command... (the whole log goes to $out/<name>.log; the table to the terminal and <name>.txt)
  local name=$1; shift
  echo "== $name ($mode): $*" | tee "$out/$name.txt"
  echo "# $(cut -d' ' -f1-3 /proc/loadavg) load at start" | tee -a "$out/$name.txt"
  "$@" > "$out/$name.log" 2>&1 || { tail -30 "$out/$name.log"; echo "FAILED: $name" >&2; exit 1; }
  if grep -q '^Benchmark ' "$out/$name.log"; then
    sed -n '/^Benchmark /,$p' "$out/$name.log" | grep -v -E 'gc\.(churn|count|time)|gc\.alloc\.rate +' | tee -a "$out/$name.txt"
  else
    grep -v -E '^\[.*\] (INFO|WARN|DEBUG) |^SLF4J|^[0-9:.]+ \[' "$out/$name.log" | tee -a "$out/$name.txt"
  fi
  echo "# $(cut -d' ' -f1-3 /proc/loadavg) load at end" | tee -a "$out/$name.txt"
}

if [ "$mode" = quick ]; then
  # quick mode only checks that every benchmark still runs, so it may share the machine with another build's
  # JMH run (JMH otherwise refuses to start while /tmp/jmh.lock is held); full mode keeps the lock
  jmhlock=(-Djmh.ignoreLock=true)
  jmh=(-f 1 -wi 0 -i 1 -r 200ms -foe true)
  valq=(-p shape=small)
  startup=(--runs 1 --tools 1); aot=(--runs 1 --tools 1); http=(--seconds 0.3 --rounds 1 --clients 1,8); compile=(10 --runs 1)
  scale=(--tools 1,100 --sessions 20)
else
  jmhlock=()
  jmh=(-f 1 -wi 2 -w 1 -i 3 -r 1 -foe true)
  valq=()
  startup=(--runs 7); aot=(--runs 7); http=(--seconds 3 --rounds 3); compile=(10 100 1000 --runs 3)
  scale=(--tools 1,100,10000 --sessions 1000)
fi

case $what in all|validation) run validation "$java" ${jmhlock[@]+"${jmhlock[@]}"} -jar "$jar" ValidationBenchmark "${jmh[@]}" ${valq[@]+"${valq[@]}"} -prof gc ;; esac
case $what in all|pipeline) run pipeline "$java" ${jmhlock[@]+"${jmhlock[@]}"} -jar "$jar" PipelineBenchmark "${jmh[@]}" -prof gc ;; esac
case $what in all|telemetry) run telemetry "$java" ${jmhlock[@]+"${jmhlock[@]}"} -jar "$jar" TelemetryBenchmark "${jmh[@]}" -prof gc ;; esac
case $what in all|jwt) run jwt "$java" ${jmhlock[@]+"${jmhlock[@]}"} -jar "$jar" JwtVerificationBenchmark "${jmh[@]}" ;; esac
case $what in all|startup) run startup "$java" -cp "$jar" dev.toolwarden.benchmarks.StartupBenchmark "${startup[@]}" --spring "$(spring_peer)" ;; esac
case $what in all|startup-aot)
  if [ -n "${JAVA25:-}" ] && [ -x "$JAVA25" ]; then
    aotdir="$out/aot"; rm -rf "$aotdir"; mkdir -p "$aotdir"
    run startup-aot "$java" -cp "$jar" dev.toolwarden.benchmarks.StartupBenchmark "${aot[@]}" --servers toolwarden,bare-sdk \
      --java "$JAVA25" --aot "$aotdir" --train-aot --baseline-java "$(command -v "$java")"
  else
    echo "== startup-aot skipped: set JAVA25 to a JDK 25+ java"
  fi ;;
esac
case $what in all|http) run http "$java" -cp "$jar" dev.toolwarden.benchmarks.HttpBenchmark "${http[@]}" ;; esac
case $what in all|compile) run compile "$java" -cp "$jar" dev.toolwarden.benchmarks.CompileTimeBenchmark "${compile[@]}" ;; esac
case $what in all|scale) run scale "$java" -Xmx1g -cp "$jar" dev.toolwarden.benchmarks.ScaleBenchmark "${scale[@]}" ;; esac
echo "results in $out"
