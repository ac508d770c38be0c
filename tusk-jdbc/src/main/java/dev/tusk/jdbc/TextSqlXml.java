package dev.tusk.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Result;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.xml.sax.InputSource;

/**
 * An {@link SQLXML} over the text of an {@code xml} value: read from a result, or written through
 * one of the setters (or a {@code StreamResult} or {@code DOMResult}) of one made by {@code
 * Connection.createSQLXML()} and then bound as {@code xml}. Parsing for a {@code DOMSource} refuses
 * document types, so an entity can never reach a file or the network.
 */
final class TextSqlXml implements SQLXML {

  private String text;
  private boolean freed;
  private StringWriter writer;
  private ByteArrayOutputStream bytes;
  private DOMResult dom;

  /** A value read from the server. */
  TextSqlXml(String text) {
    this.text = text;
  }

  /** An empty value, to be written. */
  TextSqlXml() {}

  private void checkLive() throws SQLException {
    if (freed) {
      throw LobPositions.freed("SQLXML");
    }
  }

  @Override
  public String getString() throws SQLException {
    checkLive();
    if (writer != null) {
      text = writer.toString();
    } else if (bytes != null) {
      text = bytes.toString(StandardCharsets.UTF_8);
    } else if (dom != null) {
      text = serialize(dom);
    }
    if (text == null) {
      throw new SQLException("the SQLXML value has not been written", "HY010");
    }
    return text;
  }

  @Override
  public InputStream getBinaryStream() throws SQLException {
    return new ByteArrayInputStream(getString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Reader getCharacterStream() throws SQLException {
    return new StringReader(getString());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends Source> T getSource(Class<T> sourceClass) throws SQLException {
    String value = getString();
    if (sourceClass == null || sourceClass == StreamSource.class) {
      return (T) new StreamSource(new StringReader(value));
    }
    if (sourceClass == SAXSource.class) {
      return (T) new SAXSource(new InputSource(new StringReader(value)));
    }
    if (sourceClass == DOMSource.class) {
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        return (T)
            new DOMSource(
                factory.newDocumentBuilder().parse(new InputSource(new StringReader(value))));
      } catch (Exception e) {
        throw new SQLException("the xml value does not parse: " + e.getMessage(), "2200M", e);
      }
    }
    throw new SQLFeatureNotSupportedException(
        sourceClass.getName() + ": read as StreamSource, SAXSource or DOMSource", "0A000");
  }

  @Override
  public void setString(String value) throws SQLException {
    startWriting();
    text = value;
  }

  @Override
  public OutputStream setBinaryStream() throws SQLException {
    startWriting();
    bytes = new ByteArrayOutputStream();
    return bytes;
  }

  @Override
  public Writer setCharacterStream() throws SQLException {
    startWriting();
    writer = new StringWriter();
    return writer;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends Result> T setResult(Class<T> resultClass) throws SQLException {
    if (resultClass == null || resultClass == StreamResult.class) {
      return (T) new StreamResult(setCharacterStream());
    }
    if (resultClass == DOMResult.class) {
      startWriting();
      dom = new DOMResult();
      return (T) dom;
    }
    throw new SQLFeatureNotSupportedException(
        resultClass.getName() + ": write through StreamResult or DOMResult", "0A000");
  }

  private void startWriting() throws SQLException {
    checkLive();
    text = null;
    writer = null;
    bytes = null;
    dom = null;
  }

  private static String serialize(DOMResult result) throws SQLException {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      StringWriter out = new StringWriter();
      var transformer = factory.newTransformer();
      transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.transform(new DOMSource(result.getNode()), new StreamResult(out));
      return out.toString();
    } catch (Exception e) {
      throw new SQLException("the DOM does not serialize: " + e.getMessage(), "2200M", e);
    }
  }

  @Override
  public void free() {
    freed = true;
    text = null;
    writer = null;
    bytes = null;
    dom = null;
  }
}
