package io.usher.ui.users;

import io.usher.application.accounts.AccountChangeService;
import io.usher.application.invites.InviteService;
import io.usher.application.links.LinkService;
import io.usher.application.payments.PlanChangeService;
import io.usher.application.plans.PlanService;
import io.usher.application.queries.LedgerQueryService;
import io.usher.application.referrals.ReferralService;
import io.usher.application.servers.ServerService;
import io.usher.application.users.AccessActions;
import io.usher.application.users.UserActions;
import io.usher.application.users.UserService;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.PaymentRow;
import io.usher.domain.plans.Plan;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the Users screen: every user with status from the ledger, the search and status filter
 * applied in memory as the owner types, and the selected user's details and payments.
 */
public final class UsersViewModel {
  /**
   * The use cases the users screen drives, and nothing else of the application: the list, the
   * details, the actions on one user or a selection.
   */
  public record Desk(
      LedgerQueryService queries,
      UserService users,
      LinkService links,
      ReferralService referrals,
      PlanService plans,
      ServerService servers,
      InviteService invites,
      UserActions userActions,
      AccessActions accessActions,
      AccountChangeService accounts,
      PlanChangeService planChanges) {}

  private final Desk desk;
  private final UiTasks tasks;
  private final ObservableList<UserItem> all = FXCollections.observableArrayList();
  private final FilteredList<UserItem> shown = new FilteredList<>(all);
  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<StatusFilter> filter = new SimpleObjectProperty<>(StatusFilter.ALL);
  private final BooleanProperty loading = new SimpleBooleanProperty();
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty notice = new SimpleStringProperty("");
  private final StringProperty pendingInvite = new SimpleStringProperty("");
  private final StringProperty limits = new SimpleStringProperty("");
  private final ObservableList<String> subs = FXCollections.observableArrayList();
  private final ObjectProperty<ReferralService.Summary> referral = new SimpleObjectProperty<>();
  private final ObjectProperty<UserItem> selected = new SimpleObjectProperty<>();
  private final ObjectProperty<User> selectedUser = new SimpleObjectProperty<>();
  private final ObservableList<PaymentRow> selectedPayments = FXCollections.observableArrayList();

  public UsersViewModel(Desk desk, UiTasks tasks) {
    this.desk = desk;
    this.tasks = tasks;
    search.addListener((obs, was, now) -> applyFilter());
    filter.addListener((obs, was, now) -> applyFilter());
    selected.addListener((obs, was, now) -> loadSelection());
  }

  /** Reloads every user, keeping the selection. */
  public void load() {
    load(selected.get() == null ? null : selected.get().row().id());
  }

  /** Reloads, then selects the given user (one just added or edited). */
  public void loadAndSelect(long userId) {
    load(Long.valueOf(userId));
  }

  private void load(Long keep) {
    loading.set(true);
    tasks.run(
        () -> {
          Instant now = desk.queries().now();
          return desk.queries().users().stream().map(u -> UserItem.of(u, now)).toList();
        },
        items -> {
          loading.set(false);
          error.set("");
          all.setAll(items);
          if (keep != null) {
            selected.set(items.stream().filter(i -> i.row().id() == keep).findFirst().orElse(null));
          }
        },
        failure -> {
          loading.set(false);
          error.set(Errors.sentence(failure));
        });
  }

  /** Applies search and status to the loaded rows; cheap enough to run on every key press. */
  void applyFilter() {
    String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
    StatusFilter status = filter.get() == null ? StatusFilter.ALL : filter.get();
    shown.setPredicate(item -> item.matches(needle, status));
  }

  private void loadSelection() {
    UserItem item = selected.get();
    if (item == null) {
      selectedUser.set(null);
      selectedPayments.clear();
      return;
    }
    long id = item.row().id();
    tasks.run(
        () -> {
          User user = desk.users().byId(id);
          List<String> subs =
              user.email() == null
                  ? List.of()
                  : desk.links().subs(user.email()).stream().map(u -> u.spec().label()).toList();
          return new Selection(
              user,
              desk.queries().payments(new PaymentFilter(id, null, null)),
              pendingInvite(id),
              subs,
              desk.referrals().terms().on() ? desk.referrals().summary(id) : null,
              limits(item.row().plan()));
        },
        s -> {
          if (selected.get() != null && selected.get().row().id() == id) {
            pendingInvite.set(s.pendingInvite());
            subs.setAll(s.subs());
            referral.set(s.referral());
            limits.set(s.limits());
            selectedPayments.setAll(s.payments());
            selectedUser.set(s.user());
          }
        },
        failure -> error.set(Errors.sentence(failure)));
  }

  /** Loads what the invite dialog offers, then hands it to {@code open}. */
  public void withInviteChoices(java.util.function.Consumer<InviteDialog.InviteChoices> open) {
    tasks.run(
        () ->
            new InviteDialog.InviteChoices(
                desk.plans().list().stream().map(Plan::name).toList(),
                desk.servers().list().stream()
                    .filter(r -> r.server().settings().enabled())
                    .map(r -> r.server().name())
                    .toList(),
                desk.servers().locations()),
        open,
        failure -> error.set(Errors.sentence(failure)));
  }

  public Supplier<io.usher.application.invites.InviteResult> invite(
      io.usher.application.invites.InviteRequest request) {
    return () -> desk.invites().invite(request);
  }

  /** Extends the users by {@code days}, or only says what that would do. */
  public List<UserActions.Outcome> extend(List<Long> ids, int days, boolean dryRun) {
    return desk.userActions().extend(ids, days, dryRun);
  }

  /** Sends the users the expiry reminder now, or only says who would get it. */
  public List<UserActions.Outcome> remind(List<Long> ids, boolean dryRun) {
    return desk.userActions().remind(ids, dryRun);
  }

  /** Takes the users off every server, or only says what that would do. */
  public List<UserActions.Outcome> removeAccess(List<Long> ids, boolean dryRun) {
    return desk.accessActions().removeAccess(ids, dryRun);
  }

  /** Shares the users again, or only says where. */
  public List<UserActions.Outcome> restoreAccess(List<Long> ids, boolean dryRun) {
    return desk.accessActions().restoreAccess(ids, dryRun);
  }

  /** Deletes the users (off the servers, out of the ledger), or only says what that would do. */
  public List<UserActions.Outcome> delete(List<Long> ids, boolean dryRun) {
    return desk.accessActions().delete(ids, dryRun);
  }

  /**
   * After an action on a selection: how many it reached, the users it failed for (each with the
   * reason), and the list as it is now.
   */
  public void acted(String verb, List<UserActions.Outcome> outcomes) {
    long done = outcomes.stream().filter(UserActions.Outcome::done).count();
    List<UserActions.Outcome> failed =
        outcomes.stream().filter(o -> o.state() == UserActions.Outcome.State.FAILED).toList();
    long skipped = outcomes.size() - done - failed.size();
    StringBuilder text =
        new StringBuilder(verb + " " + done + (done == 1 ? " user" : " users"))
            .append(skipped == 0 ? "." : "; " + skipped + " skipped (the preview said why).");
    failed.forEach(
        o -> text.append(" Not ").append(o.who()).append(": ").append(o.what()).append('.'));
    notice.set(text.toString());
    load();
  }

  /** Tags the given users as having to move to another Plex account. */
  public void requireAccountChange(List<Long> ids) {
    tasks.run(
        () -> desk.accounts().requireChange(ids, true),
        n -> {
          notice.set(
              n
                  + (n == 1 ? " user is" : " users are")
                  + " now asked to change their Plex account.");
          load();
        },
        failure -> error.set(Errors.sentence(failure)));
  }

  public Supplier<String> changeAccount(String from, String to) {
    return () -> {
      AccountChangeService.Moved moved = desk.accounts().change(from, to);
      return moved.leftovers().isEmpty()
          ? moved.sentence()
          : moved.sentence() + " " + String.join(" ", moved.leftovers());
    };
  }

  /** The plan names a user can be moved to, for the Change plan dialog. */
  public void withPlanNames(Consumer<List<String>> open) {
    tasks.run(
        () -> desk.plans().list().stream().map(Plan::name).toList(),
        open,
        failure -> error.set(Errors.sentence(failure)));
  }

  public Supplier<PlanChangeService.Result> changePlan(String email, String plan, boolean dryRun) {
    return () -> desk.planChanges().change(email, plan, dryRun);
  }

  public Supplier<String> linkSub(String master, String sub) {
    return () -> {
      desk.links().link(master, sub);
      return "Linked " + sub + " to " + master + ": the master's payments now pay for it too.";
    };
  }

  public Supplier<String> unlink(String sub) {
    return () -> "Unlinked " + desk.links().unlink(sub).email() + ".";
  }

  /** What saving the user dialog does: create when {@code userId} is null, else edit. */
  public Supplier<User> saveUser(Long userId, UserSpec spec) {
    return () -> userId == null ? desk.users().create(spec) : desk.users().update(userId, spec);
  }

  public ObservableList<UserItem> shown() {
    return shown;
  }

  public ObservableList<UserItem> all() {
    return all;
  }

  public StringProperty search() {
    return search;
  }

  public ObjectProperty<StatusFilter> filter() {
    return filter;
  }

  public BooleanProperty loading() {
    return loading;
  }

  public StringProperty error() {
    return error;
  }

  /** What the last invite or import did, in one sentence. */
  public StringProperty notice() {
    return notice;
  }

  public ObjectProperty<UserItem> selected() {
    return selected;
  }

  public ObjectProperty<User> selectedUser() {
    return selectedUser;
  }

  public ObservableList<PaymentRow> selectedPayments() {
    return selectedPayments;
  }

  /** Why a queued invite of this user still waits; empty when none waits. */
  private String pendingInvite(long userId) {
    return desk.invites()
        .queuedShare(userId)
        .map(i -> i.lastError() == null ? "waiting for its first try" : i.lastError())
        .orElse("");
  }

  public StringProperty pendingInvite() {
    return pendingInvite;
  }

  public ObservableList<String> subs() {
    return subs;
  }

  /** The selected user's referral code and referrals; null when referrals are off. */
  public ObjectProperty<ReferralService.Summary> referral() {
    return referral;
  }

  private record Selection(
      User user,
      List<PaymentRow> payments,
      String pendingInvite,
      List<String> subs,
      ReferralService.Summary referral,
      String limits) {}

  /** The limits of the user's plan in one line; empty without a plan (or one since deleted). */
  private String limits(String plan) {
    if (plan == null) {
      return "";
    }
    return desk.plans().list().stream()
        .filter(p -> p.name().equals(plan))
        .findFirst()
        .map(p -> io.usher.domain.plans.PlanLimits.brief(p.spec()))
        .orElse("");
  }

  /** What the selected user's plan allows ("2 streams, no downloads, transcoding"). */
  public StringProperty limits() {
    return limits;
  }
}
