package io.usher.ui.servers;

import io.usher.application.migrations.MigrationService;
import io.usher.application.servers.PlexSignIn;
import io.usher.application.servers.ServerRow;
import io.usher.application.servers.ServerService;
import io.usher.domain.media.PlexPin;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.media.ServerKind;
import io.usher.domain.servers.Library;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerSettings;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.kit.Waiting;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** State of the Servers & Libraries screen: servers, their libraries, groups and locations. */
public final class ServersViewModel {
  private final ServerService serverService;
  private final PlexSignIn plexSignIn;
  private final MigrationService migrations;
  private final UiTasks tasks;
  private final Waiting waiting;
  private final ObservableList<ServerRow> servers = FXCollections.observableArrayList();
  private final ObservableList<Library> libraries = FXCollections.observableArrayList();
  private final FilteredList<Library> shownLibraries = new FilteredList<>(libraries);
  private final ObservableList<String> groups = FXCollections.observableArrayList();
  private final ObservableList<String> locations = FXCollections.observableArrayList();
  private final ObjectProperty<ServerRow> selected = new SimpleObjectProperty<>();
  private final ObjectProperty<io.usher.domain.migrations.Migration> lastMove =
      new SimpleObjectProperty<>();
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");

  public ServersViewModel(
      ServerService serverService,
      PlexSignIn plexSignIn,
      MigrationService migrations,
      UiTasks tasks) {
    this.serverService = serverService;
    this.plexSignIn = plexSignIn;
    this.migrations = migrations;
    this.tasks = tasks;
    this.waiting = new Waiting(tasks);
    selected.addListener((o, was, now) -> filterLibraries());
  }

  public void load() {
    tasks.run(
        () ->
            new Snapshot(
                serverService.list(),
                serverService.libraries(null),
                serverService.groups(),
                serverService.locations(),
                migrations.recent().stream().findFirst().orElse(null)),
        s -> {
          error.set("");
          Long keep = selected.get() == null ? null : selected.get().server().id();
          servers.setAll(s.servers());
          libraries.setAll(s.libraries());
          groups.setAll(s.groups());
          locations.setAll(s.locations());
          lastMove.set(s.lastMove());
          selected.set(
              keep == null
                  ? null
                  : s.servers().stream()
                      .filter(r -> r.server().id() == keep)
                      .findFirst()
                      .orElse(null));
          filterLibraries();
        },
        failure -> error.set(Errors.sentence(failure)));
  }

  private void filterLibraries() {
    ServerRow row = selected.get();
    shownLibraries.setPredicate(l -> row == null || l.serverId() == row.server().id());
  }

  public void test(ServerRow row) {
    message.set("");
    error.set("");
    waiting.run(
        "Connecting to " + row.server().label() + "…",
        () -> serverService.test(row.server().name()),
        info -> {
          message.set(
              "Connected: "
                  + row.server().label()
                  + " answers as "
                  + info.name()
                  + (info.version() == null ? "" : ", version " + info.version())
                  + ".");
        },
        failure -> {
          message.set("");
          error.set(Errors.sentence(failure));
        });
  }

  /**
   * What moving everyone on {@code from} to {@code to} would do, per user (for a background task).
   */
  public List<io.usher.domain.migrations.Move> previewMove(String from, String to) {
    return migrations.preview(from, to, List.of());
  }

  /** Starts moving the users (for a background task); the outbox worker does the moves. */
  public io.usher.domain.migrations.Migration startMove(String from, String to, List<Long> users) {
    return migrations.start(from, to, users);
  }

  /** Where a move stands now (for a background task). */
  public io.usher.domain.migrations.Migration move(long id) {
    return migrations.byId(id).orElseThrow();
  }

  /** Cancels a move's users not started yet (for a background task). */
  public io.usher.domain.migrations.Migration cancelMove(long id) {
    migrations.cancel(id);
    return move(id);
  }

  /** A line above the table, e.g. after a dialog closed. */
  public void notice(String text) {
    error.set("");
    message.set(text);
  }

  public void setGroup(Library library, String group) {
    tasks.run(
        () -> serverService.setGroup(library.id(), group),
        saved -> {
          int i = libraries.indexOf(library);
          if (i >= 0) {
            libraries.set(i, saved);
          }
          message.set(saved.title() + " is now in " + saved.group() + ".");
        },
        failure -> {
          error.set(Errors.sentence(failure));
          load();
        });
  }

  public void plexServers(
      String token,
      String proxy,
      Consumer<List<PlexServerChoice>> found,
      Consumer<Throwable> failed) {
    tasks.run(() -> serverService.plexServers(token, proxy), found, failed);
  }

  /** Asks plex.tv for a sign-in code and the address where the owner confirms it. */
  public void startPlexSignIn(String proxy, Consumer<PlexPin> started, Consumer<Throwable> failed) {
    tasks.run(() -> plexSignIn.start(proxy), started, failed);
  }

  /** Waits for the owner to confirm the code; empty when cancelled first. */
  public void awaitPlexSignIn(
      PlexPin pin,
      String proxy,
      BooleanSupplier cancelled,
      Consumer<Optional<String>> signedIn,
      Consumer<Throwable> failed) {
    tasks.run(() -> plexSignIn.await(pin, proxy, cancelled), signedIn, failed);
  }

  public Supplier<Server> addPlex(
      String token, PlexServerChoice choice, String name, String url, String proxy) {
    return () -> serverService.addPlex(token, name, choice.machineId(), url, proxy);
  }

  public Supplier<Server> addMediaBrowser(ServerKind kind, String name, String url, String key) {
    return () -> serverService.addMediaBrowser(kind, name, url, key);
  }

  public Supplier<Server> update(Server server, String name, ServerSettings settings) {
    return () -> serverService.update(server.name(), name, settings);
  }

  public Supplier<String> addGroup(String name) {
    return () -> serverService.addGroup(name);
  }

  public Supplier<String> addLocation(String name) {
    return () -> serverService.addLocation(name);
  }

  /** The newest move between servers, for its report; null before the first. */
  public ObjectProperty<io.usher.domain.migrations.Migration> lastMove() {
    return lastMove;
  }

  public ObservableList<ServerRow> servers() {
    return servers;
  }

  public ObservableList<Library> libraries() {
    return shownLibraries;
  }

  public ObservableList<String> groups() {
    return groups;
  }

  public ObservableList<String> locations() {
    return locations;
  }

  public ObjectProperty<ServerRow> selected() {
    return selected;
  }

  public StringProperty message() {
    return message;
  }

  public StringProperty error() {
    return error;
  }

  private record Snapshot(
      List<ServerRow> servers,
      List<Library> libraries,
      List<String> groups,
      List<String> locations,
      io.usher.domain.migrations.Migration lastMove) {}

  /** A wait on a service under way, which the owner may stop waiting for. */
  public Waiting waiting() {
    return waiting;
  }
}
