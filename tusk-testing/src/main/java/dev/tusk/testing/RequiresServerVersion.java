package dev.tusk.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips the annotated test class or method when {@link PostgresServer#serverVersionNum()} is below
 * {@link #min()}, e.g. {@code @RequiresServerVersion(min = 150000)} for PostgreSQL 15 features.
 * Starts the server if it is not running yet.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ServerVersionCondition.class)
public @interface RequiresServerVersion {

  /** The lowest {@code server_version_num} the test runs on, e.g. 150000 for 15.0. */
  int min();
}
