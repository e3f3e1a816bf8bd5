package io.usher.application.imports;

import io.usher.app.AppContext;
import io.usher.app.Database;
import io.usher.application.invites.InviteRequest;
import io.usher.application.invites.InviteResult;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerKind;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.servers.ServerSettings;
import io.usher.store.JooqPaymentStore;
import io.usher.store.JooqPlanStore;
import io.usher.store.JooqServerStore;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ledger with Plex server Tower, Jellyfin servers Den and Attic (disabled), plans Monthly
 * (12.50 USD a month) and Yearly (100 USD), and an import service whose invites, pauses and owner
 * report are recorded instead of done.
 */
abstract class ImportFixture {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  final List<InviteRequest> invited = new ArrayList<>();
  final List<Duration> sleeps = new ArrayList<>();
  final List<ImportReport> told = new ArrayList<>();
  Function<InviteRequest, InviteResult> invite = ImportFixture::shared;
  Consumer<InviteRequest> checks = request -> {};
  int paceSeconds = 30;
  AppContext usher;
  Database db;
  CsvImportService imports;

  @BeforeEach
  void openLedger() {
    usher = new AppContext(dataDir, clock, settings -> media);
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1.41"));
    media.server("http://tower:32400").library("1", "Movies");
    media.server("http://den:8096").library("f1", "Movies");
    media.server("http://attic:8096").library("a1", "Movies");
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Den", "http://den:8096", "key");
    usher.servers().addMediaBrowser(ServerKind.JELLYFIN, "Attic", "http://attic:8096", "key");
    usher.servers().update("Attic", new ServerSettings(null, false, true, true, false, null, true));
    Fixtures.monthly(usher, "Monthly", "12.50");
    usher.plans().create(Fixtures.plan("Yearly", "100", PlanDuration.months(12)));
    db = Database.open(dataDir);
    imports =
        new CsvImportService(
            new JooqServerStore(db.dsl(), clock, db.secrets()),
            new JooqPlanStore(db.dsl(), clock),
            new JooqPaymentStore(db.dsl(), clock),
            request -> {
              invited.add(request);
              return invite.apply(request);
            },
            request -> checks.accept(request),
            told::add,
            () -> paceSeconds,
            (duration, cancelled) -> {
              sleeps.add(duration);
              clock.advance(duration);
            },
            clock);
  }

  @AfterEach
  void closeLedger() {
    db.close();
    usher.close();
  }

  static InviteResult shared(InviteRequest request) {
    return new InviteResult(null, null, null, request.email(), false, null);
  }

  static Path resource(String name) {
    try {
      return Path.of(ImportFixture.class.getResource("/imports/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  ImportPlan validate(String name) {
    return imports.validate(resource(name));
  }
}
