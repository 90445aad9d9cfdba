#!/usr/bin/env python3
"""Writes src/test/resources/dev/mops/taxonomy/url-shapes.tsv.

Each row crosses a base URL shape with a query layout. The expected values are written by hand
per layout below (not computed by the parser under test), so the table can fail.
Columns: url, utm_source, utm_medium, utm_campaign, click_id (parameter name), codes (sorted, ';').
Rerun after editing: python3 src/test/scripts/gen_url_shapes.py
"""
import os

BASES = [  # (prefix, suffix, extra codes)
    ("https://www.example.com/", "", []),
    ("https://example.com/landing-page", "", []),
    ("http://shop.example.co.uk/products/shoes.html", "", []),
    ("https://example.com", "", []),
    ("example.com/lp", "", ["MISSING_SCHEME"]),
    ("https://sub.example.com:8443/a/b/", "#section-2", []),
    ("https://example.com/index.php", "#", []),
    ("//cdn.example.com/x", "", ["MISSING_SCHEME"]),
    ("https://user@example.com/p/", "#/app/route", []),
    ("HTTPS://WWW.Example.COM/Mixed/Case", "", []),
]

# (query, source, medium, campaign, click_id, codes)
LAYOUTS = [
    ("utm_source=google&utm_medium=cpc&utm_campaign=brand", "google", "cpc", "brand", "", []),
    ("utm_source=facebook&utm_medium=paid_social&utm_campaign=spring_sale&fbclid=IwAR0abc", "facebook", "paid_social", "spring_sale", "fbclid", []),
    ("gclid=Cj0KCQjw&utm_source=google&utm_medium=cpc", "google", "cpc", "", "gclid", []),
    ("utm_source=newsletter&utm_medium=email&utm_campaign=weekly+digest", "newsletter", "email", "weekly digest", "", ["PLUS_AS_SPACE:utm_campaign"]),
    ("utm_source=linkedin&utm_medium=social&utm_campaign=Q3%20Launch", "linkedin", "social", "Q3 Launch", "", []),
    ("UTM_SOURCE=bing&utm_medium=cpc", "bing", "cpc", "", "", ["PARAMETER_NAME_CASE:utm_source"]),
    ("utm_source=google&utm_source=bing&utm_medium=cpc", "google", "cpc", "", "", ["DUPLICATE_PARAMETER:utm_source"]),
    ("utm_source={source}&utm_medium=cpc&utm_campaign={campaignid}", "{source}", "cpc", "{campaignid}", "", ["UNFILLED_MACRO:utm_campaign", "UNFILLED_MACRO:utm_source"]),
    ("utm_source=google&utm_medium=cpc&utm_campaign=50%off", "google", "cpc", "50%off", "", ["BAD_PERCENT_ESCAPE:utm_campaign"]),
    ("utm_source=google&utm_medium=cpc&utm_campaign=summer%2520sale", "google", "cpc", "summer%20sale", "", ["DOUBLE_ENCODED:utm_campaign"]),
    ("utm_source=&utm_medium=email", "", "email", "", "", ["EMPTY_VALUE:utm_source"]),
    ("msclkid=abc123", "", "", "", "msclkid", []),
    ("utm_source=tiktok&utm_medium=paid_social&ttclid=E.C.P.abc", "tiktok", "paid_social", "", "ttclid", []),
    ("li_fat_id=1234-5678&utm_source=linkedin&utm_medium=paid_social", "linkedin", "paid_social", "", "li_fat_id", []),
    ("utm_source=twitter&utm_medium=social&twclid=2-abc", "twitter", "social", "", "twclid", []),
    ("epik=dj0yJnU9&utm_source=pinterest&utm_medium=paid_social", "pinterest", "paid_social", "", "epik", []),
    ("utm_source=reddit&utm_medium=paid_social&rdt_cid=123", "reddit", "paid_social", "", "rdt_cid", []),
    ("ScCid=abc&utm_source=snapchat&utm_medium=paid_social", "snapchat", "paid_social", "", "ScCid", []),
    ("utm_source=yandex&utm_medium=cpc&yclid=123", "yandex", "cpc", "", "yclid", []),
    ("mc_cid=abc123&mc_eid=def456&utm_source=mailchimp&utm_medium=email", "mailchimp", "email", "", "mc_cid", []),
    ("_hsenc=p2ANqtz-abc&_hsmi=123&utm_source=hs_email&utm_medium=email", "hs_email", "email", "", "_hsenc", []),
    ("utm_source=google&utm_medium=cpc&gbraid=0AAAA", "google", "cpc", "", "gbraid", []),
    ("wbraid=xyz&utm_source=google", "google", "", "", "wbraid", []),
    ("dclid=CJ&utm_source=dv360&utm_medium=display", "dv360", "display", "", "dclid", []),
    ("utm_source=quora&utm_medium=cpc&qclid=abc", "quora", "cpc", "", "qclid", []),
    ("utm_source=google&utm_medium=organic", "google", "organic", "", "", []),
    ("utm_medium=email&utm_source=newsletter&utm_content=hero%20button&utm_term=running%20shoes", "newsletter", "email", "", "", []),
    ("ref=home?utm_source=google&utm_medium=cpc", "", "cpc", "", "", ["SECOND_QUESTION_MARK:utm_source"]),
    ("utm_source=caf%C3%A9&utm_medium=referral", "caf\u00e9", "referral", "", "", []),
    ("utm_source=%FF&utm_medium=referral", "\ufffd", "referral", "", "", ["INVALID_UTF8:utm_source"]),
    ("utm_source%20=google&utm_medium=cpc", "google", "cpc", "", "", ["PARAMETER_NAME_WHITESPACE:utm_source"]),
    ("utm_source=google&utm_medium=cpc&utm_adgroup=shoes", "google", "cpc", "", "", ["UNKNOWN_UTM_PARAMETER:utm_adgroup"]),
    ("utm_source=google&utm_medium=cpc;utm_campaign=x", "google", "cpc;utm_campaign=x", "", "", []),
    ("utm_source=%%source%%&utm_medium=email", "%%source%%", "email", "", "", ["UNFILLED_MACRO:utm_source"]),
    ("utm_source=[publisher]&utm_medium=affiliate", "[publisher]", "affiliate", "", "", ["UNFILLED_MACRO:utm_source"]),
    ("utm_source=Facebook&utm_medium=Paid%20Social&utm_campaign=Black+Friday+2024", "Facebook", "Paid Social", "Black Friday 2024", "", ["PLUS_AS_SPACE:utm_campaign"]),
    ("a=1&b=2&c=3", "", "", "", "", []),
    (None, "", "", "", "", []),
    ("utm_source=google&&utm_medium=cpc&", "google", "cpc", "", "", []),
    ("utm_source=email&utm_medium=email&utm_campaign=*|CAMPAIGN_UID|*", "email", "email", "*|CAMPAIGN_UID|*", "", ["UNFILLED_MACRO:utm_campaign"]),
]

EXTRA = [  # whole URLs
    ("https://example.com/#utm_source=x&utm_medium=y", "", "", "", "", ["PARAMETER_IN_FRAGMENT:utm_medium", "PARAMETER_IN_FRAGMENT:utm_source"]),
    ("https://example.com/#/landing?utm_source=fb&gclid=1", "", "", "", "", ["PARAMETER_IN_FRAGMENT:gclid", "PARAMETER_IN_FRAGMENT:utm_source"]),
    ("https://example.com/?utm_source=google&utm_campaign=spring sale", "google", "", "spring sale", "", ["RAW_SPACE:utm_campaign"]),
    ("https://example.com/my page?utm_source=google", "google", "", "", "", ["RAW_SPACE"]),
    ("https://example.com/?utm_source=google#utm_source=bing", "google", "", "", "", ["PARAMETER_IN_FRAGMENT:utm_source"]),
    ("https://example.com/?Utm_Medium=CPC&utm_medium=email", "", "CPC", "", "", ["DUPLICATE_PARAMETER:utm_medium", "PARAMETER_NAME_CASE:utm_medium"]),
    ("https://example.com/?utm_campaign=%E2%82%AC10_off", "", "", "\u20ac10_off", "", []),
    ("https://example.com/?utm_campaign=%E2%82", "", "", "\ufffd", "", ["INVALID_UTF8:utm_campaign"]),
    ("https://example.com/?utm_campaign=100%25", "", "", "100%", "", []),
    ("https://example.com/?utm_campaign=%", "", "", "%", "", ["BAD_PERCENT_ESCAPE:utm_campaign"]),
    ("https://example.com/?utm_campaign=%2", "", "", "%2", "", ["BAD_PERCENT_ESCAPE:utm_campaign"]),
    ("https://example.com/?utm_term=%2B1", "", "", "", "", []),
    ("https://example.com/?utm_source=google&utm_medium=cpc&utm_term={keyword}&utm_content={creative}&gclid={gclid}", "google", "cpc", "", "gclid", ["UNFILLED_MACRO:gclid", "UNFILLED_MACRO:utm_content", "UNFILLED_MACRO:utm_term"]),
    ("https://example.com/?utm_source=bing&utm_medium=cpc&msclkid={msclkid}", "bing", "cpc", "", "msclkid", ["UNFILLED_MACRO:msclkid"]),
    ("https://example.com/?fbclid=IwAR&fbclid=IwAR2", "", "", "", "fbclid", ["DUPLICATE_PARAMETER:fbclid"]),
    ("https://example.com/?utm_source=google&utm_medium=cpc&utm_campaign=a%26b", "google", "cpc", "a&b", "", []),
    ("https://example.com/?utm_source=google&utm_medium=cpc&utm_campaign=a%3Db", "google", "cpc", "a=b", "", []),
    ("https://example.com/?utm_source=google&utm_medium=cpc&utm_campaign=a=b", "google", "cpc", "a=b", "", []),
    ("https://example.com/?utm_source=google&utm_medium=cpc&utm_campaign=%7Bcampaign%7D", "google", "cpc", "{campaign}", "", ["UNFILLED_MACRO:utm_campaign"]),
    ("mailto:someone@example.com?subject=hi", "", "", "", "", []),
    ("https://example.com?utm_source=google", "google", "", "", "", []),
    ("https://example.com/?utm_source=google&UTM_SOURCE=bing", "google", "", "", "", ["DUPLICATE_PARAMETER:utm_source", "PARAMETER_NAME_CASE:utm_source"]),
    ("https://example.com/path;jsessionid=abc?utm_source=google", "google", "", "", "", []),
    ("https://example.com/?q=shoes+red&utm_source=google", "google", "", "", "", []),
    ("https://example.com/?utm_source=google%20ads", "google ads", "", "", "", []),
    ("https://xn--bcher-kva.example/?utm_source=x", "x", "", "", "", []),
    ("https://b\u00fccher.example/?utm_source=x", "x", "", "", "", []),
    ("https://example.com/?utm_source=\u4e2d\u6587", "\u4e2d\u6587", "", "", "", []),
    ("https://example.com/?utm_source=%E4%B8%AD%E6%96%87", "\u4e2d\u6587", "", "", "", []),
    ("https://example.com/?utm_id=12345&utm_source_platform=DV360", "", "", "", "", []),
    ("https://example.com/?srsltid=AfmBOo&utm_source=google", "google", "", "", "srsltid", []),
    ("https://example.com/?irclickid=abc&utm_source=impact&utm_medium=affiliate", "impact", "affiliate", "", "irclickid", []),
    ("https://example.com/?tblci=GiD&utm_source=taboola&utm_medium=native", "taboola", "native", "", "tblci", []),
    ("https://example.com:443/?utm_source=x", "x", "", "", "", []),
    ("https://example.com/?utm_source=x?utm_medium=y", "x?utm_medium=y", "", "", "", ["SECOND_QUESTION_MARK:utm_medium"]),
]

def rows():
    for prefix, suffix, base_codes in BASES:
        for q, s, m, c, cid, codes in LAYOUTS:
            url = prefix + ("" if q is None else "?" + q) + suffix
            yield url, s, m, c, cid, sorted(base_codes + codes)
    for url, s, m, c, cid, codes in EXTRA:
        yield url, s, m, c, cid, sorted(codes)

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "resources", "dev", "mops", "taxonomy", "url-shapes.tsv")
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("# url\tutm_source\tutm_medium\tutm_campaign\tclick_id\tcodes  (generated by src/test/scripts/gen_url_shapes.py)\n")
    n = 0
    for r in rows():
        assert all("\t" not in x and "\n" not in x for x in r[:5])
        f.write("\t".join(list(r[:5]) + [";".join(r[5])]) + "\n")
        n += 1
print(n, "rows")
