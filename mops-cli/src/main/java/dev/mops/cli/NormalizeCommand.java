package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
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
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mops normalize}: adds normalized email, phone, domain, company, country, job-title and
 * name columns to contact records, and an {@code issues} column with the findings.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "normalize",
    mixinStandardHelpOptions = true,
    description = {
      "Normalize contact data: add normalized email, phone, domain, company, country, title and name columns.",
      "Reads whichever of the columns email, phone, website, company, country, title, first_name and last_name "
          + "the input has (matched case- and space-insensitively: Email and First Name count), and adds an "
          + "'issues' column with the findings. An input with none of them is an error (exit 2).",
      "Example: mops normalize --input contacts.csv --output out.csv --default-region US"
    })
public final class NormalizeCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  /** The columns normalize reads, by the names it looks for. */
  static final List<String> COLUMNS =
      List.of("email", "phone", "website", "company", "country", "title", "first_name", "last_name");

  @Option(
      names = "--default-region",
      paramLabel = "CODE",
      description = "ISO 3166-1 alpha-2 region for phone numbers written without a country code, when the record's country is unknown (e.g. US).")
  @Nullable String defaultRegion;

  @Option(
      names = "--issues",
      paramLabel = "LEVEL",
      defaultValue = "warning",
      description = "Lowest severity listed in the issues column: info, warning (default) or error.")
  String issuesLevel = "warning";

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    Severity listed;
    try {
      listed = Severity.parse(issuesLevel);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--issues: " + e.getMessage(), e);
    }
    PhoneNormalizer.Builder phoneBuilder = PhoneNormalizer.builder();
    if (defaultRegion != null) {
      try {
        phoneBuilder.defaultRegion(defaultRegion);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--default-region: " + e.getMessage(), e);
      }
    }
    PhoneNormalizer phones = phoneBuilder.build();
    EmailNormalizer emails = EmailNormalizer.builder().build();
    DomainNormalizer domains = DomainNormalizer.builder().build();
    CompanyNameNormalizer companies = CompanyNameNormalizer.builder().build();
    CountryNormalizer countries = CountryNormalizer.builder().build();
    JobTitleClassifier titles = JobTitleClassifier.builder().build();
    PersonNameNormalizer names = PersonNameNormalizer.builder().build();

    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    long read = 0;
    long withIssues = 0;
    try (RecordReader in = input.open()) {
      List<String> fields = in.fields();
      String emailCol = Columns.find(fields, "email");
      String phoneCol = Columns.find(fields, "phone");
      String websiteCol = Columns.find(fields, "website");
      String companyCol = Columns.find(fields, "company");
      String countryCol = Columns.find(fields, "country");
      String titleCol = Columns.find(fields, "title");
      String firstCol = Columns.find(fields, "first_name");
      String lastCol = Columns.find(fields, "last_name");
      boolean hasEmail = emailCol != null;
      boolean hasPhone = phoneCol != null;
      boolean hasWebsite = websiteCol != null;
      boolean hasCompany = companyCol != null;
      boolean hasCountry = countryCol != null;
      boolean hasTitle = titleCol != null;
      boolean hasFirst = firstCol != null;
      boolean hasLast = lastCol != null;
      if (!(hasEmail || hasPhone || hasWebsite || hasCompany || hasCountry || hasTitle || hasFirst || hasLast)
          && !fields.isEmpty()) {
        throw Columns.noneOf(input.name(), fields, COLUMNS, "normalize reads");
      }
      List<String> outFields = new ArrayList<>(fields);
      if (hasEmail) {
        outFields.add("email_normalized");
        outFields.add("email_flags");
      }
      if (hasPhone) {
        outFields.add("phone_e164");
        outFields.add("phone_type");
        outFields.add("phone_extension");
      }
      if (hasWebsite || hasEmail) {
        outFields.add("domain");
      }
      if (hasCompany) {
        outFields.add("company_normalized");
      }
      if (hasCountry) {
        outFields.add("country_code");
      }
      if (hasTitle) {
        outFields.add("title_seniority");
        outFields.add("title_department");
      }
      if (hasFirst) {
        outFields.add("first_name_normalized");
      }
      if (hasLast) {
        outFields.add("last_name_normalized");
      }
      outFields.add("issues");

      Progress progress = Progress.start(progressOptions, streams, "normalize", input);
      try (RecordWriter out = output.open(outFields)) {
        for (InputRecord r; (r = in.next()) != null; ) {
          read++;
          printer.accept(r);
          Record rec = r.record();
          List<Finding> findings = new ArrayList<>(4);
          List<@Nullable Object> values = new ArrayList<>(outFields.size());
          for (String f : fields) {
            values.add(Values.asString(rec.get(f)));
          }
          // The country comes first (phones are read in it); its findings go in column order.
          NormalizedCountry country = hasCountry ? countries.normalize(text(rec, countryCol)) : null;
          String countryCode = country == null ? null : country.code();
          NormalizedEmail email = null;
          if (hasEmail) {
            email = emails.normalize(text(rec, emailCol));
            findings.addAll(email.findings());
            values.add(email.normalized());
            values.add(email.flagsLabel());
          }
          if (hasPhone) {
            NormalizedPhone p = phones.normalize(text(rec, phoneCol), countryCode);
            findings.addAll(p.findings());
            values.add(p.e164());
            values.add(p.e164() == null ? null : p.type().label());
            values.add(p.extension());
          }
          if (hasWebsite || hasEmail) {
            String domain = null;
            String website = hasWebsite ? text(rec, websiteCol) : null;
            if (website != null && !website.isBlank()) {
              NormalizedDomain d = domains.normalize(website);
              findings.addAll(d.findings());
              domain = d.registrableDomain();
            } else if (email != null && email.isValid() && !email.has(EmailFlag.FREE_MAIL)
                && !email.has(EmailFlag.DISPOSABLE)) {
              domain = domains.normalize(email.domain()).registrableDomain();
            }
            values.add(domain);
          }
          if (hasCompany) {
            var c = companies.normalize(text(rec, companyCol));
            findings.addAll(c.findings());
            values.add(c.key());
          }
          if (country != null) {
            findings.addAll(country.findings());
            values.add(countryCode);
          }
          if (hasTitle) {
            String t = text(rec, titleCol);
            JobTitle title = titles.classify(t);
            findings.addAll(title.findings());
            boolean blank = t == null || t.isBlank();
            values.add(blank ? null : title.seniority().label());
            values.add(blank ? null : title.department().label());
          }
          if (hasFirst || hasLast) {
            PersonName n = names.normalize(hasFirst ? text(rec, firstCol) : null,
                hasLast ? text(rec, lastCol) : null);
            findings.addAll(n.findings());
            if (hasFirst) {
              values.add(n.firstKey());
            }
            if (hasLast) {
              values.add(n.lastKey());
            }
          }
          StringJoiner issues = new StringJoiner(";");
          // What reading found (invalid bytes, short rows) is listed like the normalizers' findings;
          // the printer has counted it already.
          for (Finding f : r.findings()) {
            if (f.severity().compareTo(listed) >= 0) {
              issues.add(f.shortForm());
            }
          }
          for (Finding f : findings) {
            printer.count(f);
            if (f.severity().compareTo(listed) >= 0) {
              issues.add(f.shortForm());
            }
          }
          if (issues.length() > 0) {
            withIssues++;
          }
          values.add(issues.toString());
          out.write(values);
          progress.update(read);
        }
        progress.done();
      }
    }
    printer.finish();
    err.printf(Locale.ROOT, "normalize: %,d records read, %,d with issues; %s%n",
        read, withIssues, failOn.summary());
    return failOn.exitCode();
  }

  private static @Nullable String text(Record record, @Nullable String field) {
    return field == null ? null : Values.asString(record.get(field));
  }
}
