package io.usher.domain.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class PlaceTest {
  static final Place BERLIN = new Place(52.52, 13.405, "Berlin", "DE");
  static final Place NEW_YORK = new Place(40.7128, -74.006, "New York", "US");

  @Test
  void distancesAreGreatCircleKilometres() {
    assertThat(BERLIN.kmTo(NEW_YORK)).isCloseTo(6385, within(15.0));
    assertThat(NEW_YORK.kmTo(BERLIN)).isEqualTo(BERLIN.kmTo(NEW_YORK));
    assertThat(BERLIN.kmTo(BERLIN)).isZero();
  }

  @Test
  void aPlaceIsNamedByCityAndCountryOrByItsCoordinates() {
    assertThat(BERLIN.label()).isEqualTo("Berlin, DE");
    assertThat(new Place(1, 2, null, "DE").label()).isEqualTo("DE");
    assertThat(new Place(1.25, -2.5, null, null).label()).isEqualTo("1.3, -2.5");
  }

  @Test
  void coordinatesOffTheEarthAreRefused() {
    assertThatThrownBy(() -> new Place(91, 0, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Place(0, Double.NaN, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void noTwoPlacesAreFurtherApartThanHalfTheEarth(
      @ForAll @DoubleRange(min = -90, max = 90) double lat1,
      @ForAll @DoubleRange(min = -180, max = 180) double lon1,
      @ForAll @DoubleRange(min = -90, max = 90) double lat2,
      @ForAll @DoubleRange(min = -180, max = 180) double lon2) {
    double km = new Place(lat1, lon1, null, null).kmTo(new Place(lat2, lon2, null, null));

    assertThat(km).isBetween(0.0, Math.PI * 6371.0 + 1e-6);
  }
}
