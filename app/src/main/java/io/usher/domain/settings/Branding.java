package io.usher.domain.settings;

/**
 * How the owner's checkout pages look and sign off (the brand.* settings); an empty part is left
 * out of the page.
 *
 * @param accent a colour as #rrggbb
 */
public record Branding(
    String name,
    String logoUrl,
    String accent,
    String welcome,
    String footer,
    String contact,
    String termsUrl) {
  public static final Branding NONE = new Branding("", "", "", "", "", "", "");
}
