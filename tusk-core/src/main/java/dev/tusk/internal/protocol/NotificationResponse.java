package dev.tusk.internal.protocol;

/**
 * A NOTIFY delivered to a channel this session listens on (NotificationResponse, type 'A').
 *
 * @param processId the process id of the notifying session
 * @param channel the channel name
 * @param payload the payload, empty if none was given
 */
public record NotificationResponse(int processId, String channel, String payload)
    implements BackendMessage {}
