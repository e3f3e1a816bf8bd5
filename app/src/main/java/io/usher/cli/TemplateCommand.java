package io.usher.cli;

import io.usher.application.notify.MailService;
import io.usher.domain.common.UsherException;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.notify.MailTemplate;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "template",
    description = {
      "The mails Usher sends: list, show, change or reset their wording.",
      "Placeholders such as {name}, {plan} and {expires} are filled in when a mail goes out."
    },
    subcommands = {
      TemplateCommand.ListTemplates.class,
      TemplateCommand.Show.class,
      TemplateCommand.Set.class,
      TemplateCommand.Reset.class
    })
final class TemplateCommand {
  /** A body file larger than this is refused before it is read: a body is far shorter. */
  static final long MAX_FILE_BYTES = 1_000_000;

  @ParentCommand RootCommand root;

  @Command(name = "list", description = "Every mail, its subject, and whether you changed it.")
  static final class ListTemplates implements Runnable {
    @ParentCommand TemplateCommand parent;

    @Override
    public void run() {
      MailService mail = parent.root.usher().mail();
      parent
          .root
          .output()
          .list(
              List.of("EVENT", "SUBJECT", "CUSTOMISED"),
              List.of("event", "subject", "customised"),
              mail.templates().stream().map(t -> fields(t, mail.customised(t.event()))).toList());
    }
  }

  @Command(name = "show", description = "A mail's subject and body, placeholders and all.")
  static final class Show implements Runnable {
    @ParentCommand TemplateCommand parent;

    @Mixin EventArgument which;

    @Override
    public void run() {
      MailService mail = parent.root.usher().mail();
      MailTemplate t = mail.template(which.event);
      Output out = parent.root.output();
      if (out.json()) {
        out.done("", fields(t, mail.customised(which.event)));
      } else {
        out.line("Subject: " + t.subject());
        out.line("");
        out.line(t.body());
      }
    }
  }

  @Command(
      name = "set",
      description = "Change a mail's wording; what you leave out stays as it is.")
  static final class Set implements Runnable {
    @ParentCommand TemplateCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin EventArgument which;

    @Option(names = "--subject", paramLabel = "S", description = "The subject line.")
    String subject;

    @ArgGroup(exclusive = true)
    Body body;

    static final class Body {
      @Option(names = "--body", paramLabel = "TEXT", description = "The body text.")
      String text;

      @Option(
          names = "--body-file",
          paramLabel = "FILE",
          description = "A UTF-8 text file holding the body.")
      String file;
    }

    @Override
    public void run() {
      if (subject == null && body == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "Give --subject, --body or --body-file: there is nothing to set.");
      }
      MailService mail = parent.root.usher().mail();
      MailTemplate current = mail.template(which.event);
      String newBody = current.body();
      if (body != null) {
        newBody = body.text != null ? body.text : read(body.file);
      }
      MailTemplate saved =
          mail.save(
              new MailTemplate(
                  which.event, subject != null ? subject : current.subject(), newBody));
      parent
          .root
          .output()
          .done(
              "Saved the "
                  + which.event.code()
                  + " template: new "
                  + which.event.label()
                  + " mails use this wording.",
              fields(saved, true));
    }
  }

  @Command(name = "reset", description = "Bring back Usher's own wording of a mail.")
  static final class Reset implements Runnable {
    @ParentCommand TemplateCommand parent;

    @Mixin EventArgument which;

    @Override
    public void run() {
      MailTemplate restored = parent.root.usher().mail().reset(which.event);
      parent
          .root
          .output()
          .done(
              "Reset the "
                  + which.event.code()
                  + " template: "
                  + which.event.label()
                  + " mails use Usher's wording again.",
              fields(restored, false));
    }
  }

  /** The body file's text; a file that is missing, unreadable or not text is one sentence. */
  static String read(String file) {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw new UsherException("'" + file + "' is not a file name this system takes.");
    }
    try {
      if (Files.isDirectory(path)) {
        throw new UsherException(file + " is a folder: give the file that holds the body.");
      }
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw new UsherException(
            file + " is too large for a mail body: keep the body under 10,000 characters.");
      }
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsherException("There is no file " + file + ".");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new UsherException("Usher may not read " + file + ": check the file's permissions.");
    } catch (CharacterCodingException e) {
      throw new UsherException(file + " is not UTF-8 text: save it as UTF-8 and try again.");
    } catch (IOException e) {
      throw new UsherException("Usher could not read " + file + ": " + e.getMessage() + ".");
    }
  }

  static Map<String, Object> fields(MailTemplate t, boolean customised) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", t.event().code());
    m.put("label", t.event().label());
    m.put("subject", t.subject());
    m.put("body", t.body());
    m.put("customised", customised);
    return m;
  }

  /** The events' codes, for help and for the refusal of an unknown one. */
  static final class Events implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(MailEvent.values()).map(MailEvent::code).iterator();
    }
  }

  /** The mail a subcommand works on, named by its code. */
  static final class EventArgument {
    @Parameters(
        index = "0",
        paramLabel = "EVENT",
        converter = EventConverter.class,
        completionCandidates = Events.class,
        description = "One of: ${COMPLETION-CANDIDATES}.")
    MailEvent event;
  }

  /** A malformed command line (exit 2) when the event is not one of Usher's mails. */
  static final class EventConverter implements ITypeConverter<MailEvent> {
    @Override
    public MailEvent convert(String value) {
      return MailEvent.fromCode(value == null ? "" : value.strip())
          .orElseThrow(
              () ->
                  new CommandLine.TypeConversionException(
                      "expected one of ["
                          + Arrays.stream(MailEvent.values())
                              .map(MailEvent::code)
                              .collect(Collectors.joining(", "))
                          + "] but was '"
                          + value
                          + "'"));
    }
  }
}
