/**
 * The mops condition language: one way to say "when" for scoring, routing, suppression, lifecycle,
 * channel, contract and SLA rules.
 *
 * <p>A {@link dev.mops.core.condition.Condition} is a tree of immutable records built by {@link
 * dev.mops.core.condition.Conditions} (which simplifies as it builds) or read from YAML/JSON by
 * {@link dev.mops.core.condition.ConditionYaml}. It is bound once against a {@link
 * dev.mops.core.record.Schema} into a thread-safe {@link
 * dev.mops.core.condition.CompiledCondition} that reads rows by slot and can explain its answer.
 * A condition reads fields; it can never call code.
 */
@NullMarked
package dev.mops.core.condition;

import org.jspecify.annotations.NullMarked;
