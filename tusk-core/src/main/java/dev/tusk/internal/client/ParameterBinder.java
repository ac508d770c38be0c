package dev.tusk.internal.client;

import dev.tusk.errors.DataError;
import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.errors.UndefinedObject;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.codec.param.ParameterEncoder;
import dev.tusk.internal.engine.ExtendedQuery.Bindings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses how each parameter is sent (type OID and format, from the Java value) and encodes the
 * Bind values, all on the caller's thread before the request is queued. Every parameter set of one
 * statement must agree on the types, since the statement is parsed once.
 */
final class ParameterBinder {

  /** Parameter types for Parse and one Bindings per parameter set. */
  record Bound(int[] types, List<Bindings> sets) {}

  private final TypeScope types;

  ParameterBinder(TypeScope types) {
    this.types = types;
  }

  /** How every set of one statement is sent: an encoder, a type OID and a format per parameter. */
  record Plan(ParameterEncoder[] encoders, int[] types, short[] formats) {
    int count() {
      return encoders.length;
    }
  }

  Bound bind(int count, List<Object[]> sets) {
    return bind(count, sets, null);
  }

  /**
   * Binds the sets, reusing {@code last}'s plan (when not null) if there is one set whose values
   * are of the classes that plan was made for, through the same registry.
   */
  Bound bind(int count, List<Object[]> sets, LastPlan last) {
    Plan plan =
        last != null && sets.size() == 1 ? plan(count, sets.get(0), last) : plan(count, sets);
    return new Bound(plan.types(), encode(plan, sets, 0, Integer.MAX_VALUE));
  }

  /**
   * The plan last made for a statement's lone parameter set, kept with the statement: the next run
   * whose values are of the same classes, through the same registry, takes it as it is, rather than
   * looking each encoder up again and making the arrays anew. Only a plan whose every encoder its
   * value's class alone decides is kept. Shared by the threads running the statement: a race only
   * plans twice.
   */
  static final class LastPlan {
    private volatile ClassPlan kept;
  }

  /** A plan and what it holds for: the registry and each value's class (null for a NULL). */
  private record ClassPlan(CodecRegistry registry, Class<?>[] classes, Plan plan) {
    boolean fits(CodecRegistry current, Object[] values) {
      if (registry != current) {
        return false;
      }
      for (int i = 0; i < classes.length; i++) {
        Object value = values[i];
        if (value == null ? classes[i] != null : value.getClass() != classes[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private Plan plan(int count, Object[] values, LastPlan last) {
    CodecRegistry registry = types.registry();
    ClassPlan kept = last.kept;
    if (kept != null && kept.fits(registry, values)) {
      return kept.plan();
    }
    ParameterEncoder[] encoders = new ParameterEncoder[count];
    Class<?>[] classes = new Class<?>[count];
    boolean byClass = true;
    for (int i = 0; i < count; i++) {
      Object value = values[i];
      if (value != null) {
        classes[i] = value.getClass();
        encoders[i] = types.encoderForClass(classes[i]);
        if (encoders[i] == null) {
          byClass = false;
          encoders[i] = encoderFor(i, value);
        }
      }
    }
    Plan plan = plan(encoders);
    if (byClass) {
      last.kept = new ClassPlan(registry, classes, plan);
    }
    return plan;
  }

  /**
   * Chooses each parameter's encoder from the first set that gives it a value, and checks that
   * every other set's values are sent as the same types.
   */
  Plan plan(int count, List<Object[]> sets) {
    ParameterEncoder[] encoders = new ParameterEncoder[count];
    for (int i = 0; i < count; i++) {
      encoders[i] = encoderFor(i, firstNonNull(i, sets));
    }
    if (sets.size() > 1) {
      checkAgreement(encoders, sets);
    }
    return plan(encoders);
  }

  /** The plan of the chosen encoders: their type OIDs (0 for none) and Bind's format codes. */
  private static Plan plan(ParameterEncoder[] encoders) {
    int[] types = new int[encoders.length];
    for (int i = 0; i < encoders.length; i++) {
      types[i] = encoders[i] == null ? 0 : encoders[i].oid();
    }
    return new Plan(encoders, types, formats(encoders));
  }

  /**
   * Encodes the sets from {@code from} on, stopping after the set that brings the encoded values to
   * {@code maxBytes} or more (at least one set): one Bindings per set encoded.
   */
  List<Bindings> encode(Plan plan, List<Object[]> sets, int from, int maxBytes) {
    int count = plan.count();
    // Encoded here, on the caller's thread and before any lock: a slow or failing codec (a user's,
    // a JSON mapper) then holds up nobody else, and the Bind messages only copy finished bytes.
    int remaining = sets.size() - from;
    // Room for small values up front (a few bytes each, as most are); a chunk of many sets then
    // grows a few times at most.
    WriteBuffer encoded = new WriteBuffer((int) Math.min(maxBytes, 16L * count * remaining) + 32);
    int[] starts = new int[Math.min(remaining, 1024) * count + 1];
    int value = 0;
    int end = from;
    while (end < sets.size() && (end == from || encoded.size() < maxBytes)) {
      Object[] values = sets.get(end);
      if (value + count >= starts.length) {
        starts = Arrays.copyOf(starts, Math.max(starts.length * 2, value + count + 1));
      }
      for (int i = 0; i < count; i++) {
        starts[value++] = encoded.size();
        write(plan.encoders(), values, i, encoded, sets.size() == 1 ? -1 : end);
      }
      end++;
    }
    starts[value] = encoded.size();
    byte[] bytes = encoded.array();
    int[] offsets = starts;
    short[] formats = plan.formats();
    if (end - from == 1) {
      // One set, as nearly every execute binds: no list to grow.
      return List.of(bindings(formats, count, bytes, offsets, 0));
    }
    List<Bindings> bindings = new ArrayList<>(end - from);
    for (int set = 0; set < end - from; set++) {
      bindings.add(bindings(formats, count, bytes, offsets, set * count));
    }
    return bindings;
  }

  /** The Bindings of the set whose values start at {@code offsets[first]}. */
  private static Bindings bindings(
      short[] formats, int count, byte[] bytes, int[] offsets, int first) {
    return new Bindings(
        formats,
        count,
        (index, out) ->
            out.writeBytes(
                bytes,
                offsets[first + index],
                offsets[first + index + 1] - offsets[first + index]));
  }

  private static Object firstNonNull(int index, List<Object[]> sets) {
    // Indexed: a statement binds one set nearly always, and an iterator per parameter would cost
    // every execute an allocation.
    for (int set = 0; set < sets.size(); set++) {
      Object value = sets.get(set)[index];
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private ParameterEncoder encoderFor(int index, Object value) {
    if (value == null) {
      return null;
    }
    try {
      return types.encoderFor(value);
    } catch (UndefinedObject e) {
      throw new UndefinedObject(
          Diagnostic.client(
              UndefinedObject.SQLSTATE,
              "parameter $" + (index + 1) + ": " + e.diagnostic().messagePrimary()),
          e);
    } catch (DatabaseError e) {
      if (e.sqlState() != null) {
        // The catalog lookup of a type name failed on the server (in a failed transaction, say).
        throw e;
      }
      throw new ProgrammingError("parameter $" + (index + 1) + ": " + e.getMessage(), e);
    } catch (TuskException e) {
      throw new ProgrammingError("parameter $" + (index + 1) + ": " + e.getMessage(), e);
    }
  }

  private void checkAgreement(ParameterEncoder[] encoders, List<Object[]> sets) {
    // The class that chose each encoder: a value of that class needs no second lookup.
    Class<?>[] chosenBy = new Class<?>[encoders.length];
    for (int set = 0; set < sets.size(); set++) {
      Object[] values = sets.get(set);
      for (int i = 0; i < encoders.length; i++) {
        Object value = values[i];
        if (value == null || value.getClass() == chosenBy[i]) {
          continue;
        }
        ParameterEncoder encoder = encoderFor(i, value);
        if (encoder.oid() != encoders[i].oid() || encoder.format() != encoders[i].format()) {
          throw new ProgrammingError(
              "parameter $"
                  + (i + 1)
                  + " of set "
                  + (set + 1)
                  + " is a "
                  + value.getClass().getName()
                  + ", which is sent as another type than in the first set that gave it a value;"
                  + " all sets must use the same Java types");
        }
        if (chosenBy[i] == null) {
          chosenBy[i] = value.getClass();
        }
      }
    }
  }

  /**
   * Bind's format codes: none when all are text, one when all agree, else one per parameter. The
   * two common answers are shared arrays (Bind only reads them), so most statements allocate none.
   */
  private static short[] formats(ParameterEncoder[] encoders) {
    boolean allText = true;
    boolean allBinary = true;
    for (ParameterEncoder encoder : encoders) {
      short format = format(encoder);
      allText &= format == 0;
      allBinary &= format == 1;
    }
    if (allText) {
      return BindFormats.ALL_TEXT;
    }
    if (allBinary) {
      return BindFormats.ALL_BINARY;
    }
    short[] formats = new short[encoders.length];
    for (int i = 0; i < encoders.length; i++) {
      formats[i] = format(encoders[i]);
    }
    return formats;
  }

  /** A parameter's format code; a null (a parameter that is NULL in every set) is sent as text. */
  private static short format(ParameterEncoder encoder) {
    return (short) (encoder == null ? 0 : encoder.format());
  }

  /**
   * Writes one value; an error names the parameter and, when {@code set} is 0 or more (one of
   * several sets), the set. Also writes the elements of {@link ColumnArrays}.
   */
  static void write(
      ParameterEncoder[] encoders, Object[] values, int index, WriteBuffer out, int set) {
    Object value = values[index];
    if (value == null) {
      out.writeInt32(-1);
      return;
    }
    try {
      encoders[index].write(value, out);
    } catch (DataError e) {
      throw new DataError(where(index, set) + e.getMessage(), e);
    } catch (ProgrammingError e) {
      // e.g. array elements of mixed Java types, found only while writing them
      throw new ProgrammingError(where(index, set) + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new DataError(where(index, set) + e.getMessage(), e);
    } catch (TuskException e) {
      throw e;
    } catch (RuntimeException e) {
      // A user codec that failed, or a value a codec refused.
      throw new DataError(
          where(index, set)
              + "sending a "
              + value.getClass().getName()
              + " as type OID "
              + Integer.toUnsignedString(encoders[index].oid())
              + " failed: "
              + e,
          e);
    }
  }

  /** Names the parameter (and the set, when {@code set} is 0 or more) for an error message. */
  private static String where(int index, int set) {
    // Built only on failure: a message per value written would cost every bind an allocation.
    return "parameter $" + (index + 1) + (set < 0 ? "" : " of set " + (set + 1)) + ": ";
  }
}
