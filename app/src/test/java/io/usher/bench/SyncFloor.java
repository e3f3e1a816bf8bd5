package io.usher.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The floor a first sync is held to (issue 14), run as its own cold JVM by {@link
 * SyncProcessBench}: fetch the servers' friend lists over HTTP, read them with StAX and, unless
 * {@code fetch} is asked, write three batched inserts of the friends into a fresh H2 file. No Usher
 * code: what the machine needs at least for the same bytes in and rows out.
 *
 * <p>Arguments: {@code fetch|write} then the data folder, then the friend-list addresses.
 */
public final class SyncFloor {
  private SyncFloor() {}

  public static void main(String[] args) throws Exception {
    boolean write = args[0].equals("write");
    Path dir = Path.of(args[1]);
    List<String[]> friends = new ArrayList<>();
    HttpClient http = HttpClient.newHttpClient();
    XMLInputFactory xml = XMLInputFactory.newFactory();
    for (int i = 2; i < args.length; i++) {
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(args[i])).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      XMLStreamReader reader = xml.createXMLStreamReader(new StringReader(body));
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT
            && reader.getLocalName().equals("SharedServer")) {
          friends.add(
              new String[] {
                reader.getAttributeValue(null, "userID"),
                reader.getAttributeValue(null, "username"),
                reader.getAttributeValue(null, "email"),
                Integer.toString(i - 1)
              });
        }
      }
    }
    if (!write) {
      System.out.println(friends.size() + " shares read");
      return;
    }
    try (Connection c =
        DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("floor").toAbsolutePath())) {
      c.setAutoCommit(false);
      c.createStatement()
          .execute(
              "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(320) UNIQUE,"
                  + " name VARCHAR(200))");
      c.createStatement()
          .execute(
              "CREATE TABLE payments (id BIGINT AUTO_INCREMENT PRIMARY KEY, user_id BIGINT,"
                  + " txn_id VARCHAR(200) UNIQUE)");
      c.createStatement()
          .execute(
              "CREATE TABLE shares (id BIGINT AUTO_INCREMENT PRIMARY KEY, user_id BIGINT,"
                  + " server_id INT, account VARCHAR(200))");
      c.commit();
      try (PreparedStatement users =
              c.prepareStatement("MERGE INTO users (id, email, name) VALUES (?, ?, ?)");
          PreparedStatement payments =
              c.prepareStatement(
                  "MERGE INTO payments (user_id, txn_id) KEY (txn_id) VALUES (?, ?)");
          PreparedStatement shares =
              c.prepareStatement(
                  "INSERT INTO shares (user_id, server_id, account) VALUES (?, ?, ?)")) {
        for (String[] f : friends) {
          long id = Long.parseLong(f[0]);
          users.setLong(1, id);
          users.setString(2, f[2]);
          users.setString(3, f[1]);
          users.addBatch();
          payments.setLong(1, id);
          payments.setString(2, "sync-" + id);
          payments.addBatch();
          shares.setLong(1, id);
          shares.setInt(2, Integer.parseInt(f[3]));
          shares.setString(3, f[1]);
          shares.addBatch();
        }
        users.executeBatch();
        payments.executeBatch();
        shares.executeBatch();
      }
      c.commit();
    }
    System.out.println(friends.size() + " shares written");
  }
}
