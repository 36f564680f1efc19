#!/usr/bin/env bash
# Benchmark of the sub-build verifier, two fixtures in one run:
# - small: one round of N candidates (default 10) verified by SubBuildVerifier.verifyBatch, then the
#   same candidates the naive way, one plain project each built with `mvn -B -q checkstyle:check test`
#   and Maven's default JVM options; prints both totals, the time per candidate and the ratio;
# - large: a generated project (300 main classes, 300 test classes x 4 JUnit 5 tests) and one task
#   candidate that one test class names; prints a round (verifyBatch), the final check
#   (verifyTogether) and the project's own `mvn -B -q -o test`, with the ratios to the latter.
# The machine is shared: run it two or three times, and compare ratios rather than seconds.
# Usage: bench/subbuild.sh [N]
# Runs on a fresh machine with network access: every plugin it invokes is pinned, and it first
# installs this plugin into the local repository, because every sub-build declares it.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n '0,/^  <version>/s|^  <version>\(.*\)</version>.*|\1|p' pom.xml)"
mvn -B -q install -DskipTests -Dinvoker.skip=true \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="$(cat target/bench-classpath.txt)"
# The sub-builds resolve JUnit and this plugin from the local repository; tell the benchmark where
# it is when it is not the default ~/.m2/repository (read off the JUnit jar's path).
junit_jar="$(tr ':' '\n' <<<"$classpath" | grep -m1 '/org/junit/jupiter/junit-jupiter-api/')"
local_repo="${junit_jar%/org/junit/jupiter/junit-jupiter-api/*}"
repo_option=()
if [[ "$local_repo" != "$HOME/.m2/repository" ]]; then
    repo_option=(-Dautocoder.it.localRepository="$local_repo")
fi
maven_home="$(mvn -v | sed -n 's/^Maven home: //p' | tr -d '\033' | sed 's/\[[0-9;]*m//g')"
exec java -Dmaven.home="$maven_home" -Dautocoder.it.pluginVersion="$version" ${repo_option[@]+"${repo_option[@]}"} \
    -cp "target/test-classes:target/classes:$classpath" dev.autocoder.verify.SubBuildBenchmark "${1:-10}"
