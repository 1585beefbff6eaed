package com.arbalert.bot.config;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** One line for --help and the README's configuration table. */
@Retention(RUNTIME)
@Target(METHOD)
public @interface ConfigDescription {
    String value();
}
