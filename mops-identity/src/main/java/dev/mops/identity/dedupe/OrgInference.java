package dev.mops.identity.dedupe;

import java.util.Collection;
import java.util.function.Function;

/**
 * The no-config rules for organisation files ({@link FieldInference}): files with an organisation
 * name column (company, organisation, applicant, site name, a {@code name} column of
 * organisations) and no person-name column.
 *
 * <p>In such a file the name is compared by {@link ComparatorType#ORG_NAME} (rare words weigh,
 * common ones do not), lists of codes (patent classes) are left out, and the limits that protect
 * a lead file from chaining are widened: one organisation may hold hundreds of records (a
 * multinational's sites, a patent applicant's filings), so blocks of up to {@link
 * #MAX_BLOCK_SIZE} records and clusters of up to {@link #MAX_CLUSTER_SIZE} records are allowed
 * (the pair budget still applies). Records are also blocked on their street number with the city
 * and with the postcode, and a file with a phone, email or identifier gets the {@link #sitesModel}.
 *
 * <p>Thread safety: stateless.
 */
final class OrgInference {

  /** Largest block compared in an organisation file. */
  static final int MAX_BLOCK_SIZE = 2_000;

  /** Largest cluster formed in an organisation file. */
  static final int MAX_CLUSTER_SIZE = 5_000;

  private OrgInference() {}

  /**
   * Whether the columns, by their inferred roles (role names of {@link FieldInference}, empty when
   * unused), are those of an organisation file: an organisation name and no person name.
   */
  static boolean organisationFile(Collection<String> columns, Function<String, String> role) {
    boolean company = false;
    for (String c : columns) {
      String r = role.apply(c);
      if (r.equals("FIRST") || r.equals("LAST") || r.equals("FULL_NAME")) {
        return false;
      }
      company |= r.equals("COMPANY");
    }
    return company;
  }

  /** The rule of an organisation file's (first) name column. */
  static FieldRule nameRule(String column) {
    return FieldRule.of(column, FieldKind.COMPANY, ComparatorType.ORG_NAME, 0.9, 0.8, 0.7, 0.5);
  }

  /**
   * The model of an organisation file with a contact field (phone, email or identifier) besides
   * the name: as in a lead file, m is learned from pairs sharing a phone, email or identifier held
   * by exactly two records, and the prior is taken over all pairs. Sites of one company share its
   * brand, its city and often its switchboard; EM over the candidate pairs (which the brand blocks
   * together) learns "same company" as its match class, and a candidate-level prior lets two sites
   * match because they were blocked together. On 3,337 messy records of {@code
   * SyntheticOrganisations.generateMessy} (seed 7) this took precision from 0.78 to 0.99.
   */
  static void sitesModel(DedupeConfig.Builder b) {
    b.mFromSharedIdentifiers(true);
    b.priorScope(PriorScope.ALL_PAIRS);
  }

  /** Widens the block and cluster limits for organisation files. */
  static void organisationLimits(DedupeConfig.Builder b) {
    b.maxBlockSize(MAX_BLOCK_SIZE);
    b.maxClusterSize(MAX_CLUSTER_SIZE);
  }
}
