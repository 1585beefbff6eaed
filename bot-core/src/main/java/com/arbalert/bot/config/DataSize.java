package com.arbalert.bot.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of bytes as written in configuration: {@code 1GiB}, {@code 512MiB}, {@code 64KiB}, {@code 4096} or {@code 4096B}. */
public record DataSize(long bytes) {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(B|KIB|MIB|GIB|TIB|KB|MB|GB|TB)?");

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a data size must not be negative");
        }
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    public static DataSize ofKibibytes(long kib) {
        return new DataSize(Math.multiplyExact(kib, 1024L));
    }

    public static DataSize ofMebibytes(long mib) {
        return new DataSize(Math.multiplyExact(mib, 1024L * 1024));
    }

    /** KB, MB, GB and TB are read as their binary cousins: nobody sizes a buffer in powers of ten. */
    public static DataSize parse(String text) {
        Matcher m = FORMAT.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("is not a data size; write it like 64KiB, 512MiB, 1GiB or a number of bytes");
        }
        long factor = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KIB", "KB" -> 1L << 10;
            case "MIB", "MB" -> 1L << 20;
            case "GIB", "GB" -> 1L << 30;
            case "TIB", "TB" -> 1L << 40;
            default -> 1L;
        };
        try {
            return new DataSize(Math.multiplyExact(Long.parseLong(m.group(1)), factor));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("is too large a data size");
        }
    }

    @Override
    public String toString() {
        String[] units = {"TiB", "GiB", "MiB", "KiB"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return bytes + "B";
    }
}
