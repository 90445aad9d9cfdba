package dev.mops.taxonomy;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A kind of click identifier that an ad or email platform appends to landing-page URLs.
 *
 * <p>Each type has its canonical parameter spelling ({@link #parameterName()}) and the platform
 * that sets it. Snapchat's {@code ScCid} is also accepted as {@code sccid}.
 *
 * <p>Thread safety: an enum, immutable and safe to share.
 */
public enum ClickIdType {
  /** Google Ads click id. */
  GCLID("gclid", "Google Ads"),
  /** Google Ads click id for iOS app-to-web measurement. */
  GBRAID("gbraid", "Google Ads"),
  /** Google Ads click id for iOS web-to-app measurement. */
  WBRAID("wbraid", "Google Ads"),
  /** Google Display &amp; Video 360 / Campaign Manager 360 click id. */
  DCLID("dclid", "Google Marketing Platform"),
  /** Google Merchant Center click id on free listings. */
  SRSLTID("srsltid", "Google Merchant Center"),
  /** Meta (Facebook, Instagram) click id. */
  FBCLID("fbclid", "Meta"),
  /** Microsoft Advertising click id. */
  MSCLKID("msclkid", "Microsoft Advertising"),
  /** TikTok click id. */
  TTCLID("ttclid", "TikTok"),
  /** LinkedIn first-party ad tracking id. */
  LI_FAT_ID("li_fat_id", "LinkedIn"),
  /** X (Twitter) click id. */
  TWCLID("twclid", "X"),
  /** Pinterest click id. */
  EPIK("epik", "Pinterest"),
  /** Reddit click id. */
  RDT_CID("rdt_cid", "Reddit"),
  /** Snapchat click id (Snap writes {@code ScCid}). */
  SCCID("ScCid", "Snapchat"),
  /** Quora click id. */
  QCLID("qclid", "Quora"),
  /** Yandex Direct click id. */
  YCLID("yclid", "Yandex"),
  /** Mailchimp campaign id. */
  MC_CID("mc_cid", "Mailchimp"),
  /** Mailchimp subscriber id. */
  MC_EID("mc_eid", "Mailchimp"),
  /** HubSpot email tracking token. */
  HSENC("_hsenc", "HubSpot"),
  /** HubSpot email message id. */
  HSMI("_hsmi", "HubSpot"),
  /** Impact (affiliate) click id. */
  IRCLICKID("irclickid", "Impact"),
  /** Taboola click id. */
  TBLCI("tblci", "Taboola");

  private static final Map<String, ClickIdType> BY_NAME = new HashMap<>();

  static {
    for (ClickIdType t : values()) {
      BY_NAME.put(t.parameterName, t);
      BY_NAME.put(t.parameterName.toLowerCase(java.util.Locale.ROOT), t);
    }
  }

  private final String parameterName;
  private final String platform;

  ClickIdType(String parameterName, String platform) {
    this.parameterName = parameterName;
    this.platform = platform;
  }

  /** Returns the parameter name as the platform writes it, such as {@code gclid}. */
  public String parameterName() {
    return parameterName;
  }

  /** Returns the platform that sets this id, such as {@code Google Ads}. */
  public String platform() {
    return platform;
  }

  /**
   * Returns the type whose parameter is spelt exactly {@code name} (canonical or all lower case),
   * or {@code null}.
   */
  public static @Nullable ClickIdType byName(String name) {
    return BY_NAME.get(name);
  }
}
