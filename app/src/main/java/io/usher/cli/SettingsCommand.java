package io.usher.cli;

import io.usher.application.settings.SettingView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "settings",
    description = "Read and change settings; secrets print masked.",
    subcommands = {
      SettingsCommand.Get.class,
      SettingsCommand.Set.class,
      SettingsCommand.ListSettings.class
    })
final class SettingsCommand {
  @ParentCommand RootCommand root;

  @Command(name = "get", description = "Print one setting.")
  static final class Get implements Runnable {
    @ParentCommand SettingsCommand parent;

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Override
    public void run() {
      SettingView v = parent.root.usher().settings().view(key);
      Output out = parent.root.output();
      if (out.json()) {
        out.done("", fields(v));
      } else {
        out.line(v.value());
      }
    }
  }

  @Command(name = "set", description = "Change one setting.")
  static final class Set implements Runnable {
    @ParentCommand SettingsCommand parent;

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE")
    String value;

    @Override
    public void run() {
      SettingView v = parent.root.usher().settings().set(key, value);
      parent.root.output().done(key + " = " + v.value(), fields(v));
    }
  }

  @Command(name = "list", description = "Every setting with its value and default.")
  static final class ListSettings implements Runnable {
    @ParentCommand SettingsCommand parent;

    @Override
    public void run() {
      parent
          .root
          .output()
          .list(
              List.of("KEY", "VALUE", "DEFAULT", "DESCRIPTION"),
              List.of("key", "value", "default", "description"),
              parent.root.usher().settings().list().stream().map(SettingsCommand::fields).toList());
    }
  }

  static Map<String, Object> fields(SettingView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", v.key());
    m.put("value", v.value());
    m.put("default", v.secret() ? "" : v.defaultValue());
    m.put("secret", v.secret());
    m.put("description", v.description());
    return m;
  }
}
