#!/usr/bin/env bash
# Benchmark on a realistic Spring Boot 3 service (bench/spring-service: a web layer, a service layer, a
# domain without a database, @WebMvcTest and @SpringBootTest classes, three classes left to autocoder),
# in one run, each step against the service's own `mvn -o -q test` (median of N, default 3):
# - a round: one candidate verified by the real SubBuildVerifier, its selected tests only;
# - the final check: verifyTogether over the three tasks;
# - the whole plugin run for the three tasks: `mvn -o generate-sources` in a fresh copy (a clean state
#   folder each time), RUNS times without surefire reports in target/ and RUNS times, in turn, with the own
#   build's (as after a developer's `mvn test`), the model answered by a local scripted server from bench/spring-script.json
#   (bench/spring-replies/), so no API key is needed. A recording run in record mode against the same
#   server comes first, untimed and online: it fetches what the builds need and must verify all three.
# Prints a table of seconds and ratios, then where the time goes, read from the build logs.
# Usage: bench/spring.sh [N [RUNS]]: N repetitions of the own test, the round and the final check (default
# 3), RUNS whole plugin runs (default N). AUTOCODER_BENCH_REUSE_RECORDING=true keeps the recording of an
# earlier run in target/bench-spring when it verified the three tasks, instead of recording again.
# Runs on a fresh machine with network access: every plugin it invokes is pinned. It builds the plugin
# and installs it into a local repository of its own (AUTOCODER_BENCH_REPO, by default
# target/bench-repo), never into ~/.m2, so other builds' plugin is untouched; the fixture's builds and
# their sub-builds resolve from there, online once (the recording run), offline after that.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="${AUTOCODER_BENCH_REPO:-$PWD/target/bench-repo}"
. bench/install-plugin.sh
exec java -Dmaven.home="$maven_home" -Dautocoder.bench.version="$version" -Dautocoder.bench.repository="$repo" \
    -Dautocoder.bench.reuseRecording="${AUTOCODER_BENCH_REUSE_RECORDING:-false}" \
    -cp "target/test-classes:target/classes:$classpath" dev.autocoder.maven.SpringServiceBenchmark \
    bench/spring-service bench/spring-script.json target/bench-spring "${1:-3}" ${2:+"$2"}
