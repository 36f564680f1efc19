#!/usr/bin/env bash
# A check on a real open-source project nobody here wrote: Apache Commons Text 1.12.0, rebuilt from what
# Maven Central serves (its POM, -sources.jar and -test-sources.jar, fetched with the dependency plugin,
# pinned), with its real parent commons-parent 69 and so its real gates (Apache RAT at validate, enforcer,
# build-plan check, bundle manifest, surefire). Three classes of org.apache.commons.text.lookup that no
# test names are removed and left to autocoder (bench/real-project/specs); a scripted local model
# (bench/real-project/script.json) answers with the original class, after one candidate for the path fence
# that is wrong by one line. In one run, against the project's own `mvn -o -q test`, it times a round with
# the wrong and with the right candidate, a probe round, the final check and the whole plugin run (in a
# warm Maven, then with -Dautocoder.warmMaven=false), and
# prints the verdicts (RealProjectBenchmark).
# Two tests need the network (DNS, https://www.apache.org): they are left out with surefire's
# -Dsurefire.excludesFile, which the project's own build and the plugin's sub-builds both get.
# Usage: bench/real-project.sh. Runs on a fresh machine with network access (Central): every plugin it
# invokes is pinned. It installs the plugin into a local repository of its own (AUTOCODER_BENCH_REPO, by
# default target/bench-real-repo), never into ~/.m2; the project's builds resolve from there, online once.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="${AUTOCODER_BENCH_REPO:-$PWD/target/bench-real-repo}"
. bench/install-plugin.sh
exec java -Dmaven.home="$maven_home" -Dautocoder.bench.version="$version" -Dautocoder.bench.repository="$repo" \
    -cp "target/test-classes:target/classes:$classpath" dev.autocoder.maven.RealProjectBenchmark \
    bench/real-project target/bench-real
