package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.jdbc.TuskDataSource;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;

/** Hibernate ORM 7 over tusk-jdbc: DDL, batching, identity and sequences, queries, locking. */
@TuskTest
class HibernateTest {

  /** A genre, stored by name. */
  public enum Genre {
    NOVEL,
    POETRY
  }

  /** An author: sequence-generated id, optimistic version, enum and array columns. */
  @Entity(name = "Author")
  @Table(name = "h_author")
  public static class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    String name;

    @Enumerated(EnumType.STRING)
    Genre genre;

    String[] nicknames;
    @Version int version;

    public Author() {}

    Author(String name, Genre genre, String... nicknames) {
      this.name = name;
      this.genre = genre;
      this.nicknames = nicknames;
    }
  }

  /** A book: identity id (generated keys through RETURNING), a foreign key to its author. */
  @Entity(name = "Book")
  @Table(name = "h_book")
  public static class Book {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String title;
    LocalDate published;
    @ManyToOne Author author;

    public Book() {}

    Book(String title, LocalDate published, Author author) {
      this.title = title;
      this.published = published;
      this.author = author;
    }
  }

  private static SessionFactory sessionFactory(TestSchema schema, String ddl) {
    TuskDataSource dataSource = JdbcTarget.dataSource(schema);
    Configuration configuration = new Configuration();
    configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
    return configuration
        .addAnnotatedClass(Author.class)
        .addAnnotatedClass(Book.class)
        .setProperty(AvailableSettings.DEFAULT_SCHEMA, schema.name())
        .setProperty(AvailableSettings.HBM2DDL_AUTO, ddl)
        .setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "20")
        .setProperty(AvailableSettings.ORDER_INSERTS, "true")
        .buildSessionFactory();
  }

  @Test
  void entitiesQueriesLockingAndSchemaValidation(TestSchema schema) {
    try (SessionFactory factory = sessionFactory(schema, "create-drop")) {
      long firstId =
          factory.fromTransaction(
              session -> {
                Author first = new Author("Woolf", Genre.NOVEL, "Ginia");
                session.persist(first);
                for (int i = 0; i < 30; i++) { // batched: executeBatch with sequence ids
                  session.persist(new Author("author " + i, Genre.POETRY));
                }
                session.persist(new Book("Orlando", LocalDate.of(1928, 10, 11), first));
                session.persist(new Book("The Waves", LocalDate.of(1931, 10, 8), first));
                return first.id;
              });

      factory.inTransaction(
          session -> {
            List<String> titles =
                session
                    .createSelectionQuery(
                        "select b.title from Book b join b.author a where a.name = :name"
                            + " order by b.published",
                        String.class)
                    .setParameter("name", "Woolf")
                    .getResultList();
            assertEquals(List.of("Orlando", "The Waves"), titles);

            CriteriaBuilder cb = session.getCriteriaBuilder();
            CriteriaQuery<Long> count = cb.createQuery(Long.class);
            Root<Author> author = count.from(Author.class);
            count.select(cb.count(author)).where(cb.equal(author.get("genre"), Genre.POETRY));
            assertEquals(30L, session.createQuery(count).getSingleResult());

            Author woolf = session.find(Author.class, firstId);
            assertArrayEquals(new String[] {"Ginia"}, woolf.nicknames);
            assertNotNull(
                session.createSelectionQuery("from Book", Book.class).getResultList().get(0).id);
          });

      // Two sessions edit the same version: the second update matches no row and must fail.
      Author stale = factory.fromSession(session -> session.find(Author.class, firstId));
      factory.inTransaction(session -> session.find(Author.class, firstId).name = "Virginia Woolf");
      assertThrows(
          OptimisticLockException.class,
          () ->
              factory.inTransaction(
                  session -> {
                    stale.name = "V. Woolf";
                    session.merge(stale);
                  }));

      // Schema validation reads the tables back through DatabaseMetaData.
      sessionFactory(schema, "validate").close();
    }
  }
}
