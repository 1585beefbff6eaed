package com.arbalert.bot.config;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The value of this key is masked wherever configuration is shown or logged. */
@Retention(RUNTIME)
@Target(METHOD)
public @interface ConfigSecret {
}
