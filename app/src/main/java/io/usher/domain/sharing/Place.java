package io.usher.domain.sharing;

/**
 * Where an address is, as a GeoIP lookup places it: a point and the names to show.
 *
 * @param city null when not said
 * @param country a country code or name; null when not said
 */
public record Place(double latitude, double longitude, String city, String country) {
  /** What the ledger keeps of each name; longer ones are cut. */
  public static final int MAX_CITY = 200;

  public static final int MAX_COUNTRY = 100;

  private static final double EARTH_KM = 6371.0;

  public Place {
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("no place on earth is at " + latitude + ", " + longitude);
    }
  }

  /** "Berlin, DE"; the coordinates when no name was said. */
  public String label() {
    if (city == null && country == null) {
      return String.format(java.util.Locale.ROOT, "%.1f, %.1f", latitude, longitude);
    }
    return city == null ? country : country == null ? city : city + ", " + country;
  }

  /** The great-circle distance (haversine), in kilometres. */
  public double kmTo(Place other) {
    double dLat = Math.toRadians(other.latitude - latitude);
    double dLon = Math.toRadians(other.longitude - longitude);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
