package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.jdbc.TuskDataSource;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Jdbi 3 and MyBatis over tusk-jdbc. */
@TuskTest
class JdbiMyBatisTest {

  record Note(int id, String body) {}

  /** A MyBatis mapper declared with annotations: no XML needed. */
  public interface NoteMapper {
    @org.apache.ibatis.annotations.Insert("INSERT INTO note (body) VALUES (#{body})")
    @org.apache.ibatis.annotations.Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(Map<String, Object> note);

    @org.apache.ibatis.annotations.Select("SELECT body FROM note WHERE id = #{id}")
    String body(int id);
  }

  @Test
  void jdbi(TestSchema schema) {
    Jdbi jdbi = Jdbi.create(JdbcTarget.dataSource(schema));
    jdbi.useHandle(
        handle -> {
          handle.execute(
              "DROP TABLE IF EXISTS note; CREATE TABLE note (id serial PRIMARY KEY, body text)");
          int id =
              handle
                  .createUpdate("INSERT INTO note (body) VALUES (:body)")
                  .bind("body", "from jdbi")
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Integer.class)
                  .one();
          handle.useTransaction(
              h ->
                  h.createUpdate("UPDATE note SET body = body || '!' WHERE id = :id")
                      .bind("id", id)
                      .execute());
          List<Note> notes =
              handle
                  .createQuery("SELECT id, body FROM note WHERE id = :id")
                  .bind("id", id)
                  .map((rs, ctx) -> new Note(rs.getInt("id"), rs.getString("body")))
                  .list();
          assertEquals(List.of(new Note(id, "from jdbi!")), notes);
        });
  }

  @Test
  void myBatis(TestSchema schema) {
    TuskDataSource dataSource = JdbcTarget.dataSource(schema);
    Configuration configuration =
        new Configuration(new Environment("test", new JdbcTransactionFactory(), dataSource));
    configuration.addMapper(NoteMapper.class);
    SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(configuration);
    Jdbi.create(dataSource)
        .useHandle(
            h ->
                h.execute(
                    "DROP TABLE IF EXISTS note; CREATE TABLE note (id serial PRIMARY KEY, body text)"));
    try (SqlSession session = factory.openSession()) {
      NoteMapper mapper = session.getMapper(NoteMapper.class);
      Map<String, Object> note = new java.util.HashMap<>(Map.of("body", "from mybatis"));
      assertEquals(1, mapper.insert(note));
      int id = ((Number) note.get("id")).intValue();
      session.commit();
      assertEquals("from mybatis", mapper.body(id));
    }
  }
}
