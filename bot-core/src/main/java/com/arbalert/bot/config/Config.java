package com.arbalert.bot.config;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a setter of a typed config class with its key, written in environment form
 * ({@code TELEGRAM_BOT_TOKEN}); the same name is used in the properties file. Defaults live in
 * the fields; a setter that refuses a value throws IllegalArgumentException with the reason.
 */
@Retention(RUNTIME)
@Target(METHOD)
public @interface Config {
    String value();
}
