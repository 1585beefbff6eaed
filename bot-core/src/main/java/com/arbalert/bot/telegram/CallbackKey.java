package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key that signs inline-button data. It is CALLBACK_SECRET when set; otherwise a random
 * key generated once and kept in {@value #FILE_NAME} under DATA_DIR (owner-only permissions), so
 * buttons sent before a restart still verify after it. Never printed.
 */
public final class CallbackKey {
    public static final String FILE_NAME = "callback-secret";
    private static final Logger log = LoggerFactory.getLogger(CallbackKey.class);
    private static final int GENERATED_BYTES = 32;
    private static final int MIN_SECRET_CHARS = 16;

    private final byte[] bytes;

    private CallbackKey(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** @throws IllegalArgumentException when the secret is shorter than 16 characters */
    public static CallbackKey ofSecret(String secret) {
        requireNonNull(secret, "secret");
        if (secret.strip().length() < MIN_SECRET_CHARS) {
            throw new IllegalArgumentException("CALLBACK_SECRET must be at least " + MIN_SECRET_CHARS + " characters long");
        }
        return new CallbackKey(secret.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The configured secret when not blank, else the key kept under {@code dataDir} (made on first use). */
    public static CallbackKey load(String configuredSecret, Path dataDir) {
        if (configuredSecret != null && !configuredSecret.isBlank()) {
            return ofSecret(configuredSecret);
        }
        return fromFile(dataDir.resolve(FILE_NAME));
    }

    static CallbackKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getUrlDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < MIN_SECRET_CHARS) {
                throw new IllegalStateException("the callback key in " + file + " is too short; delete it to make a new one");
            }
            return new CallbackKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the callback key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] text = Base64.getUrlEncoder().withoutPadding().encode(key);
        try {
            // created with owner-only permissions from the start, never readable by others even briefly
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return; // another instance sharing DATA_DIR made it first: use theirs
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, text);
        log.info("Generated a new callback signing key in {} (set CALLBACK_SECRET to share one between hosts)", file);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "CallbackKey[redacted]";
    }
}
