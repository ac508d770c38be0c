package dev.tusk;

/**
 * A notification from {@code NOTIFY} (or {@code pg_notify}) on a channel this connection listens
 * to.
 *
 * @param pid the process ID of the backend that sent it
 * @param channel the channel's name
 * @param payload the payload, empty if none was given
 */
public record Notification(int pid, String channel, String payload) {}
