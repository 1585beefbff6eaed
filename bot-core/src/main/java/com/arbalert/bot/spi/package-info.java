/**
 * The bot's extension points. bot-core owns these interfaces and collects their
 * implementations with Guice Multibinder / MapBinder; a plugin contributes by binding,
 * never by reaching into the core. Nothing here depends on TelegramBots.
 */
package com.arbalert.bot.spi;
