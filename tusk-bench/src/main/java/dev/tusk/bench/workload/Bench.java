package dev.tusk.bench.workload;

import dev.tusk.bench.Mode;
import dev.tusk.bench.data.WideRows;
import dev.tusk.bench.driver.Drivers;
import dev.tusk.bench.server.Admin;
import dev.tusk.bench.server.Endpoint;

/**
 * What every workload works with.
 *
 * @param mode quick or full
 * @param endpoint the server
 * @param drivers the driver adapters
 * @param rows the rows to load, {@code mode.bulkRows()} of them
 * @param admin an owner connection for untimed resets
 * @param tlsDrivers the driver adapters connecting over TLS (see {@link OverTls})
 */
public record Bench(
    Mode mode,
    Endpoint endpoint,
    Drivers drivers,
    WideRows rows,
    Admin admin,
    Drivers tlsDrivers) {}
