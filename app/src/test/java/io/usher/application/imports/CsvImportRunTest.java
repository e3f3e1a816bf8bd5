package io.usher.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.application.invites.InviteRequest;
import io.usher.application.invites.InviteResult;
import io.usher.domain.common.UsherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The background job: row by row, Plex invites paced, a cancel, failures that do not stop it. */
class CsvImportRunTest extends ImportFixture {
  static final String FOUR_ROWS =
      "Email,Server Name,Plan Name\n"
          + "a@example.com,Tower,Monthly\n"
          + "b@example.com,Den,Monthly\n"
          + "c@example.com,Tower,Monthly\n"
          + "d@example.com,Tower,Yearly\n";

  ImportPlan fourRows() {
    return imports.validate("four.csv", FOUR_ROWS);
  }

  @Test
  void onlyConsecutivePlexInvitesArePacedAndTimeSpentOnOthersCounts() {
    invite =
        request -> {
          if (request.server().equals("Den")) {
            clock.advance(Duration.ofSeconds(10));
          }
          return shared(request);
        };

    ImportReport report = imports.run(fourRows(), ImportProgress.NONE);

    assertThat(invited)
        .extracting(InviteRequest::email)
        .containsExactly("a@example.com", "b@example.com", "c@example.com", "d@example.com");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(30));
    assertThat(report.summary()).isEqualTo("4 invited.");
  }

  @Test
  void aPaceOfZeroNeverWaits() {
    paceSeconds = 0;

    imports.run(fourRows(), ImportProgress.NONE);

    assertThat(sleeps).isEmpty();
    assertThat(invited).hasSize(4);
  }

  @Test
  void cancelStopsBeforeTheNextRowAndTheRowsDoneStayDone() {
    List<String> seen = new ArrayList<>();
    ImportProgress cancelAfterTwo =
        new ImportProgress() {
          @Override
          public void row(int done, int total, String current) {
            seen.add(done + "/" + total + " " + current);
          }

          @Override
          public boolean cancelled() {
            return invited.size() >= 2;
          }
        };

    ImportReport report = imports.run(fourRows(), cancelAfterTwo);

    assertThat(invited).hasSize(2);
    assertThat(report.cancelled()).isTrue();
    assertThat(report.summary()).isEqualTo("Cancelled after 2 of 4 rows: 2 invited.");
    assertThat(seen).containsExactly("0/4 a@example.com", "1/4 b@example.com", "2/4 null");
    assertThat(told).containsExactly(report);
  }

  @Test
  void aRowThatFailsIsReportedWithItsSentenceAndTheOthersGoOn() {
    invite =
        request ->
            switch (request.email()) {
              case "b@example.com" -> throw new UsherException("Den is full.");
              case "c@example.com" -> throw new IllegalStateException("bug");
              case "d@example.com" ->
                  new InviteResult(null, null, null, request.email(), true, "Plex timed out");
              default -> shared(request);
            };

    ImportReport report = imports.run(fourRows(), ImportProgress.NONE);

    assertThat(invited).hasSize(4);
    assertThat(report.invited()).containsExactly("a@example.com on Tower");
    assertThat(report.queued()).containsExactly("d@example.com on Tower: Plex timed out");
    assertThat(report.failed())
        .containsExactly(
            "Line 3: b@example.com: Den is full.",
            "Line 4: c@example.com: unexpected error (IllegalStateException); see the log.");
    assertThat(report.summary()).isEqualTo("1 invited, 1 queued, 2 failed.");
  }

  @Test
  void theOwnerIsToldTheReportWhenTheJobEnds() {
    ImportReport report = imports.run(fourRows(), ImportProgress.NONE);

    assertThat(told).containsExactly(report);
    assertThat(report.details())
        .startsWith("Bulk invite from four.csv: 4 invited.\n")
        .contains("  c@example.com on Tower\n");
  }

  @Test
  void anInvalidFileIsNeverRun() {
    ImportPlan broken =
        imports.validate("bad.csv", "Email,Server Name,Plan Name\nx,Towr,Monthly\n");

    assertThatThrownBy(() -> imports.run(broken, ImportProgress.NONE))
        .isInstanceOf(UsherException.class)
        .hasMessage("bad.csv has 2 problems; nothing was imported.");
    assertThat(invited).isEmpty();
    assertThat(told).isEmpty();
  }
}
