package dev.tusk.internal.client;

import static dev.tusk.internal.engine.Scripted.description;
import static dev.tusk.internal.engine.Scripted.field;
import static dev.tusk.internal.engine.Scripted.textRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Column;
import dev.tusk.ExtraColumns;
import dev.tusk.RowFactories;
import dev.tusk.RowMaker;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.RowDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RowFactories#record}: rows as records or beans, matched to columns by name. */
class RecordMappingTest {

  record Person(int id, String name) {}

  record Event(long eventId, String createdAt) {}

  record MaybePerson(Integer id, String name) {}

  /** A bean as users write it: public, with setters. */
  public static class Account {
    private int id;
    private String fullName;

    public Account() {}

    public void setId(int id) {
      this.id = id;
    }

    public void setFullName(String fullName) {
      this.fullName = fullName;
    }
  }

  /** A bean with public fields instead of setters. */
  public static class Point {
    public int x;
    public String label;
  }

  /** A bean that cannot be made: no no-argument constructor. */
  public static class Coordinates {
    public Coordinates(int x) {}
  }

  /** A bean that is not public, as many application classes are. */
  static class Internal {
    int id;

    public void setId(int id) {
      this.id = id;
    }
  }

  private static final RowDescription ID_NAME =
      description(field("id", 23, 0), field("name", 25, 0));

  private static ResultColumns columns(RowDescription description) {
    return ResultColumns.of(description, TypeScope.builtins());
  }

  private static <T> T make(Class<T> type, RowDescription description, DataRow data) {
    ResultColumns columns = columns(description);
    RowMaker<T> maker = RowFactories.record(type).maker(columns.columns());
    return maker.make(new ResultRow(columns, data));
  }

  @Test
  void aRecordIsMadeThroughItsCanonicalConstructor() {
    assertEquals(new Person(7, "ann"), make(Person.class, ID_NAME, textRow("7", "ann")));
  }

  @Test
  void columnsMatchComponentsByNameInAnyOrder() {
    RowDescription nameFirst = description(field("name", 25, 0), field("id", 23, 0));
    assertEquals(new Person(7, "ann"), make(Person.class, nameFirst, textRow("ann", "7")));
  }

  @Test
  void snakeCaseColumnsMatchCamelCaseComponents() {
    RowDescription snake = description(field("event_id", 20, 0), field("created_at", 25, 0));
    assertEquals(new Event(9, "today"), make(Event.class, snake, textRow("9", "today")));
  }

  @Test
  void nullGoesIntoABoxedComponent() {
    assertEquals(
        new MaybePerson(null, null), make(MaybePerson.class, ID_NAME, textRow(null, null)));
  }

  @Test
  void nullIntoAPrimitiveComponentIsADataErrorNamingTheColumn() {
    DataError error =
        assertThrows(DataError.class, () -> make(Person.class, ID_NAME, textRow(null, "ann")));
    assertTrue(error.getMessage().startsWith("column \"id\" is NULL"), error.getMessage());
  }

  @Test
  void anExtraColumnIsAMismatchListingBothSides() {
    RowDescription extra =
        description(field("id", 23, 0), field("name", 25, 0), field("email", 25, 0));
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () -> RowFactories.record(Person.class).maker(columns(extra).columns()));
    assertTrue(error.getMessage().contains("[id, name, email]"), error.getMessage());
    assertTrue(error.getMessage().contains("components [id, name]"), error.getMessage());
    assertTrue(error.getMessage().contains(Person.class.getName()), error.getMessage());
  }

  @Test
  void ignoringExtraColumnsMapsByNameAndSkipsTheRest() {
    RowDescription extra =
        description(field("email", 25, 0), field("name", 25, 0), field("id", 23, 0));
    ResultColumns columns = columns(extra);
    RowMaker<Person> maker =
        RowFactories.record(Person.class, ExtraColumns.IGNORE).maker(columns.columns());
    assertEquals(
        new Person(7, "ann"), maker.make(new ResultRow(columns, textRow("a@b", "ann", "7"))));
    RowDescription beanExtra =
        description(field("id", 23, 0), field("full_name", 25, 0), field("nick_name", 25, 0));
    ResultColumns beanColumns = columns(beanExtra);
    Account account =
        RowFactories.record(Account.class, ExtraColumns.IGNORE)
            .maker(beanColumns.columns())
            .make(new ResultRow(beanColumns, textRow("3", "Ann Lee", "annie")));
    assertEquals("Ann Lee", account.fullName);
  }

  @Test
  void aMissingColumnIsAnErrorNamingTheComponentEvenWhenIgnoringExtras() {
    RowDescription renamed = description(field("id", 23, 0), field("title", 25, 0));
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () ->
                RowFactories.record(Person.class, ExtraColumns.IGNORE)
                    .maker(columns(renamed).columns()));
    assertTrue(error.getMessage().contains("no column for components [name]"), error.getMessage());
    assertTrue(!error.getMessage().contains("no component for"), error.getMessage());
  }

  @Test
  void aMissingColumnIsAMismatch() {
    RowDescription renamed = description(field("id", 23, 0), field("title", 25, 0));
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () -> RowFactories.record(Person.class).maker(columns(renamed).columns()));
    assertTrue(error.getMessage().contains("[id, title]"), error.getMessage());
  }

  @Test
  void aBeanIsFilledThroughItsSetters() {
    RowDescription snake = description(field("id", 23, 0), field("full_name", 25, 0));
    Account account = make(Account.class, snake, textRow("3", "Ann Lee"));
    assertEquals(3, account.id);
    assertEquals("Ann Lee", account.fullName);
  }

  @Test
  void aBeanIsFilledThroughItsPublicFields() {
    RowDescription xy = description(field("x", 23, 0), field("label", 25, 0));
    Point point = make(Point.class, xy, textRow("4", null));
    assertEquals(4, point.x);
    assertNull(point.label);
  }

  @Test
  void aColumnWithoutSetterOrFieldNamesBoth() {
    RowDescription unknown = description(field("id", 23, 0), field("nick_name", 25, 0));
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () -> RowFactories.record(Account.class).maker(columns(unknown).columns()));
    assertTrue(
        error
            .getMessage()
            .startsWith("column \"nick_name\" has no public setter setNickName or field nickName"),
        error.getMessage());
  }

  @Test
  void aClassWithoutANoArgumentConstructorIsRefused() {
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () -> RowFactories.record(Coordinates.class).maker(columns(ID_NAME).columns()));
    assertTrue(error.getMessage().contains("no-argument constructor"), error.getMessage());
  }

  @Test
  void aNullIntoAPrimitiveSetterIsADataError() {
    RowDescription snake = description(field("id", 23, 0), field("full_name", 25, 0));
    assertThrows(DataError.class, () -> make(Account.class, snake, textRow(null, "x")));
  }

  @Test
  void aNonPublicBeanIsFilledLikeANonPublicRecord() {
    Internal internal = make(Internal.class, description(field("id", 23, 0)), textRow("5"));
    assertEquals(5, internal.id);
  }

  /** A bean mapped by setters, for the empty-name case. */
  public static final class Named {
    public void setName(String name) {}
  }

  @Test
  void aColumnWithAnEmptyNameIsAProgrammingErrorNotACrash() {
    List<Column> columns = List.of(new Column("", 25, "text", -1, 0, 0));
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> RowFactories.record(Named.class).maker(columns));
    assertTrue(error.getMessage().contains("empty name"), error.getMessage());
  }
}
