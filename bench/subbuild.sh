#!/usr/bin/env bash
# Benchmark of the sub-build verifier: one round of N candidates (default 10) verified by
# SubBuildVerifier.verifyBatch, then the same candidates the naive way, one plain project each built
# with `mvn -B -q checkstyle:check test` and Maven's default JVM options; prints both totals, the
# time per candidate and the ratio. The machine is shared: run it two or three times.
# Usage: bench/subbuild.sh [N]     (needs the plugins of a normal build in ~/.m2)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test
maven_home="$(mvn -v | sed -n 's/^Maven home: //p' | tr -d '\033' | sed 's/\[[0-9;]*m//g')"
exec java -Dmaven.home="$maven_home" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dev.autocoder.verify.SubBuildBenchmark "${1:-10}"
