package com.arbalert.bot.spi;

/**
 * The one source of call ids: time-ordered 64-bit ids, unique across restarts and across
 * several bot instances sharing a database. Made in the process, so an I BET button can
 * carry the id before any row exists.
 */
public interface CallIds {
    long next();
}
