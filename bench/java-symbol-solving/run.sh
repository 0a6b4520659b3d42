#!/usr/bin/env bash
# Measures what JavaParser's symbol solver would cost the Java front end: over TREE's non-test *.java files, parsing
# alone against parsing with the solver and resolving the declaring type of every method call (twice; the second
# round is warm), and how many calls resolve. The solver reads SOURCE_ROOTs (the tree's own source folders) and the
# JDK by reflection; the libraries the tree uses are not on its path, as they would not be in a scan.
# Usage: bench/java-symbol-solving/run.sh TREE SOURCE_ROOT...   (fetches the solver into ~/.m2 on first use)
set -euo pipefail
version=3.28.2
mvn -q dependency:get -Dartifact=com.github.javaparser:javaparser-symbol-solver-core:$version >/dev/null
repo=${MAVEN_REPO:-$HOME/.m2/repository}
jar() { find "$repo/$1" -name "*.jar" ! -name "*sources*" | sort -V | tail -1; }
cp="$(jar com/github/javaparser/javaparser-core/$version):$(jar com/github/javaparser/javaparser-symbol-solver-core/$version)"
cp="$cp:$(jar org/javassist/javassist):$(jar com/google/guava/guava):$(jar com/google/guava/failureaccess)"
exec java -Xss8m -cp "$cp" "$(dirname "$0")/SymbolSolving.java" "$@"
