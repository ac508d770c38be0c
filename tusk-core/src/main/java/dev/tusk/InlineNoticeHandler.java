package dev.tusk;

import dev.tusk.errors.Diagnostic;
import java.util.function.Consumer;

/**
 * A notice handler that {@link Connection#addNoticeHandler} runs on the thread reading the
 * connection, at the moment the notice is read: before the result of the statement that raised it
 * reaches that statement's caller. Other handlers run later, on the connection's I/O thread. This
 * lets a handler tell which running statement a notice belongs to (tusk-jdbc's {@code getWarnings}
 * does). It must return at once: never block, never use the connection; an exception it throws is
 * logged to {@code dev.tusk.notice} and dropped.
 */
@FunctionalInterface
public interface InlineNoticeHandler extends Consumer<Diagnostic> {}
