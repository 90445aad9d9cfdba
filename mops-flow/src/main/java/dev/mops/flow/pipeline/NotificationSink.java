package dev.mops.flow.pipeline;

/**
 * Receives the notifications a {@link Pipeline} makes: a file writer, a queue producer, a CRM
 * task creator written by the caller.
 *
 * <p>Thread safety: {@link Pipeline#run} calls it from one thread at a time; {@link
 * Pipeline#process} calls it from whatever threads call {@code process}, so a sink shared by
 * several threads must be thread-safe. A sink that throws fails the record's notify stage (a dead
 * letter with code {@code NOTIFY_FAILED}).
 */
@FunctionalInterface
public interface NotificationSink {

  /** Does nothing with notifications. */
  NotificationSink NONE = n -> {};

  /** Takes one notification. */
  void accept(Notification notification) throws Exception;
}
