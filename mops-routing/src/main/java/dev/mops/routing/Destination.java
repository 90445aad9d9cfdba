package dev.mops.routing;

import java.util.Objects;

/**
 * Where a routing rule sends a lead: a named owner, a queue, or a pool of reps.
 *
 * <p>Thread safety: immutable values.
 */
public sealed interface Destination permits Destination.Owner, Destination.Queue, Destination.ToPool {

  /** Returns the destination's name (the rep id, queue name or pool name). */
  String name();

  /** Returns the kind as written in routing tables: {@code owner}, {@code queue} or {@code pool}. */
  String kind();

  /**
   * A named rep, subject to the rep's availability and caps.
   *
   * @param name the rep id
   */
  record Owner(String name) implements Destination {
    /** Validates the name. */
    public Owner {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String kind() {
      return "owner";
    }
  }

  /**
   * A queue (a CRM queue, a nurture program): always takes the lead.
   *
   * @param name the queue's name
   */
  record Queue(String name) implements Destination {
    /** Validates the name. */
    public Queue {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String kind() {
      return "queue";
    }
  }

  /**
   * A pool of reps, by name.
   *
   * @param name the pool's name
   */
  record ToPool(String name) implements Destination {
    /** Validates the name. */
    public ToPool {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String kind() {
      return "pool";
    }
  }
}
