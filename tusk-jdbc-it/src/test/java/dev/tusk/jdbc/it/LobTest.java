package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Statement;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Blob over bytea and large objects, Clob over text, SQLXML over xml, Struct over composites,
 * against the server.
 */
@TuskTest
class LobTest {

  private Connection connection;

  @BeforeEach
  void open(TestSchema schema) throws SQLException {
    connection = JdbcTarget.connect(schema);
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(
          "CREATE TABLE IF NOT EXISTS doc (id int PRIMARY KEY, body bytea, note text, x xml,"
              + " lo oid)");
      ddl.execute("TRUNCATE doc");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private ResultSet row(int id) throws SQLException {
    PreparedStatement select = connection.prepareStatement("SELECT * FROM doc WHERE id = ?");
    select.setInt(1, id);
    ResultSet rows = select.executeQuery();
    assertTrue(rows.next());
    return rows;
  }

  @Test
  void blobClobAndSqlXmlRoundTrip() throws Exception {
    Blob blob = connection.createBlob();
    blob.setBytes(1, new byte[] {1, 2, 3});
    Clob clob = connection.createClob();
    clob.setString(1, "naïve note");
    SQLXML xml = connection.createSQLXML();
    try (Writer writer = xml.setCharacterStream()) {
      writer.write("<doc><title>T</title></doc>");
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO doc (id, body, note, x) VALUES (1, ?, ?, ?)")) {
      insert.setBlob(1, blob);
      insert.setClob(2, clob);
      insert.setSQLXML(3, xml);
      assertEquals(1, insert.executeUpdate());
    }
    ResultSet rows = row(1);
    Blob body = rows.getBlob("body");
    assertEquals(3, body.length());
    assertArrayEquals(new byte[] {2, 3}, body.getBytes(2, 2));
    assertEquals("naïve", rows.getClob("note").getSubString(1, 5));
    assertEquals("naïve note", rows.getNClob("note").getSubString(1, 100));
    SQLXML read = rows.getSQLXML("x");
    Document document = (Document) read.getSource(DOMSource.class).getNode();
    assertEquals("title", document.getDocumentElement().getFirstChild().getNodeName());
    assertEquals(null, row(1).getBlob("lo"), "SQL NULL is a null Blob");

    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO doc (id, body, note) VALUES (2, ?, ?)")) {
      insert.setObject(1, body); // a Blob through setObject
      insert.setObject(2, rows.getClob("note"));
      insert.executeUpdate();
    }
    assertArrayEquals(new byte[] {1, 2, 3}, row(2).getBytes("body"));
    SQLDataException wrong = assertThrows(SQLDataException.class, () -> row(2).getBlob("note"));
    assertTrue(wrong.getMessage().contains("text"), wrong.getMessage());
  }

  @Test
  void blobOverALargeObject() throws Exception {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO doc (id, lo) VALUES (3, lo_from_bytea(0, 'large object body'))");
    }
    connection.commit();
    Blob blob = row(3).getBlob("lo");
    assertEquals(17, blob.length());
    assertEquals("object", new String(blob.getBytes(7, 6), StandardCharsets.US_ASCII));
    try (InputStream in = blob.getBinaryStream()) {
      assertEquals("large object body", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }
    blob.setBytes(1, "LARGE".getBytes(StandardCharsets.US_ASCII));
    assertEquals(7, blob.position("object".getBytes(StandardCharsets.US_ASCII), 1));
    blob.truncate(5);

    // Binding it binds its OID: another row names the same large object.
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO doc (id, lo) VALUES (4, ?)")) {
      insert.setBlob(1, blob);
      insert.executeUpdate();
    }
    connection.commit();
    assertEquals(
        "LARGE", new String(row(4).getBlob("lo").getBytes(1, 100), StandardCharsets.US_ASCII));
    connection.commit();

    connection.setAutoCommit(true);
    Blob outside = row(4).getBlob("lo");
    SQLException error = assertThrows(SQLException.class, outside::length);
    assertEquals("25P01", error.getSQLState(), "large objects need a transaction");
    assertTrue(connection.isValid(5));
    try (Statement cleanup = connection.createStatement()) {
      cleanup.execute("SELECT lo_unlink(lo) FROM doc WHERE id = 3");
    }
  }

  @Test
  void structsOfACompositeType() throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("DROP TABLE IF EXISTS shipment");
      ddl.execute("DROP TYPE IF EXISTS address");
      ddl.execute("CREATE TYPE address AS (street text, number int4)");
      ddl.execute("CREATE TABLE shipment (id int, destination address)");
    }
    java.sql.Struct struct = connection.createStruct("address", new Object[] {"Main St", 7});
    assertEquals("address", struct.getSQLTypeName());
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO shipment VALUES (1, ?)")) {
      insert.setObject(1, struct);
      insert.executeUpdate();
    }
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery("SELECT destination, (destination).number FROM shipment")) {
      assertTrue(rows.next());
      java.sql.Struct read = rows.getObject(1, java.sql.Struct.class);
      assertArrayEquals(new Object[] {"Main St", 7}, read.getAttributes());
      assertEquals(7, rows.getInt(2));
      SQLDataException notComposite =
          assertThrows(SQLDataException.class, () -> rows.getObject(2, java.sql.Struct.class));
      assertEquals("22000", notComposite.getSQLState());
    }
    assertEquals(
        "22023",
        assertThrows(
                SQLException.class, () -> connection.createStruct("address", new Object[] {"x"}))
            .getSQLState());
    assertEquals(
        "42809",
        assertThrows(SQLException.class, () -> connection.createStruct("int4", new Object[] {1}))
            .getSQLState());
  }

  @Test
  void clobOverALargeObject() throws Exception {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO doc (id, lo, note) VALUES"
              + " (5, lo_from_bytea(0, convert_to('naïve café', 'UTF8')), 'plain')");
    }
    ResultSet rows = row(5);
    Clob clob = rows.getClob("lo");
    assertEquals(10, clob.length(), "characters, not bytes");
    assertEquals("café", clob.getSubString(7, 4));
    assertEquals(7, clob.position("café", 1));
    try (java.io.Reader reader = clob.getCharacterStream()) {
      char[] read = new char[32];
      assertEquals("naïve café", new String(read, 0, reader.read(read)));
    }
    clob.setString(1, "NAÏVE");
    try (Writer writer = clob.setCharacterStream(11)) {
      writer.write("!");
    }
    assertEquals("NAÏVE café!", rows.getNClob("lo").getSubString(1, 100));
    assertEquals("plain", rows.getClob("note").getSubString(1, 5), "text stays in memory");
    clob.truncate(5);

    // Binding it binds its OID; reading the bytes shows UTF-8.
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO doc (id, lo) VALUES (6, ?)")) {
      insert.setClob(1, clob);
      insert.executeUpdate();
    }
    ResultSet copy = row(6);
    assertEquals(rows.getLong("lo"), copy.getLong("lo"));
    assertArrayEquals(
        "NAÏVE".getBytes(StandardCharsets.UTF_8), copy.getBlob("lo").getBytes(1, 100));
    try (Statement cleanup = connection.createStatement()) {
      cleanup.execute("SELECT lo_unlink(lo) FROM doc WHERE id = 5");
    }
    connection.commit();
  }

  @Test
  void rowIdAndRefNameWhatPostgresLacks() throws SQLException {
    try (Statement insert = connection.createStatement()) {
      insert.executeUpdate("INSERT INTO doc (id) VALUES (7)");
    }
    ResultSet rows = row(7);
    java.sql.SQLFeatureNotSupportedException rowId =
        assertThrows(java.sql.SQLFeatureNotSupportedException.class, () -> rows.getRowId("id"));
    assertTrue(rowId.getMessage().contains("ctid"), rowId.getMessage());
    java.sql.SQLFeatureNotSupportedException ref =
        assertThrows(java.sql.SQLFeatureNotSupportedException.class, () -> rows.getRef("id"));
    assertTrue(ref.getMessage().contains("no REF type"), ref.getMessage());
    assertEquals(
        java.sql.RowIdLifetime.ROWID_UNSUPPORTED, connection.getMetaData().getRowIdLifetime());
  }

  /** An SQLData class for the {@code address} composite. */
  public static final class Address implements java.sql.SQLData {
    String street;
    int number;
    private String typeName;

    public Address() {}

    Address(String street, int number) {
      this.street = street;
      this.number = number;
      this.typeName = "address";
    }

    @Override
    public String getSQLTypeName() {
      return typeName;
    }

    @Override
    public void readSQL(java.sql.SQLInput in, String type) throws SQLException {
      typeName = type;
      street = in.readString();
      number = in.readInt();
    }

    @Override
    public void writeSQL(java.sql.SQLOutput out) throws SQLException {
      out.writeString(street);
      out.writeInt(number);
    }
  }

  /** An SQLData class for {@code parcel}, whose second attribute is an {@code address}. */
  public static final class Parcel implements java.sql.SQLData {
    double weight;
    Address to;

    @Override
    public String getSQLTypeName() {
      return "parcel";
    }

    @Override
    public void readSQL(java.sql.SQLInput in, String type) throws SQLException {
      weight = in.readDouble();
      to = in.readObject(Address.class);
    }

    @Override
    public void writeSQL(java.sql.SQLOutput out) throws SQLException {
      out.writeDouble(weight);
      out.writeObject(to);
    }
  }

  @Test
  void typeMapsReadAndWriteSqlData() throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("DROP TABLE IF EXISTS shipment");
      ddl.execute("DROP TYPE IF EXISTS parcel");
      ddl.execute("DROP TYPE IF EXISTS address");
      ddl.execute("CREATE TYPE address AS (street text, number int4)");
      ddl.execute("CREATE TYPE parcel AS (weight float8, dest address)");
      ddl.execute("CREATE TABLE shipment (id int, destination address, box parcel)");
    }
    Parcel parcel = new Parcel();
    parcel.weight = 2.5;
    parcel.to = new Address("Side St", 3);
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO shipment VALUES (1, ?, ?)")) {
      insert.setObject(1, new Address("Main St", 7));
      insert.setObject(2, parcel);
      insert.executeUpdate();
    }
    String select = "SELECT destination, box, (box).dest.street FROM shipment";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(select)) {
      assertTrue(rows.next());
      assertEquals("Side St", rows.getString(3), "the nested value was written as a record");
      java.util.Map<String, Class<?>> map = java.util.Map.of("ADDRESS", Address.class);
      Address read = (Address) rows.getObject(1, map);
      assertEquals("Main St", read.street);
      assertEquals(7, read.number);
      assertEquals("address", read.getSQLTypeName());
      assertTrue(rows.getObject(1) instanceof dev.tusk.types.PgRecord, "no map: Tusk's record");
      java.sql.Struct box = rows.getObject(2, java.sql.Struct.class);
      assertEquals(3, ((Address) box.getAttributes(map)[1]).number);
    }
    // The connection's type map applies to getObject(i), nested values included.
    connection.getTypeMap().put("address", Address.class);
    connection.setTypeMap(
        new java.util.HashMap<>(
            java.util.Map.of("address", Address.class, "public.parcel", Parcel.class)));
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(select)) {
      assertTrue(rows.next());
      assertEquals("Main St", ((Address) rows.getObject(1)).street);
      Parcel read = (Parcel) rows.getObject(2);
      assertEquals(2.5, read.weight);
      assertEquals("Side St", read.to.street);
    }
    connection.setTypeMap(java.util.Map.of("address", String.class));
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(select)) {
      assertTrue(rows.next());
      SQLException notSqlData = assertThrows(SQLException.class, () -> rows.getObject(1));
      assertTrue(notSqlData.getMessage().contains("SQLData"), notSqlData.getMessage());
    }
  }
}
