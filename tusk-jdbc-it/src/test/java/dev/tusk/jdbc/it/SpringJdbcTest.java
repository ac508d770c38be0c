package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.jdbc.TuskDataSource;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring JDBC over tusk-jdbc: templates, named parameters, transactions, SimpleJdbcInsert. */
@TuskTest
class SpringJdbcTest {

  private SingleConnectionDataSource dataSource;
  private JdbcTemplate jdbc;

  record Book(long id, String title, LocalDate published) {}

  @BeforeEach
  void setUp(TestSchema schema) throws Exception {
    TuskDataSource tusk = JdbcTarget.dataSource(schema);
    // One connection shared by every template call, closed by nothing: it is suppressed.
    dataSource = new SingleConnectionDataSource(tusk.getConnection(), true);
    jdbc = new JdbcTemplate(dataSource);
    jdbc.execute(
        "DROP TABLE IF EXISTS book; CREATE TABLE book (id bigserial PRIMARY KEY,"
            + " title text NOT NULL UNIQUE, published date, pages int)");
  }

  @org.junit.jupiter.api.AfterEach
  void tearDown() {
    dataSource.destroy();
  }

  @Test
  void jdbcTemplateQueriesAndUpdates() {
    assertEquals(
        1,
        jdbc.update(
            "INSERT INTO book (title, published) VALUES (?, ?)", "Dune", LocalDate.of(1965, 8, 1)));
    jdbc.batchUpdate(
        "INSERT INTO book (title, pages) VALUES (?, ?)",
        List.of(new Object[] {"Emma", 474}, new Object[] {"Ulysses", 730}));
    List<Book> books =
        jdbc.query(
            "SELECT id, title, published FROM book WHERE pages IS NULL OR pages > ? ORDER BY id",
            (rs, row) ->
                new Book(
                    rs.getLong("id"),
                    rs.getString("title"),
                    rs.getObject("published", LocalDate.class)),
            500);
    assertEquals(List.of("Dune", "Ulysses"), books.stream().map(Book::title).toList());
    assertEquals(LocalDate.of(1965, 8, 1), books.get(0).published());
    assertEquals(3, jdbc.queryForObject("SELECT count(*) FROM book", Integer.class));
    Map<String, Object> emma =
        jdbc.queryForMap("SELECT title, pages FROM book WHERE title = ?", "Emma");
    assertEquals(474, emma.get("pages"));
  }

  @Test
  void springTranslatesSqlStates() {
    jdbc.update("INSERT INTO book (title) VALUES ('Dune')");
    assertThrows(
        DuplicateKeyException.class, () -> jdbc.update("INSERT INTO book (title) VALUES ('Dune')"));
    assertThrows(
        DataIntegrityViolationException.class,
        () -> jdbc.update("INSERT INTO book (title) VALUES (?)", (Object) null));
  }

  @Test
  void namedParametersAndGeneratedKeys() {
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    named.update(
        "INSERT INTO book (title, pages) VALUES (:title, :pages)",
        new MapSqlParameterSource().addValue("title", "Emma").addValue("pages", 474),
        keys,
        new String[] {"id"});
    long id = keys.getKey().longValue();
    assertEquals(
        "Emma",
        named.queryForObject(
            "SELECT title FROM book WHERE id = :id AND pages IN (:pages)",
            Map.of("id", id, "pages", List.of(1, 474)),
            String.class));
  }

  @Test
  void transactionTemplateCommitsAndRollsBack() {
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    tx.executeWithoutResult(status -> jdbc.update("INSERT INTO book (title) VALUES ('kept')"));
    assertThrows(
        IllegalStateException.class,
        () ->
            tx.executeWithoutResult(
                status -> {
                  jdbc.update("INSERT INTO book (title) VALUES ('undone')");
                  throw new IllegalStateException("roll back");
                }));
    tx.executeWithoutResult(
        status -> {
          jdbc.update("INSERT INTO book (title) VALUES ('marked')");
          status.setRollbackOnly();
        });
    assertEquals(List.of("kept"), jdbc.queryForList("SELECT title FROM book", String.class));
    tx.setIsolationLevel(TransactionTemplate.ISOLATION_SERIALIZABLE);
    tx.setReadOnly(true);
    assertEquals(
        "serializable",
        tx.execute(status -> jdbc.queryForObject("SHOW transaction_isolation", String.class)));
  }

  @Test
  void simpleJdbcInsertReadsTheTableMetadata() {
    SimpleJdbcInsert insert =
        new SimpleJdbcInsert(jdbc).withTableName("book").usingGeneratedKeyColumns("id");
    Number id =
        insert.executeAndReturnKey(
            Map.of("title", "Middlemarch", "pages", 880, "published", LocalDate.of(1871, 12, 1)));
    assertTrue(id.longValue() > 0);
    assertEquals(
        880,
        jdbc.queryForObject("SELECT pages FROM book WHERE id = ?", Integer.class, id.longValue()));
  }
}
