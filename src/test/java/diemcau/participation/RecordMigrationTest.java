package diemcau.participation;

import static org.assertj.core.api.Assertions.assertThat;

import diemcau.store.Databases;
import diemcau.store.EmbeddedDatabase;
import diemcau.store.Store;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The V4 migration of the participation table")
class RecordMigrationTest {

  private final Vertx vertx = Vertx.vertx();
  private String mariaDb;

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    if (mariaDb != null) {
      Databases.drop(mariaDb);
    }
  }

  @Test
  @DisplayName("on SQLite, the people stored before V4 keep their records, each under its own row number")
  void sqlite() throws Exception {
    Path data = Files.createTempDirectory("diemcau-v4");
    Path file = Files.createFile(data.resolve(EmbeddedDatabase.FILE_NAME));
    carriesOver("jdbc:sqlite:" + file, Store.Kind.SQLITE, () -> Store.embedded(vertx, data, false));
  }

  @Test
  @DisplayName("on MariaDB, the people stored before V4 keep their records, each under its own row number")
  void mariaDb() throws Exception {
    mariaDb = Databases.freshMariaDb();
    carriesOver(mariaDb, Store.Kind.MYSQL, () -> Store.mysql(vertx, mariaDb, "root", null));
  }

  private void carriesOver(String url, Store.Kind kind, Supplier<Store> open) throws Exception {
    String user = kind == Store.Kind.MYSQL ? "root" : null;
    Flyway.configure().dataSource(url, user, null).locations(kind.migrations()).target("3").load().migrate();
    Person a = new Person("An", "U1", "Nguyễn An", 1L, 5L, 9_050, 5);
    Person b = new Person("an", "U2", null, 2L, null, null, 2);
    Person c = new Person("c-3", "U1", "C", null, null, 7_000, 9);
    try (Connection connection = DriverManager.getConnection(url, user, null)) {
      for (Person person : List.of(a, b, c)) {
        insertV2(connection, person);
      }
    }
    try (Store store = open.get()) {
      List<PersonRecords.Row> rows = store.tx(ParticipationTables::rows).await(10, TimeUnit.SECONDS);
      assertThat(rows).extracting(PersonRecords.Row::person).containsExactlyInAnyOrder(a, b, c);
      assertThat(rows).extracting(PersonRecords.Row::id).containsExactlyInAnyOrder(1L, 2L, 3L);

      PersonRecords records = new PersonRecords();
      records.load(rows);
      Person later = new Person("c-3", "U1", "C", null, 20L, 9_500, 20);
      Person d = new Person("d", "U3", "D", 3L, null, null, 3);
      PersonRecords.Diff diff = records.diff(List.of(later, d, a));
      store.tx(connection -> {
        ParticipationTables.write(connection, diff, 100L);
        return null;
      }).await(10, TimeUnit.SECONDS);
      records.apply(diff);
      List<PersonRecords.Row> after = store.tx(ParticipationTables::rows).await(10, TimeUnit.SECONDS);
      assertThat(after).extracting(PersonRecords.Row::person).containsExactlyInAnyOrder(a, b, later, d)
          .containsExactlyInAnyOrderElementsOf(records.persons());
      assertThat(after).filteredOn(row -> row.person().person().equals("d")).extracting(PersonRecords.Row::id).containsExactly(4L);
    }
  }

  private static void insertV2(Connection connection, Person person) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO participation_person (person_key, person, unit, name, "
        + "enrolled_at, completed_at, score, last_activity_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
      insert.setBytes(1, person.person().getBytes(StandardCharsets.UTF_8));
      insert.setString(2, person.person());
      insert.setString(3, person.unit());
      insert.setString(4, person.name());
      insert.setObject(5, person.enrolledAt());
      insert.setObject(6, person.completedAt());
      insert.setObject(7, person.score());
      insert.setLong(8, person.lastActivityAt());
      insert.executeUpdate();
    }
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }
}
