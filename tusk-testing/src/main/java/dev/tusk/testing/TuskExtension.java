package dev.tusk.testing;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real PostgreSQL ({@link PostgresServer}) and Tusk connections to it, each test
 * class in a schema of its own ({@link TestSchema}). Register it with {@link TuskTest} or
 * {@code @ExtendWith(TuskExtension.class)}.
 *
 * <p>Test methods, lifecycle methods and constructors may declare parameters of type:
 *
 * <ul>
 *   <li>{@link Connection}: a new connection as the superuser, {@code search_path} set to the
 *       class's schema; closed after the test method (or, for a constructor under {@code
 *       Lifecycle.PER_CLASS} or a {@code @BeforeAll} method, after the class);
 *   <li>{@link PostgresServer}: the server, for other roles, databases and versions;
 *   <li>{@link TestSchema}: the class's schema, for its name and conninfo strings.
 * </ul>
 *
 * <p>{@code @Nested} classes share their enclosing class's schema.
 */
public final class TuskExtension
    implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(TuskExtension.class);

  /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
  public TuskExtension() {}

  /** Connections one extension context handed out, to close when that context ends. */
  private record Opened(List<Connection> connections) {}

  /** Creates the class's schema. */
  @Override
  public void beforeAll(ExtensionContext context) {
    schema(context);
  }

  /** Closes the connections handed to the test method. */
  @Override
  public void afterEach(ExtensionContext context) {
    end(context);
  }

  /** Closes the class's own connections, then drops its schema. */
  @Override
  public void afterAll(ExtensionContext context) {
    end(context);
  }

  /**
   * Whether the parameter is a {@link Connection}, {@link PostgresServer} or {@link TestSchema}.
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Connection.class || type == PostgresServer.class || type == TestSchema.class;
  }

  /** The server, the class's schema, or a new connection in that schema. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == PostgresServer.class) {
      return PostgresServer.get();
    }
    if (type == TestSchema.class) {
      return schema(context);
    }
    Connection connection = Tusk.connect(schema(context).conninfo());
    opened(context).connections().add(connection);
    return connection;
  }

  /** Constructors get the test method's context, so their connections close after each test. */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  /**
   * The schema of the nearest class context with one, else a new one for this class. A class-level
   * constructor runs before {@link #beforeAll} under {@code PER_CLASS}, hence the creation here.
   */
  private static TestSchema schema(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            TestSchema.class,
            key -> PostgresServer.get().createSchema(context.getRequiredTestClass()),
            TestSchema.class);
  }

  /** Keyed by unique ID: a plain key would find a parent context's list through the hierarchy. */
  private static Opened opened(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            openedKey(context), key -> new Opened(new ArrayList<>()), Opened.class);
  }

  /**
   * Closes the connections this context handed out, then drops the schema made in this context. The
   * store's remove() sees only this context: a {@code @Nested} class or a test method leaves its
   * class's schema alone; a schema exists at method level only when the extension was registered on
   * a method.
   */
  private static void end(ExtensionContext context) {
    Opened opened = context.getStore(NAMESPACE).remove(openedKey(context), Opened.class);
    try {
      if (opened != null) {
        closeAll(opened.connections());
      }
    } finally {
      TestSchema schema = context.getStore(NAMESPACE).remove(TestSchema.class, TestSchema.class);
      if (schema != null) {
        PostgresServer.get().dropSchema(schema);
      }
    }
  }

  private static void closeAll(List<Connection> connections) {
    RuntimeException failure = null;
    for (Connection connection : connections) {
      try {
        connection.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static String openedKey(ExtensionContext context) {
    return "connections " + context.getUniqueId();
  }
}
