package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The in-memory Blob, Clob and SQLXML: JDBC's 1-based positions, growth, truncation, free. */
class LobTest {

  @Test
  void blobReadsWritesAndSearchesFromPositionOne() throws Exception {
    ByteBlob blob = new ByteBlob("hello".getBytes(StandardCharsets.US_ASCII));
    assertEquals(5, blob.length());
    assertArrayEquals("ell".getBytes(StandardCharsets.US_ASCII), blob.getBytes(2, 3));
    assertArrayEquals("lo".getBytes(StandardCharsets.US_ASCII), blob.getBytes(4, 100));
    assertEquals(3, blob.position("ll".getBytes(StandardCharsets.US_ASCII), 1));
    assertEquals(-1, blob.position("ll".getBytes(StandardCharsets.US_ASCII), 4));
    blob.setBytes(6, " world".getBytes(StandardCharsets.US_ASCII));
    try (OutputStream out = blob.setBinaryStream(1)) {
      out.write('H');
    }
    assertEquals("Hello world", new String(blob.toBytes(), StandardCharsets.US_ASCII));
    blob.truncate(5);
    assertEquals(
        "Hello", new String(blob.getBinaryStream().readAllBytes(), StandardCharsets.US_ASCII));
    assertThrows(SQLException.class, () -> blob.getBytes(0, 1));
    assertThrows(SQLException.class, () -> blob.setBytes(7, new byte[1]));
    assertThrows(SQLException.class, () -> blob.getBinaryStream(4, 3));
    blob.free();
    assertThrows(SQLException.class, blob::length);
  }

  @Test
  void clobOverwritesAndExtends() throws Exception {
    TextClob clob = new TextClob("déjà vu");
    assertEquals(7, clob.length());
    assertEquals("jà", clob.getSubString(3, 2));
    assertEquals(6, clob.position("vu", 1));
    clob.setString(6, "vue!");
    assertEquals("déjà vue!", clob.getSubString(1, 100));
    try (Writer writer = clob.setCharacterStream(10)) {
      writer.write("?");
    }
    assertEquals("déjà vue!?", clob.getSubString(1, 100));
    clob.truncate(4);
    assertEquals("déjà", clob.getSubString(1, 4));
    assertThrows(SQLException.class, () -> clob.getSubString(6, 1));
  }

  @Test
  void sqlXmlWrittenAsDomReadsAsText() throws Exception {
    TextSqlXml written = new TextSqlXml();
    DOMResult result = written.setResult(DOMResult.class);
    Document document =
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    document.appendChild(document.createElement("order")).setTextContent("7");
    result.setNode(document);
    assertEquals("<order>7</order>", written.getString());

    DOMSource source = new TextSqlXml("<a><b>1</b></a>").getSource(DOMSource.class);
    assertEquals(
        "b", ((Document) source.getNode()).getDocumentElement().getFirstChild().getNodeName());
  }

  @Test
  void sqlXmlRefusesDocumentTypes() {
    TextSqlXml hostile =
        new TextSqlXml("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>");
    SQLException error = assertThrows(SQLException.class, () -> hostile.getSource(DOMSource.class));
    assertEquals("2200M", error.getSQLState());
    assertTrue(error.getMessage().contains("DOCTYPE"), error.getMessage());
  }

  @Test
  void anUnwrittenSqlXmlSaysSo() {
    assertEquals(
        "HY010", assertThrows(SQLException.class, new TextSqlXml()::getString).getSQLState());
  }
}
