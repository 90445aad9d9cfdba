package dev.mops.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession every test of this module shares: {@code local[2]}, 4 shuffle
 * partitions, no UI. Made on first use, stopped when the test JVM exits.
 */
final class LocalSpark {

  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("mops-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.default.parallelism", "2")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      SparkSession s = session;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
    }
    return session;
  }

  /** Reads a CSV file of the repository with a header, every column a string. */
  static Dataset<Row> csv(Path file) {
    return session().read().option("header", "true").option("ignoreLeadingWhiteSpace", "true")
        .option("ignoreTrailingWhiteSpace", "true").csv(file.toString());
  }

  /** The repository's root (the folder holding examples/ and data/). */
  static Path repo() {
    Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (d != null) {
      if (Files.isDirectory(d.resolve("examples")) && Files.isDirectory(d.resolve("data"))) {
        return d;
      }
      d = d.getParent();
    }
    throw new IllegalStateException("no repository root above " + System.getProperty("user.dir"));
  }
}
