package io.usher.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TemplatesTest {
  static final Map<String, String> VALUES =
      Map.of("name", "Alex", "plan", "Monthly", "server_url", "https://media.example.com");

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("Hi {name}, you are on {plan}.", "Hi Alex, you are on Monthly."),
        Arguments.of("{name}{name}", "AlexAlex"),
        Arguments.of("Expires {expires}.", "Expires ."),
        Arguments.of("Hello {nmae} and {Name}", "Hello {nmae} and {Name}"),
        Arguments.of("Braces { name } and {} stay", "Braces { name } and {} stay"),
        Arguments.of("Costs $5 \\o/ {plan}", "Costs $5 \\o/ Monthly"),
        Arguments.of("No placeholders at all", "No placeholders at all"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("texts")
  void placeholdersAreFilledMissingOnesRenderEmptyAndUnknownOnesStayAsTyped(
      String body, String expected) {
    Mail mail =
        Templates.render("a@example.com", new MailTemplate(MailEvent.TEST, "s", body), VALUES);

    assertThat(mail.text()).isEqualTo(expected);
  }

  /** A text block's line joined by hand once left a run of spaces in three mails' text. */
  @ParameterizedTest
  @EnumSource(MailEvent.class)
  void everyDefaultMailReadsWithSingleSpaces(MailEvent event) {
    MailTemplate template = event.defaultTemplate();
    assertThat(template.body().lines()).noneMatch(line -> line.strip().contains("  "));
    assertThat(template.subject()).doesNotContain("  ");
  }

  @Test
  void theSubjectIsFilledTooAndKeptOnOneLine() {
    Mail mail =
        Templates.render(
            "a@example.com",
            new MailTemplate(MailEvent.TEST, "Welcome {name} to {server}", "b"),
            Map.of("name", "Alex\r\nBcc: evil@example.com", "server", "Tower"));

    assertThat(mail.subject()).isEqualTo("Welcome Alex Bcc: evil@example.com to Tower");
    assertThat(mail.to()).isEqualTo("a@example.com");
  }

  @Test
  void valuesAreEscapedInTheHtmlPartButNotInTheText() {
    Mail mail =
        Templates.render(
            "a@example.com",
            new MailTemplate(MailEvent.TEST, "s", "Hi {name} & <b>friends</b>"),
            Map.of("name", "<script>alert('x')</script>"));

    assertThat(mail.text()).isEqualTo("Hi <script>alert('x')</script> & <b>friends</b>");
    assertThat(mail.html())
        .contains(
            "Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;friends&lt;/b&gt;")
        .doesNotContain("<script>")
        .doesNotContain("<b>");
  }

  @Test
  void paragraphsAndLineBreaksBecomeHtml() {
    String html = Templates.html("First line\nsecond line\n\n\nNext paragraph\r\n\r\nLast");

    assertThat(html)
        .contains("<p>First line<br>\nsecond line</p>\n<p>Next paragraph</p>\n<p>Last</p>");
  }

  static Stream<Arguments> links() {
    return Stream.of(
        Arguments.of(
            "Sign in at https://app.plex.tv.",
            "Sign in at <a href=\"https://app.plex.tv\">https://app.plex.tv</a>."),
        Arguments.of(
            "(see http://x.example/a?b=1&c=2)",
            "(see <a href=\"http://x.example/a?b=1&amp;c=2\">http://x.example/a?b=1&amp;c=2</a>)"),
        Arguments.of(
            "Go to https://x.example/\"><script>",
            "Go to <a href=\"https://x.example/\">https://x.example/</a>&quot;&gt;&lt;script&gt;"),
        Arguments.of("javascript:alert(1) and ftp://x", "javascript:alert(1) and ftp://x"),
        Arguments.of("just https:// alone", "just https:// alone"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("links")
  void httpLinksBecomeClickableAndNothingElseDoes(String line, String expected) {
    assertThat(Templates.html(line)).contains("<p>" + expected + "</p>");
  }

  @Test
  void aLinkInAValueIsClickableAndEscaped() {
    Mail mail =
        Templates.render(
            "a@example.com",
            new MailTemplate(MailEvent.WELCOME_ACCOUNT, "s", "Server address: {server_url}"),
            VALUES);

    assertThat(mail.html())
        .contains(
            "Server address: <a href=\"https://media.example.com\">https://media.example.com</a>");
  }

  @Test
  void withoutAnAddressTheRecipientIsTheEmailValue() {
    Mail mail =
        Templates.render(MailEvent.TEST.defaultTemplate(), Map.of("email", "sam@example.com"));

    assertThat(mail.to()).isEqualTo("sam@example.com");
  }

  @ParameterizedTest
  @EnumSource(MailEvent.class)
  void everyDefaultTemplateUsesOnlyKnownPlaceholders(MailEvent event) {
    String filled = Templates.fill(event.defaultSubject() + event.defaultBody(), Map.of());

    assertThat(filled).doesNotContain("{").doesNotContain("}");
    assertThat(event.defaultTemplate().subject()).isNotBlank().hasSizeLessThanOrEqualTo(200);
  }
}
