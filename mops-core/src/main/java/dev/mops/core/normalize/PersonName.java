package dev.mops.core.normalize;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person's name split into its parts, in a display form and in match keys.
 *
 * <p>The display parts ({@code first}, {@code middle}, {@code last}) are cleaned (Unicode NFKC,
 * single spaces) and, when the input was all upper or all lower case, title-cased
 * ({@code "o'NEIL"} stays, {@code "MCDONALD"} becomes {@code "McDonald"}). The keys are what to
 * match on: case folded, accents folded, apostrophes and periods removed and other punctuation
 * turned into spaces ({@code "José O'Neil-Díaz"} gives first key {@code jose} and last key
 * {@code oneil diaz}). {@code firstNameKeys} adds the formal names a nickname may stand for, so
 * that {@code Bob} and {@code Robert} are {@link #sameFirstName compatible}.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param original the value as given ({@code first + " " + last} when given as two fields)
 * @param honorific the honorific removed from the front ({@code Dr}), or {@code null}
 * @param first the given name, or {@code ""}
 * @param middle the middle names or initials, space separated, or {@code ""}
 * @param last the family name with its particles ({@code van der Berg}), or {@code ""}
 * @param suffix the generational or post-nominal suffixes ({@code Jr}, {@code III},
 *     {@code PhD}), space separated, or {@code null}
 * @param firstKey the match key of the given name, or {@code ""}
 * @param lastKey the match key of the family name, or {@code ""}
 * @param initials the upper-case initials of first, middle and last names ({@code JQS}), or
 *     {@code ""}
 * @param firstNameKeys the first key and every formal name it is a nickname of
 * @param findings what was wrong or notable
 */
public record PersonName(
    String original,
    @Nullable String honorific,
    String first,
    String middle,
    String last,
    @Nullable String suffix,
    String firstKey,
    String lastKey,
    String initials,
    Set<String> firstNameKeys,
    List<Finding> findings) {

  /** Validates the components and copies the collections. */
  public PersonName {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(middle, "middle");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(firstKey, "firstKey");
    Objects.requireNonNull(lastKey, "lastKey");
    Objects.requireNonNull(initials, "initials");
    firstNameKeys = Set.copyOf(firstNameKeys);
    findings = List.copyOf(findings);
  }

  /** True when neither a first nor a last name was found. */
  public boolean isEmpty() {
    return first.isEmpty() && last.isEmpty();
  }

  /**
   * True when the two first names may be the same person's: equal keys, one a nickname of the
   * other ({@code Bob}, {@code Robert}), two nicknames of one formal name ({@code Bob},
   * {@code Rob}), or an initial that matches ({@code J}, {@code John}).
   */
  public boolean sameFirstName(PersonName other) {
    if (firstKey.isEmpty() || other.firstKey.isEmpty()) {
      return false;
    }
    if (firstKey.equals(other.firstKey)) {
      return true;
    }
    if (firstKey.length() == 1 || other.firstKey.length() == 1) {
      return firstKey.charAt(0) == other.firstKey.charAt(0);
    }
    for (String key : firstNameKeys) {
      if (other.firstNameKeys.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** Returns {@code first middle last}, the parts that are present, single spaced. */
  public String displayName() {
    StringBuilder sb = new StringBuilder(first.length() + middle.length() + last.length() + 2);
    for (String part : new String[] {first, middle, last}) {
      if (!part.isEmpty()) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(part);
      }
    }
    return sb.toString();
  }
}
