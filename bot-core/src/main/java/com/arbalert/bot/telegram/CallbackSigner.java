package com.arbalert.bot.telegram;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs inline-button data as {@code <payload>:<mac>}, the MAC being HMAC-SHA256 over the whole
 * payload (prefix included, so an I BET signature cannot be replayed as a questionnaire answer)
 * truncated to {@value #MAC_BYTES} bytes in base64url: 16 characters.
 */
public final class CallbackSigner {
    public static final int MAC_BYTES = 12;
    /** Telegram's limit for callback_data, in bytes. */
    public static final int MAX_DATA_BYTES = 64;
    private static final String ALGORITHM = "HmacSHA256";

    private final Supplier<CallbackKey> keySource;
    private volatile SecretKeySpec key;

    public CallbackSigner(CallbackKey key) {
        requireNonNull(key, "key");
        this.keySource = () -> key;
    }

    /** With a key that is loaded when the bot starts (it may be read from, or made in, DATA_DIR). */
    public CallbackSigner(Supplier<CallbackKey> keySource) {
        this.keySource = requireNonNull(keySource, "keySource");
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            k = new SecretKeySpec(keySource.get().bytes(), ALGORITHM);
            key = k;
        }
        return k;
    }

    /** @throws IllegalArgumentException when the signed data would not fit Telegram's 64 bytes */
    public String sign(String payload) {
        requireNonNull(payload, "payload");
        String data = payload + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("signed callback data is longer than " + MAX_DATA_BYTES + " bytes: " + payload);
        }
        return data;
    }

    /** The payload when {@code data} carries a valid signature; empty for forged or garbled data. */
    public Optional<String> verify(String data) {
        if (data == null || data.length() > MAX_DATA_BYTES) {
            return Optional.empty();
        }
        int colon = data.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String payload = data.substring(0, colon);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(data.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // constant-time comparison: the time taken must not tell a forger how many bytes were right
        return MessageDigest.isEqual(given, mac(payload)) ? Optional.of(payload) : Optional.empty();
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
