package dev.mops.metrics.attribution;

/**
 * The credit a model gives a channel and campaign: value and conversions attributed, and what the
 * touchpoints cost, for return on investment.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param channel the channel ({@code ""} in totals by campaign)
 * @param campaign the campaign ({@code ""} when the touchpoints had none, and in totals by channel)
 * @param credit the converted value attributed
 * @param conversions the conversions attributed (fractions of conversions)
 * @param cost what the touchpoints of this channel and campaign cost, over every journey
 */
public record ChannelCredit(String channel, String campaign, double credit, double conversions, double cost) {

  /** Returns the return on investment, {@code (credit - cost) / cost}, or {@code NaN} when nothing was spent. */
  public double roi() {
    return cost > 0 ? (credit - cost) / cost : Double.NaN;
  }

  /** Returns the return on ad spend, {@code credit / cost}, or {@code NaN} when nothing was spent. */
  public double roas() {
    return cost > 0 ? credit / cost : Double.NaN;
  }

  /** Returns the cost per attributed conversion, or {@code NaN} when none was attributed. */
  public double costPerConversion() {
    return conversions > 0 ? cost / conversions : Double.NaN;
  }
}
