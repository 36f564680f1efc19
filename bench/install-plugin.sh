# Sourced by the benchmarks that build a project with the plugin (spring.sh, real-project.sh), from the
# repository's root with $repo set to the benchmark's own local repository: builds the plugin and its test
# classes, writes their class path, installs the plugin into $repo (never ~/.m2), and sets $version,
# $classpath and $maven_home. Every plugin it invokes is pinned.
version="$(sed -n '0,/^  <version>/s|^  <version>\(.*\)</version>.*|\1|p' pom.xml)"
mvn -B -q package -DskipTests -Dinvoker.skip=true \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
mvn -B -q org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
    -Dfile="target/autocoder-maven-plugin-$version.jar" -DpomFile=pom.xml -Dmaven.repo.local="$repo"
classpath="$(cat target/bench-classpath.txt)"
maven_home="$(mvn -v | sed -n 's/^Maven home: //p' | tr -d '\033' | sed 's/\[[0-9;]*m//g')"
