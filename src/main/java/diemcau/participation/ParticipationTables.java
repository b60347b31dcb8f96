package diemcau.participation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The participation tables ({@code V2__participation.sql}, {@code V4__participation_record.sql}): people and headcounts. Blocking JDBC. */
public final class ParticipationTables {

  /** Rows per statement: one round trip each, well under every driver's placeholder limit. */
  private static final int CHUNK = 500;
  private static final String COLUMNS = "person, unit, name, enrolled_at, completed_at, score, last_activity_at";

  private ParticipationTables() {}

  /**
   * Stores a committed import's diff: the rows of the updated people are deleted by number,
   * then every changed record is inserted under its number, in multi-row statements of
   * {@value #CHUNK}: SQL that SQLite, MySQL and MariaDB all run, one round trip per chunk.
   */
  static void write(Connection connection, PersonRecords.Diff diff, long now) throws SQLException {
    long[] replaced = diff.updatedIds();
    List<Long> ids = new ArrayList<>(replaced.length);
    for (long id : replaced) {
      ids.add(id);
    }
    forChunks(connection, ids, "DELETE FROM participation_record WHERE id IN (", "?", ")",
        (statement, chunk) -> {
          int i = 0;
          for (long id : chunk) {
            statement.setLong(++i, id);
          }
        });
    forChunks(connection, diff.rows(), "INSERT INTO participation_record (id, " + COLUMNS + ", updated_at) VALUES ",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?)", "", (statement, chunk) -> bindRows(statement, chunk, now));
  }

  /** Binds one chunk of items to a statement prepared for exactly that many. */
  @FunctionalInterface
  private interface Binder<T> {
    void bind(PreparedStatement statement, List<T> chunk) throws SQLException;
  }

  /** Runs {@code head + item, item, … + tail} over {@code items} in chunks, preparing each size once. */
  private static <T> void forChunks(Connection connection, List<T> items, String head, String item, String tail,
      Binder<T> binder) throws SQLException {
    PreparedStatement full = null;
    try {
      for (int from = 0; from < items.size(); from += CHUNK) {
        List<T> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
        String sql = head + String.join(", ", Collections.nCopies(chunk.size(), item)) + tail;
        if (chunk.size() < CHUNK) {
          try (PreparedStatement last = connection.prepareStatement(sql)) {
            binder.bind(last, chunk);
            last.executeUpdate();
          }
        } else {
          full = full != null ? full : connection.prepareStatement(sql);
          binder.bind(full, chunk);
          full.executeUpdate();
        }
      }
    } finally {
      if (full != null) {
        full.close();
      }
    }
  }

  private static void bindRows(PreparedStatement insert, List<PersonRecords.Row> chunk, long now) throws SQLException {
    int i = 0;
    for (PersonRecords.Row row : chunk) {
      Person person = row.person();
      insert.setLong(++i, row.id());
      insert.setString(++i, person.person());
      insert.setString(++i, person.unit());
      insert.setString(++i, person.name());
      setLong(insert, ++i, person.enrolledAt());
      setLong(insert, ++i, person.completedAt());
      if (person.score() == null) {
        insert.setNull(++i, Types.INTEGER);
      } else {
        insert.setInt(++i, person.score());
      }
      insert.setLong(++i, person.lastActivityAt());
      insert.setLong(++i, now);
    }
  }

  /** Every stored row, with its number. */
  static List<PersonRecords.Row> rows(Connection connection) throws SQLException {
    List<PersonRecords.Row> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT id, " + COLUMNS + " FROM participation_record")) {
      select.setFetchSize(1000);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.add(new PersonRecords.Row(row.getLong(1), new Person(row.getString(2), row.getString(3), row.getString(4),
              getLong(row, 5), getLong(row, 6), getInt(row, 7), row.getLong(8))));
        }
      }
    }
    return rows;
  }

  /** Every stored person. */
  public static List<Person> persons(Connection connection) throws SQLException {
    return rows(connection).stream().map(PersonRecords.Row::person).toList();
  }

  /** The people of {@code unit} who have not completed, by name. */
  public static List<Person> pending(Connection connection, String unit) throws SQLException {
    return select(connection, "SELECT " + COLUMNS + " FROM participation_record WHERE unit = ? AND completed_at IS NULL ORDER BY name, person", unit);
  }

  /** The completion times of {@code unit}'s people, oldest first. */
  public static List<Long> completions(Connection connection, String unit) throws SQLException {
    List<Long> times = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT completed_at FROM participation_record WHERE unit = ? AND completed_at IS NOT NULL ORDER BY completed_at")) {
      select.setString(1, unit);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          times.add(row.getLong(1));
        }
      }
    }
    return times;
  }

  /** Empties the participation data: every person and every headcount set by the organisers. */
  static void clear(Connection connection) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM participation_record");
      statement.executeUpdate("DELETE FROM unit_headcount");
    }
  }

  /** Sets each unit's headcount: an UPDATE of its row, an INSERT where there was none (SQL every store runs). */
  public static void saveHeadcounts(Connection connection, Map<String, Integer> headcounts, long now) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE unit_headcount SET headcount = ?, updated_at = ? WHERE unit = ?");
        PreparedStatement insert = connection.prepareStatement("INSERT INTO unit_headcount (headcount, updated_at, unit) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, Integer> entry : headcounts.entrySet()) {
        update.setInt(1, entry.getValue());
        update.setLong(2, now);
        update.setString(3, entry.getKey());
        if (update.executeUpdate() == 0) {
          insert.setInt(1, entry.getValue());
          insert.setLong(2, now);
          insert.setString(3, entry.getKey());
          insert.executeUpdate();
        }
      }
    }
  }

  /** The headcounts organisers set, by unit code. */
  public static Map<String, Integer> headcounts(Connection connection) throws SQLException {
    Map<String, Integer> headcounts = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT unit, headcount FROM unit_headcount");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        headcounts.put(row.getString(1), row.getInt(2));
      }
    }
    return headcounts;
  }

  private static List<Person> select(Connection connection, String sql, String unit) throws SQLException {
    List<Person> persons = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setFetchSize(1000);
      if (unit != null) {
        select.setString(1, unit);
      }
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          persons.add(new Person(row.getString(1), row.getString(2), row.getString(3), getLong(row, 4), getLong(row, 5),
              getInt(row, 6), row.getLong(7)));
        }
      }
    }
    return persons;
  }

  private static Integer getInt(ResultSet row, int column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }

  private static Long getLong(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }
}
