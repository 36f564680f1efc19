#!/usr/bin/env bash
# Round time with and without the round trimming (README "What a round leaves out"), in one run:
# a project that binds JaCoCo's agent and the enforcer, one passing candidate, rounds alternating
# trimmed / whole N times (default 5) after one unmeasured round each. Prints each pair, the
# medians and the median ratio trimmed/whole. Each round writes its profile (profile.json) next to
# its build.log in the folder printed last.
# Needs the plugin in target/local-repo, as the failsafe ITs do: run once
#   mvn -o -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RoundTrimmingIT -Dinvoker.test=NONE
# Usage: bench/trimming.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n '0,/^  <version>/s|^  <version>\(.*\)</version>.*|\1|p' pom.xml)"
if [[ ! -d "target/local-repo/dev/autocoder/autocoder-maven-plugin/$version" ]]; then
    echo "target/local-repo has no autocoder-maven-plugin $version: run the RoundTrimmingIT command above first" >&2
    exit 1
fi
mvn -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
maven_home="$(mvn -v | sed -n 's/^Maven home: //p' | tr -d '\033' | sed 's/\[[0-9;]*m//g')"
exec java -Dmaven.home="$maven_home" -Dautocoder.it.pluginVersion="$version" \
    -Dautocoder.it.localRepository="$PWD/target/local-repo" \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dev.autocoder.verify.RoundTrimmingBenchmark "${1:-5}"
