package dev.mops.flow.program;

import dev.mops.core.condition.Condition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A step of an automation {@link Program}: send a named template, wait, branch on a condition,
 * update a field or notify the lead's owner.
 *
 * <p>Steps run in the order the program lists them; a {@link Branch} may jump forward to a later
 * step or to the end, never back, so every run of a program ends after at most as many steps as
 * it has.
 *
 * <p>Thread safety: every step is an immutable value.
 */
public sealed interface Step permits Step.Send, Step.Wait, Step.Branch, Step.Update, Step.NotifyOwner {

  /** The id that jumps and results name the step by ({@code welcome_1}). */
  String id();

  /** A short description of what the step does ({@code send welcome-1}). */
  String describe();

  /**
   * A step that sends the email (or other message) template named {@code template}; frequency caps
   * apply to it.
   *
   * @param id the step id
   * @param template the name of the template in the sending system
   */
  record Send(String id, String template) implements Step {
    /** Validates the components. */
    public Send {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(template, "template");
    }

    @Override
    public String describe() {
      return "send " + template;
    }
  }

  /**
   * A step that waits: {@code amount} units of calendar time, business hours or business days of
   * the program's calendar.
   *
   * @param id the step id
   * @param amount how many units, at least 1
   * @param unit the unit
   */
  record Wait(String id, long amount, WaitUnit unit) implements Step {
    /** Validates the components. */
    public Wait {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(unit, "unit");
      if (amount < 1) {
        throw new IllegalArgumentException("wait amount must be at least 1, found " + amount);
      }
    }

    @Override
    public String describe() {
      return "wait " + amount + " " + unit.word();
    }
  }

  /**
   * A step that tests a condition when it comes due and goes to {@code thenStep} when it holds, to
   * {@code elseStep} when it does not. The condition holds when the lead condition (if any) holds
   * on the lead and some event since the lead entered the program and no later than the step's time
   * matches the event condition (if any).
   *
   * @param id the step id
   * @param lead the condition on the lead's fields, or null
   * @param event the condition on one event, or null
   * @param thenStep the id of the step to go to when the condition holds, {@link #NEXT} or {@link #END}
   * @param elseStep the id of the step to go to otherwise, {@link #NEXT} or {@link #END}
   */
  record Branch(String id, @Nullable Condition lead, @Nullable Condition event, String thenStep, String elseStep)
      implements Step {

    /** The jump target that means the step after the branch. */
    public static final String NEXT = "next";

    /** The jump target that means the end of the program (the lead completes it). */
    public static final String END = "end";

    /** Validates the components. */
    public Branch {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(thenStep, "thenStep");
      Objects.requireNonNull(elseStep, "elseStep");
      if (lead == null && event == null) {
        throw new IllegalArgumentException("a branch needs a lead condition, an event condition or both");
      }
    }

    @Override
    public String describe() {
      return "branch " + id;
    }
  }

  /**
   * A step that sets a field of the lead in the system of record ({@code nurture_track = welcome}).
   *
   * @param id the step id
   * @param field the field to set
   * @param value the value to set it to
   */
  record Update(String id, String field, String value) implements Step {
    /** Validates the components. */
    public Update {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String describe() {
      return "update " + field + " = " + value;
    }
  }

  /**
   * A step that notifies the lead's owner (a sales rep or account manager, read from {@code
   * ownerField}) with a message.
   *
   * @param id the step id
   * @param ownerField the lead field that holds the owner
   * @param message the message for the owner
   */
  record NotifyOwner(String id, String ownerField, String message) implements Step {
    /** Validates the components. */
    public NotifyOwner {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(ownerField, "ownerField");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String describe() {
      return "notify owner";
    }
  }
}
