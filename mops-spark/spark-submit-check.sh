#!/bin/sh
# Runs the shaded jar through spark-submit's own entry point (org.apache.spark.deploy.SparkSubmit,
# the class the spark-submit script starts) with only Spark's jars on the class path: the jars
# Maven resolves for spark-sql_2.13 (the version of the parent POM) from the local repository,
# plus the Guava Spark's distribution ships. It runs dev.mops.spark.ExampleJob in local[2] on the
# repository's examples (scoring with events, contract, profile, stitching) and fails on a
# NoSuchMethodError, a NoClassDefFoundError or a summary that differs from the expected figures.
#
#   mvn -B -ntp -o -q package -pl mops-spark -am -DskipTests
#   mops-spark/spark-submit-check.sh            # MVN_OFFLINE= to let Maven download
set -eu
cd "$(dirname "$0")/.."
jar=$(ls mops-spark/target/mops-spark-*-spark.jar 2>/dev/null | head -n 1)
if [ -z "$jar" ]; then
  echo "no shaded jar: run mvn -B -ntp -o -q package -pl mops-spark -am -DskipTests first" >&2
  exit 2
fi
spark=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' pom.xml)
dep=$(grep -A1 '<artifactId>maven-dependency-plugin</artifactId>' pom.xml | sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -n 1)
flags=$(sed -n 's:.*<spark.test.jvm.flags>\(.*\)</spark.test.jvm.flags>.*:\1:p' mops-spark/pom.xml)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.check</groupId>
  <artifactId>spark-classpath</artifactId>
  <version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId><version>$spark</version></dependency>
    <!-- spark-core declares Guava 33.4.0-jre as provided; the distribution ships it in jars/ -->
    <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>33.4.0-jre</version></dependency>
  </dependencies>
</project>
EOF
mvn -B -ntp ${MVN_OFFLINE--o} -q -f "$work/pom.xml" "org.apache.maven.plugins:maven-dependency-plugin:$dep:build-classpath" -Dmdep.outputFile="$work/cp.txt"
printf 'contract: scoring-leads\nversion: 1\nfields:\n  id: {type: string, required: true, unique: true}\n  email: {type: email, required: true}\n  country: {type: country, required: true}\n  employees: {type: integer, min: 1}\n' > "$work/contract.yaml"
echo "spark-submit of $jar on Spark $spark's class path ($(tr ':' '\n' < "$work/cp.txt" | wc -l) jars)"
# shellcheck disable=SC2086
if ! java -Xmx1g $flags -cp "$(cat "$work/cp.txt")" org.apache.spark.deploy.SparkSubmit \
    --master 'local[2]' --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
    --conf spark.driver.bindAddress=127.0.0.1 --class dev.mops.spark.ExampleJob "$jar" \
    --leads examples/scoring/leads.csv --events examples/scoring/events.csv --model examples/scoring/model.yaml \
    --contract "$work/contract.yaml" --as-of 2026-01-31T00:00:00Z --output "$work/out" \
    --observations examples/identity/observations.csv --stitch examples/identity/identity.yaml \
    > "$work/log.txt" 2>&1; then
  tail -n 40 "$work/log.txt" >&2
  echo "FAILED: spark-submit exited with an error" >&2
  exit 1
fi
if grep -E 'NoSuchMethodError|NoClassDefFoundError|ClassNotFoundException' "$work/log.txt" >&2; then
  echo "FAILED: a class or method is missing on Spark's class path" >&2
  exit 1
fi
cat "$work/out/summary.txt"
for expected in "leads scored " "quality score " \
    "stitch: 21 observations, 28 identifiers in 9 profiles, stitching rate 0.929, 1 merges, 9 refused, 2 suspected junk"; do
  if ! grep -qF "$expected" "$work/out/summary.txt"; then
    echo "FAILED: the summary lacks '$expected'" >&2
    exit 1
  fi
done
echo "OK: the shaded jar ran on Spark's own class path"
