package dev.tusk.internal.codec.catalog;

import dev.tusk.internal.codec.builtin.SessionTimeZone;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one connection has learned from its server's catalog about types the built-in codecs do not
 * cover, by OID and by name. Shared by every scope of the connection and safe for concurrent use:
 * two threads may look up the same type at once, which costs a second query and nothing else.
 * {@link #refresh()} forgets everything, and the generation it bumps tells scopes to rebuild the
 * codecs they made from it.
 */
public final class TypeCatalog {

  private final CatalogSource source;
  private final Map<Integer, TypeDescription> byOid = new ConcurrentHashMap<>();
  private final Map<String, Integer> oidByName = new ConcurrentHashMap<>();
  private final AtomicInteger generation = new AtomicInteger();

  /** A catalog that runs its queries through {@code source}. */
  public TypeCatalog(CatalogSource source) {
    this.source = source;
  }

  /** The description of the type with this OID, if learned. */
  public TypeDescription find(int oid) {
    return byOid.get(oid);
  }

  /** The OID the name {@code typeName} resolved to, if learned. */
  public Integer oidFor(String typeName) {
    return oidByName.get(typeName);
  }

  /** Bumped by every refresh. */
  public int generation() {
    return generation.get();
  }

  /**
   * Describes the types with these OIDs and these names, and every type they refer to, in one
   * query. Names that resolve to no type are simply not learned.
   *
   * @throws dev.tusk.errors.DatabaseError if the query fails (nothing is learned then)
   */
  public void learn(Collection<Integer> oids, Collection<String> names) {
    long[] wanted = oids.stream().mapToLong(oid -> oid & 0xFFFF_FFFFL).toArray();
    int before = generation();
    var rows = source.query(TypeDescriptionQuery.SQL, wanted, names.toArray(String[]::new));
    if (generation() != before) {
      // Refreshed while the query ran: its answer may predate the DDL the refresh was for.
      return;
    }
    for (var row : rows) {
      TypeDescriptionQuery.Described described = TypeDescriptionQuery.parse(row);
      byOid.put(described.type().oid(), described.type());
      for (String name : described.askedNames()) {
        oidByName.put(name, described.type().oid());
      }
    }
  }

  /** The session's TimeZone parsed, for the last name seen (a pair, so it reads consistently). */
  private record Zone(String name, ZoneId zone) {}

  private volatile Zone zone = new Zone(null, null);

  /**
   * The session's TimeZone as the server reports it now, or null for UTC or one Java does not know:
   * binary timestamptz values read as text are shown in it ({@link SessionTimeZone}).
   */
  public ZoneId sessionZone() {
    String name = source.sessionParameter("TimeZone");
    Zone known = zone;
    if (!Objects.equals(known.name(), name)) {
      known = new Zone(name, SessionTimeZone.parse(name));
      zone = known;
    }
    return known.zone();
  }

  /** Forgets every type and name learned so far. */
  public void refresh() {
    generation.incrementAndGet();
    byOid.clear();
    oidByName.clear();
  }
}
