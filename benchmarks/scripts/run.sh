#!/usr/bin/env bash
# Runs Toolwarden's benchmarks. Usage (from the repository root):
#   benchmarks/scripts/run.sh [full|quick] [all|validation|pipeline|resource|telemetry|jwt|startup|startup-aot|http|
#                                            http-2026|http-resource|boot|compile|scale]
# http-2026: tools/call of one Toolwarden server process by MCP 2026-07-28 clients (stateless) and by 2025 sessions,
# side by side (issue 18)
# startup-aot needs JAVA25=/path/to/jdk25/bin/java (JEP 483/514 AOT caches; skipped without it) and compares
# with the bare SDK on $JAVA (Java 17) without a cache.
# full: the figures of BENCHMARKS.md (about 15 minutes on 2 cores); quick: checks that every benchmark still runs.
# Build first: mvn -q package -DskipTests -pl processor,benchmarks,spring-boot-starter -am
# (boot builds two Spring Boot applications outside the reactor on first use: peers/toolwarden-boot against this
# build's jars, and the Spring AI peer on Spring MVC)
set -euo pipefail
mode=${1:-full}
what=${2:-all}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/benchmarks/target/toolwarden-benchmarks.jar"
out="$root/benchmarks/target/results"
mkdir -p "$out"
[ -f "$jar" ] || { echo "build first: mvn -q package -DskipTests -pl processor,benchmarks,spring-boot-starter -am" >&2; exit 2; }
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

# The Spring AI peer over Streamable HTTP (Spring MVC on Tomcat): the same project built with -Phttp, in target/http
spring_peer_http() {
  local peer="$root/benchmarks/peers/spring-ai"
  if [ ! -f "$peer/target/http/spring-ai-peer-http.jar" ]; then
    (cd "$peer" && mvn -q -B package -Phttp -Dspring-boot.version="$(pomprop spring-boot.version)" \
      -Dspring-ai.version="$(pomprop spring-ai.version)" -Dcompiler-plugin.version="$(pomprop compiler-plugin.version)") >&2
  fi
  echo "$peer/target/http/spring-ai-peer-http.jar"
}

# The Spring Boot application with toolwarden-spring-boot-starter (peers/toolwarden-boot), built against this build's
# jars: they are copied into a local repository under target/ (a Maven local repository is a directory layout; copied
# files count as installed there), never into the shared ~/.m2. Rebuilt when a Toolwarden jar is newer than it.
# Needs: mvn -q package -DskipTests -pl processor,benchmarks,spring-boot-starter -am
boot_subject() {
  local subject="$root/benchmarks/peers/toolwarden-boot" repo="$root/benchmarks/target/peer-repo"
  local version jar="$root/benchmarks/peers/toolwarden-boot/target/toolwarden-boot-subject.jar" stale=0
  version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
  local modules="annotations:toolwarden-annotations processor:toolwarden-processor runtime:toolwarden-runtime"
  modules="$modules spring-boot-autoconfigure:toolwarden-spring-boot-autoconfigure"
  modules="$modules spring-boot-starter:toolwarden-spring-boot-starter"
  local m dir artifact
  for m in $modules; do
    dir=${m%%:*}; artifact=${m#*:}
    [ -f "$root/$dir/target/$artifact-$version.jar" ] \
      || { echo "build first: mvn -q package -DskipTests -pl processor,benchmarks,spring-boot-starter -am" >&2; exit 2; }
    [ -f "$jar" ] && [ "$root/$dir/target/$artifact-$version.jar" -nt "$jar" ] && stale=1
  done
  [ -f "$root/benchmarks/peers/toolwarden-boot/target/stdio/toolwarden-boot-subject-stdio.jar" ] || stale=1
  # the subject's own sources changed since its jar was built
  [ -f "$jar" ] && [ -n "$(find "$subject/src" "$subject/pom.xml" -newer "$jar" -print -quit)" ] && stale=1
  if [ ! -f "$jar" ] || [ "$stale" = 1 ]; then
    # target/ goes too: with unchanged classes the jar plugin finds its jar up to date and the repackaged jar would
    # keep the old Toolwarden jars
    rm -rf "$repo/dev/toolwarden" "$subject/target"
    mkdir -p "$repo/dev/toolwarden/toolwarden-parent/$version"
    cp "$root/pom.xml" "$repo/dev/toolwarden/toolwarden-parent/$version/toolwarden-parent-$version.pom"
    for m in $modules; do
      dir=${m%%:*}; artifact=${m#*:}
      mkdir -p "$repo/dev/toolwarden/$artifact/$version"
      cp "$root/$dir/pom.xml" "$repo/dev/toolwarden/$artifact/$version/$artifact-$version.pom"
      cp "$root/$dir/target/$artifact-$version.jar" "$repo/dev/toolwarden/$artifact/$version/"
    done
    local profile
    for profile in "" -Pstdio; do # the application, then its stdio-only deployment (target/stdio)
      (cd "$subject" && mvn -q -B package $profile -s settings.xml -Dmaven.repo.local="$repo" \
        -Dspring-boot.version="$(pomprop spring-boot.version)" -Dtoolwarden.version="$version" \
        -Dcompiler-plugin.version="$(pomprop compiler-plugin.version)") >&2
    done
  fi
  echo "$jar"
}

# The same application as a stdio-only deployment (the starter without Tomcat and spring-web), built by boot_subject
boot_subject_stdio() {
  boot_subject > /dev/null
  echo "$root/benchmarks/peers/toolwarden-boot/target/stdio/toolwarden-boot-subject-stdio.jar"
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
  scale=(--tools 1,100 --sessions 20); rescpu=(1 500); httpres=(--seconds 0.3 --rounds 1 --clients 1)
  http2026=(--seconds 0.3 --rounds 1 --clients 1 --servers toolwarden,toolwarden-2026)
  # the Boot pair over HTTP only: two Boot starts; stdio start-up measuring is StartupBenchmark's code, run above
  boot=(--runs 1 --tools 1 --parts http-call --seconds 0.3 --rounds 1 --clients 1)
else
  jmhlock=()
  jmh=(-f 1 -wi 2 -w 1 -i 3 -r 1 -foe true)
  valq=()
  startup=(--runs 7); aot=(--runs 7); http=(--seconds 3 --rounds 3); compile=(10 100 1000 --runs 3)
  scale=(--tools 1,100,10000 --sessions 1000); rescpu=(15 20000); httpres=(--seconds 3 --rounds 3 --clients 1,8,32)
  http2026=(--seconds 3 --rounds 3 --clients 1,8,32 --servers bare-sdk,toolwarden,toolwarden-2026)
  boot=(--runs 7 --tools 1,100 --seconds 3 --rounds 3 --clients 1,8,32)
fi

case $what in all|validation) run validation "$java" ${jmhlock[@]+"${jmhlock[@]}"} -jar "$jar" ValidationBenchmark "${jmh[@]}" ${valq[@]+"${valq[@]}"} -prof gc ;; esac
case $what in all|pipeline) run pipeline "$java" ${jmhlock[@]+"${jmhlock[@]}"} -jar "$jar" PipelineBenchmark "${jmh[@]}" -prof gc ;; esac
case $what in all|resource)
  # quick: only the CPU-time main, which runs the same set-up (answers checked) and all four reads; a JMH fork each
  # would add ~15 s to CI
  [ "$mode" = quick ] || run resource "$java" ${jmhlock[@]+"${jmhlock[@]}"} -jar "$jar" ResourceBenchmark "${jmh[@]}" -prof gc
  run resource-cpu "$java" -cp "$jar" dev.toolwarden.benchmarks.ResourceBenchmark "${rescpu[@]}" ;;
esac
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
case $what in all|http-2026) run http-2026 "$java" -cp "$jar" dev.toolwarden.benchmarks.HttpBenchmark "${http2026[@]}" ;; esac
case $what in all|http-resource) run http-resource "$java" -cp "$jar" dev.toolwarden.benchmarks.HttpBenchmark --feature resource "${httpres[@]}" ;; esac
case $what in all|boot)
  run boot "$java" -cp "$jar" dev.toolwarden.benchmarks.BootBenchmark --subject "$(boot_subject)" \
    --subject-stdio "$(boot_subject_stdio)" --spring "$(spring_peer)" \
    --spring-http "$(spring_peer_http)" --stdio-variant floor=-Dbench.bootFloor=true \
    --stdio-variant sdk-floor=-Dbench.bootFloor=sdk "${boot[@]}" ;;
esac
case $what in all|compile) run compile "$java" -cp "$jar" dev.toolwarden.benchmarks.CompileTimeBenchmark "${compile[@]}" ;; esac
case $what in all|scale) run scale "$java" -Xmx1g -cp "$jar" dev.toolwarden.benchmarks.ScaleBenchmark "${scale[@]}" ;; esac
echo "results in $out"
