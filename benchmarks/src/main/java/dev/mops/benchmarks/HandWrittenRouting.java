package dev.mops.benchmarks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import org.jspecify.annotations.Nullable;

/**
 * The routing table of {@code routing-50.yaml} written by hand: 49 rules as an if/else chain over
 * a typed lead, then a 20-rep round robin with daily caps in the reps' zone behind one lock, as a
 * careful engineer would write it for one table (no explanations, no config, no fallbacks beyond
 * "nobody").
 *
 * <p>Thread safety: {@link #route} is thread-safe (synchronized on the pool).
 */
final class HandWrittenRouting {

  /** A typed lead. */
  static final class Lead {
    final String country;
    final long employees;
    final String industry;

    Lead(String country, long employees, String industry) {
      this.country = country;
      this.employees = employees;
      this.industry = industry;
    }
  }

  static final int REPS = 20;
  static final int DAILY_CAP = 100_000_000;
  private static final ZoneRules ZONE = ZoneId.of("America/New_York").getRules();

  private int next;
  private long day = Long.MIN_VALUE;
  private final int[] today = new int[REPS];

  /** Returns the queue of the first matching rule, or null when the lead goes to the pool. */
  static @Nullable String queue(Lead lead) {
    if ("US".equals(lead.country) && lead.employees >= 10000) {
      return "q0";
    } else if ("CA".equals(lead.country) && lead.employees >= 11000) {
      return "q1";
    } else if ("GB".equals(lead.country) && lead.employees >= 12000) {
      return "q2";
    } else if ("DE".equals(lead.country) && lead.employees >= 13000) {
      return "q3";
    } else if ("FR".equals(lead.country) && lead.employees >= 14000) {
      return "q4";
    } else if ("ES".equals(lead.country) && lead.employees >= 15000) {
      return "q5";
    } else if ("IN".equals(lead.country) && lead.employees >= 16000) {
      return "q6";
    } else if ("AU".equals(lead.country) && lead.employees >= 17000) {
      return "q7";
    } else if ("NL".equals(lead.country) && lead.employees >= 18000) {
      return "q8";
    } else if ("BR".equals(lead.country) && lead.employees >= 19000) {
      return "q9";
    } else if ("US".equals(lead.country) && lead.employees >= 20000) {
      return "q10";
    } else if ("CA".equals(lead.country) && lead.employees >= 21000) {
      return "q11";
    } else if ("GB".equals(lead.country) && lead.employees >= 22000) {
      return "q12";
    } else if ("DE".equals(lead.country) && lead.employees >= 23000) {
      return "q13";
    } else if ("FR".equals(lead.country) && lead.employees >= 24000) {
      return "q14";
    } else if ("ES".equals(lead.country) && lead.employees >= 25000) {
      return "q15";
    } else if ("IN".equals(lead.country) && lead.employees >= 26000) {
      return "q16";
    } else if ("AU".equals(lead.country) && lead.employees >= 27000) {
      return "q17";
    } else if ("NL".equals(lead.country) && lead.employees >= 28000) {
      return "q18";
    } else if ("BR".equals(lead.country) && lead.employees >= 29000) {
      return "q19";
    } else if ("US".equals(lead.country) && lead.employees >= 30000) {
      return "q20";
    } else if ("CA".equals(lead.country) && lead.employees >= 31000) {
      return "q21";
    } else if ("GB".equals(lead.country) && lead.employees >= 32000) {
      return "q22";
    } else if ("DE".equals(lead.country) && lead.employees >= 33000) {
      return "q23";
    } else if ("FR".equals(lead.country) && lead.employees >= 34000) {
      return "q24";
    } else if ("ES".equals(lead.country) && lead.employees >= 35000) {
      return "q25";
    } else if ("IN".equals(lead.country) && lead.employees >= 36000) {
      return "q26";
    } else if ("AU".equals(lead.country) && lead.employees >= 37000) {
      return "q27";
    } else if ("NL".equals(lead.country) && lead.employees >= 38000) {
      return "q28";
    } else if ("BR".equals(lead.country) && lead.employees >= 39000) {
      return "q29";
    } else if ("US".equals(lead.country) && lead.employees >= 40000) {
      return "q30";
    } else if ("CA".equals(lead.country) && lead.employees >= 41000) {
      return "q31";
    } else if ("GB".equals(lead.country) && lead.employees >= 42000) {
      return "q32";
    } else if ("DE".equals(lead.country) && lead.employees >= 43000) {
      return "q33";
    } else if ("FR".equals(lead.country) && lead.employees >= 44000) {
      return "q34";
    } else if ("ES".equals(lead.country) && lead.employees >= 45000) {
      return "q35";
    } else if ("IN".equals(lead.country) && lead.employees >= 46000) {
      return "q36";
    } else if ("AU".equals(lead.country) && lead.employees >= 47000) {
      return "q37";
    } else if ("NL".equals(lead.country) && lead.employees >= 48000) {
      return "q38";
    } else if ("BR".equals(lead.country) && lead.employees >= 49000) {
      return "q39";
    } else if ("US".equals(lead.country) && lead.employees >= 50000) {
      return "q40";
    } else if ("CA".equals(lead.country) && lead.employees >= 51000) {
      return "q41";
    } else if ("GB".equals(lead.country) && lead.employees >= 52000) {
      return "q42";
    } else if ("DE".equals(lead.country) && lead.employees >= 53000) {
      return "q43";
    } else if ("FR".equals(lead.country) && lead.employees >= 54000) {
      return "q44";
    } else if ("ES".equals(lead.country) && lead.employees >= 55000) {
      return "q45";
    } else if ("IN".equals(lead.country) && lead.employees >= 56000) {
      return "q46";
    } else if ("AU".equals(lead.country) && lead.employees >= 57000) {
      return "q47";
    } else if ("NL".equals(lead.country) && lead.employees >= 58000) {
      return "q48";
    } else {
      return null; // the pool: rule "software" and the default both send leads there
    }
  }

  /** Returns "queue:name" or "rep:N", or "held" when every rep is at the cap. */
  String route(Lead lead, Instant at) {
    String q = queue(lead);
    if (q != null) {
      return q;
    }
    long d = Math.floorDiv(at.getEpochSecond() + ZONE.getOffset(at).getTotalSeconds(), 86_400L);
    synchronized (this) {
      if (d != day) {
        day = d;
        java.util.Arrays.fill(today, 0);
      }
      for (int k = 0; k < REPS; k++) {
        int r = (next + k) % REPS;
        if (today[r] < DAILY_CAP) {
          today[r]++;
          next = r + 1;
          return "rep" + r;
        }
      }
      return "held";
    }
  }
}
