package io.usher.ui.mail;

import io.usher.ui.kit.Header;
import io.usher.ui.kit.Screen;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Mail screen: the SMTP server Usher sends through (with a test mail), and the wording of each
 * mail with a live preview.
 */
public final class MailView implements Screen {
  private final MailViewModel model;
  private final VBox root = new VBox(14);

  public MailView(MailViewModel model) {
    this.model = model;
    createView();
  }

  private void createView() {
    Tab smtp = new Tab("SMTP server", new SmtpPane(model).node());
    smtp.setId("mail-tab-smtp");
    Tab templates = new Tab("Templates", new TemplatesPane(model).node());
    templates.setId("mail-tab-templates");
    TabPane tabs = new TabPane(smtp, templates);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setId("mail-tabs");
    VBox.setVgrow(tabs, Priority.ALWAYS);
    root.getChildren()
        .setAll(
            Header.of(
                "Email",
                "How Usher emails your subscribers and you: the SMTP server, and what each mail"
                    + " says."),
            tabs);
    root.setPadding(new Insets(24));
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    model.load();
  }
}
