/**
 * COPY's data formats: rows of Java values to and from text, CSV and binary COPY data, and the
 * options read from a COPY statement.
 *
 * <p>{@link dev.tusk.internal.copy.CopyOptions#parse} reads the statement's options in both
 * syntaxes: {@code WITH (FORMAT csv, HEADER true, DELIMITER ';', NULL 'x', DEFAULT 'd', QUOTE '"',
 * ESCAPE '\', ENCODING 'UTF8')} and the older {@code [WITH] [BINARY] [CSV [HEADER]] [DELIMITER [AS]
 * ';'] [NULL [AS] 'x'] [QUOTE [AS] 'q'] [ESCAPE [AS] 'e']}, with strings as {@code '...'}, {@code
 * E'...'} or dollar-quoted; {@code FREEZE}, {@code FORCE_QUOTE}, {@code FORCE_NOT_NULL}, {@code
 * FORCE_NULL}, {@code ON_ERROR}, {@code LOG_VERBOSITY} and {@code REJECT_LIMIT} are left to the
 * server; an {@code ENCODING} other than UTF-8 is refused, since the data is exchanged in the
 * client encoding. {@link dev.tusk.internal.copy.CopyFormats} makes a {@link
 * dev.tusk.internal.copy.CopyRowEncoder} (COPY FROM) or {@link
 * dev.tusk.internal.copy.CopyRowDecoder} (COPY TO) for the format the server announces, with
 * optional column types resolved by {@link dev.tusk.internal.copy.CopyTypes}.
 *
 * <ul>
 *   <li><b>Text</b>: the delimiter between fields, a newline after each row; backslash escapes as
 *       the server writes them ({@code \\}, {@code \b \f \n \r \t \v}, a backslash before the
 *       delimiter); NULL is the NULL marker ({@code \N}). A value whose escaped text would spell
 *       the NULL or DEFAULT marker starts with an octal escape instead, so it is not read as one;
 *       an empty string with {@code NULL ''} cannot be written and fails. Reading follows the
 *       server's rules, octal and hex escapes included.
 *   <li><b>CSV</b>: a field is quoted when it holds the delimiter, quote, CR or LF, equals the NULL
 *       or DEFAULT marker (so {@code ""} is an empty string and an unquoted empty field NULL) or
 *       starts with {@code \.}; inside quotes the quote and escape characters are escaped.
 *   <li><b>Binary</b>: the {@code PGCOPY\n\377\r\n\0} signature, flags and extension length; each
 *       row an int16 field count and per field an int32 length (-1 for NULL) and the codec's binary
 *       value; the int16 -1 trailer. Column types are required both ways.
 *   <li><b>Header</b>: with {@code HEADER}, the encoder writes a header line of the statement's
 *       column list (an empty line when it has none; the server skips the line unread), and with
 *       {@code HEADER MATCH} it needs that list; the decoder skips the server's header line.
 *   <li><b>Values</b>: with types, each value is converted to its column codec's Java type (exact
 *       number conversions, records, lists, primitive arrays, enums, JSON) and encoded by it;
 *       without (text and CSV only), by the codec of the type the driver would send the value's
 *       class as. A value that cannot be encoded is a {@link dev.tusk.errors.DataError} naming its
 *       column index and Java class; nothing of the failed row stays in the buffer.
 *   <li>Everything is UTF-8, the connection's client encoding. Time zones need no session setting:
 *       timestamptz text is written in UTC with its offset, which the server reads in any TimeZone,
 *       and read back with the offset the server wrote.
 * </ul>
 *
 * <p>May use: {@code internal.codec}, {@code types}, {@code internal.buffer}, {@code errors}.
 */
package dev.tusk.internal.copy;
