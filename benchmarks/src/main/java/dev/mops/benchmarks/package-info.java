/**
 * JMH benchmarks of the mops hot paths, each measured side by side with a hand-written Java
 * baseline and with the library a user might pick instead.
 *
 * <p>Build and run with {@code mvn -B -ntp -q -Pbench -pl benchmarks -am package -DskipTests} and
 * {@code java -jar benchmarks/target/benchmarks.jar}; results are recorded in {@code
 * docs/benchmarks.md}.
 */
@NullMarked
package dev.mops.benchmarks;

import org.jspecify.annotations.NullMarked;
