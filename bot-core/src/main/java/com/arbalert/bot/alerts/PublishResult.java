package com.arbalert.bot.alerts;

/**
 * What publishing a call did. For a duplicate, {@code callId} is the first call's id and nobody
 * was sent anything.
 */
public record PublishResult(long callId, int recipients, boolean duplicate) {
}
