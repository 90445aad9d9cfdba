package dev.mops.spark;

import dev.mops.core.Finding;
import dev.mops.core.normalize.CompanyNameNormalizer;
import dev.mops.core.normalize.CountryNormalizer;
import dev.mops.core.normalize.DomainNormalizer;
import dev.mops.core.normalize.EmailFlag;
import dev.mops.core.normalize.EmailNormalizer;
import dev.mops.core.normalize.JobTitle;
import dev.mops.core.normalize.JobTitleClassifier;
import dev.mops.core.normalize.NormalizedCountry;
import dev.mops.core.normalize.NormalizedDomain;
import dev.mops.core.normalize.NormalizedEmail;
import dev.mops.core.normalize.NormalizedPhone;
import dev.mops.core.normalize.PersonName;
import dev.mops.core.normalize.PersonNameNormalizer;
import dev.mops.core.normalize.PhoneNormalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * The normalizers of {@code mops normalize} as a Dataset transformation: the same columns read by
 * name (email, phone, website, company, country, title, first_name, last_name; case-insensitive),
 * the same columns added, with the findings as an array of structs instead of the CLI's text.
 *
 * <p>Thread safety: stateless; the normalizers are built once per partition.
 */
final class SparkNormalization {

  /** The columns read, by the names looked for. */
  static final List<String> COLUMNS =
      List.of("email", "phone", "website", "company", "country", "title", "first_name", "last_name");

  /** The column of each row's findings. */
  static final String FINDINGS_COLUMN = "normalize_findings";

  private SparkNormalization() {}

  static Dataset<Row> apply(Dataset<Row> ds, @Nullable String defaultRegion) {
    if (defaultRegion != null) {
      PhoneNormalizer.builder().defaultRegion(defaultRegion); // a bad region fails here, on the driver
    }
    StructType in = ds.schema();
    int[] col = new int[COLUMNS.size()];
    boolean any = false;
    for (int c = 0; c < col.length; c++) {
      col[c] = find(in, COLUMNS.get(c));
      any |= col[c] >= 0;
    }
    if (!any) {
      throw new IllegalArgumentException("none of the columns normalize reads " + COLUMNS + " is in " + List.of(in.fieldNames()));
    }
    List<StructField> added = new ArrayList<>();
    boolean email = col[0] >= 0;
    boolean phone = col[1] >= 0;
    boolean website = col[2] >= 0;
    boolean company = col[3] >= 0;
    boolean country = col[4] >= 0;
    boolean title = col[5] >= 0;
    boolean first = col[6] >= 0;
    boolean last = col[7] >= 0;
    if (email) {
      added.add(string("email_normalized"));
      added.add(string("email_flags"));
    }
    if (phone) {
      added.add(string("phone_e164"));
      added.add(string("phone_type"));
      added.add(string("phone_extension"));
    }
    if (website || email) {
      added.add(string("domain"));
    }
    if (company) {
      added.add(string("company_normalized"));
    }
    if (country) {
      added.add(string("country_code"));
    }
    if (title) {
      added.add(string("title_seniority"));
      added.add(string("title_department"));
    }
    if (first) {
      added.add(string("first_name_normalized"));
    }
    if (last) {
      added.add(string("last_name_normalized"));
    }
    added.add(DataTypes.createStructField(FINDINGS_COLUMN, Columns.FINDINGS, false));
    StructType out = Columns.extend(in, added.toArray(new StructField[0]));
    return ds.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> partition(rows, col, defaultRegion), Encoders.row(out));
  }

  private static StructField string(String name) {
    return DataTypes.createStructField(name, DataTypes.StringType, true);
  }

  private static int find(StructType schema, String name) {
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (names[i].toLowerCase(Locale.ROOT).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static Iterator<Row> partition(Iterator<Row> rows, int[] col, @Nullable String defaultRegion) {
    PhoneNormalizer.Builder pb = PhoneNormalizer.builder();
    if (defaultRegion != null) {
      pb.defaultRegion(defaultRegion);
    }
    PhoneNormalizer phones = pb.build();
    EmailNormalizer emails = EmailNormalizer.builder().build();
    DomainNormalizer domains = DomainNormalizer.builder().build();
    CompanyNameNormalizer companies = CompanyNameNormalizer.builder().build();
    CountryNormalizer countries = CountryNormalizer.builder().build();
    JobTitleClassifier titles = JobTitleClassifier.builder().build();
    PersonNameNormalizer names = PersonNameNormalizer.builder().build();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row r = rows.next();
        List<Finding> findings = new ArrayList<>(4);
        List<@Nullable Object> values = new ArrayList<>(r.length() + 12);
        for (int i = 0; i < r.length(); i++) {
          values.add(r.get(i));
        }
        NormalizedCountry country = col[4] >= 0 ? countries.normalize(text(r, col[4])) : null;
        String countryCode = country == null ? null : country.code();
        NormalizedEmail email = null;
        if (col[0] >= 0) {
          email = emails.normalize(text(r, col[0]));
          findings.addAll(email.findings());
          values.add(email.normalized());
          values.add(email.flagsLabel());
        }
        if (col[1] >= 0) {
          NormalizedPhone p = phones.normalize(text(r, col[1]), countryCode);
          findings.addAll(p.findings());
          values.add(p.e164());
          values.add(p.e164() == null ? null : p.type().label());
          values.add(p.extension());
        }
        if (col[2] >= 0 || col[0] >= 0) {
          String domain = null;
          String site = col[2] >= 0 ? text(r, col[2]) : null;
          if (site != null && !site.isBlank()) {
            NormalizedDomain d = domains.normalize(site);
            findings.addAll(d.findings());
            domain = d.registrableDomain();
          } else if (email != null && email.isValid() && !email.has(EmailFlag.FREE_MAIL) && !email.has(EmailFlag.DISPOSABLE)) {
            domain = domains.normalize(email.domain()).registrableDomain();
          }
          values.add(domain);
        }
        if (col[3] >= 0) {
          var c = companies.normalize(text(r, col[3]));
          findings.addAll(c.findings());
          values.add(c.key());
        }
        if (country != null) {
          findings.addAll(country.findings());
          values.add(countryCode);
        }
        if (col[5] >= 0) {
          String t = text(r, col[5]);
          JobTitle jt = titles.classify(t);
          findings.addAll(jt.findings());
          boolean blank = t == null || t.isBlank();
          values.add(blank ? null : jt.seniority().label());
          values.add(blank ? null : jt.department().label());
        }
        if (col[6] >= 0 || col[7] >= 0) {
          PersonName n = names.normalize(col[6] >= 0 ? text(r, col[6]) : null, col[7] >= 0 ? text(r, col[7]) : null);
          findings.addAll(n.findings());
          if (col[6] >= 0) {
            values.add(n.firstKey());
          }
          if (col[7] >= 0) {
            values.add(n.lastKey());
          }
        }
        values.add(Columns.findings(findings));
        return RowFactory.create(values.toArray());
      }
    };
  }

  private static @Nullable String text(Row r, int i) {
    return SparkRecord.text(r, i);
  }
}
