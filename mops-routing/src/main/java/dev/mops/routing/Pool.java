package dev.mops.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named pool of reps and the strategy that picks one of them for each lead.
 *
 * <p>Thread safety: an immutable value; its builder is not thread-safe.
 */
public final class Pool {

  private final String name;
  private final PoolStrategy strategy;
  private final PoolStrategy then;
  private final List<String> members;
  private final int[] weights;

  private Pool(Builder b) {
    this.name = b.name;
    this.strategy = b.strategy;
    this.then = b.then;
    this.members = List.copyOf(b.members);
    this.weights = b.weights.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Returns a builder of a pool named {@code name} using {@code strategy}. */
  public static Builder builder(String name, PoolStrategy strategy) {
    return new Builder(name, strategy);
  }

  /** Returns the pool's name. */
  public String name() {
    return name;
  }

  /** Returns the strategy. */
  public PoolStrategy strategy() {
    return strategy;
  }

  /** Returns the strategy used after the account owner, for {@link PoolStrategy#ACCOUNT_OWNER_FIRST}. */
  public PoolStrategy then() {
    return then;
  }

  /** Returns the members' rep ids in rotation order. */
  public List<String> members() {
    return members;
  }

  /** Returns the weight of the member at {@code index} (1 unless set). */
  public int weight(int index) {
    return weights[index];
  }

  @Override
  public String toString() {
    return "Pool[" + name + ", " + strategy.label() + ", " + members + "]";
  }

  /** A builder of {@link Pool}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final PoolStrategy strategy;
    private PoolStrategy then = PoolStrategy.ROUND_ROBIN;
    private final List<String> members = new ArrayList<>();
    private final List<Integer> weights = new ArrayList<>();

    private Builder(String name, PoolStrategy strategy) {
      this.name = Objects.requireNonNull(name, "name");
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a pool name must not be blank");
      }
    }

    /** Sets the strategy after the account owner (default round robin); not itself account-owner-first. */
    public Builder then(PoolStrategy then) {
      if (Objects.requireNonNull(then, "then") == PoolStrategy.ACCOUNT_OWNER_FIRST) {
        throw new IllegalArgumentException("'then' must be round_robin, weighted or least_loaded");
      }
      this.then = then;
      return this;
    }

    /** Adds a member with weight 1. */
    public Builder member(String repId) {
      return member(repId, 1);
    }

    /** Adds a member with a weight (1 to 1000), used by {@link PoolStrategy#WEIGHTED}. */
    public Builder member(String repId, int weight) {
      Objects.requireNonNull(repId, "repId");
      if (weight < 1 || weight > 1000) {
        throw new IllegalArgumentException("weight of '" + repId + "' must be 1 to 1000, was " + weight);
      }
      if (members.contains(repId)) {
        throw new IllegalArgumentException("rep '" + repId + "' is twice in pool '" + name + "'");
      }
      members.add(repId);
      weights.add(weight);
      return this;
    }

    /** Builds the pool. */
    public Pool build() {
      if (members.isEmpty()) {
        throw new IllegalArgumentException("pool '" + name + "' has no members");
      }
      return new Pool(this);
    }
  }
}
