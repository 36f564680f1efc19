package dev.autocoder.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A SHA-256 digest over named inputs (spec text, model, prompts, files); the per-input digests say
 * which input changed. A task has two: what reached the model, and what its code is verified against.
 *
 * @param value the hex digest over all inputs, independent of the order they were added in
 * @param inputs each input's name and hex digest
 */
public record Fingerprint(String value, SortedMap<String, String> inputs) {

    public Fingerprint {
        Objects.requireNonNull(value, "value");
        inputs = Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The fingerprint of inputs whose digests are known, for example read back from a lock file. */
    public static Fingerprint of(Map<String, String> digests) {
        SortedMap<String, String> sorted = new TreeMap<>(digests);
        StringBuilder all = new StringBuilder();
        sorted.forEach((name, digest) -> all.append(name).append('\0').append(digest).append('\n'));
        return new Fingerprint(hex(all.toString().getBytes(StandardCharsets.UTF_8)), sorted);
    }

    /** The fingerprint of only those inputs whose names pass the filter. */
    public Fingerprint select(Predicate<String> names) {
        SortedMap<String, String> selected = new TreeMap<>();
        inputs.forEach((name, digest) -> {
            if (names.test(name)) {
                selected.put(name, digest);
            }
        });
        return of(selected);
    }

    /**
     * What differs between two sets of inputs, one line per input, for example
     * {@code spec money-utils changed}; empty when they are the same.
     */
    public static List<String> describeChanges(Map<String, String> before,
            Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String old = before.get(name);
            String now = after.get(name);
            if (old == null) {
                changes.add(name + " added");
            } else if (now == null) {
                changes.add(name + " removed");
            } else if (!old.equals(now)) {
                changes.add(name + " changed");
            }
        }
        return changes;
    }

    /** {@link #describeChanges(Map, Map)} from an earlier fingerprint to this one. */
    public List<String> changesSince(Fingerprint earlier) {
        return describeChanges(earlier.inputs, inputs);
    }

    /**
     * The hex digest of a file's content, CRLF read as LF, as {@link Builder#putFile} takes it: what a
     * file that is named by path in some input stands for, wherever the checkout lives.
     */
    public static String digestOf(Path file) {
        return hex(Builder.read(file));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /** Collects inputs by name; a name may be given once. */
    public static final class Builder {

        private final SortedMap<String, String> inputs = new TreeMap<>();

        private Builder() {
        }

        public Builder put(String name, String text) {
            return putDigest(name, hex(text.getBytes(StandardCharsets.UTF_8)));
        }

        /** Adds a file's content; a missing file counts as an input of its own kind. */
        public Builder putFile(String name, Path file) {
            if (!Files.isRegularFile(file)) {
                return putDigest(name, "missing");
            }
            return putDigest(name, hex(read(file)));
        }

        /**
         * Adds every regular file below a folder as {@code label:relative/path}, with '/' between
         * the parts, so the result is the same wherever the folder lives. A missing folder adds
         * nothing.
         */
        public Builder putFiles(String label, Path root) {
            if (!Files.isDirectory(root)) {
                return this;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).forEach(file -> putDigest(label + ":"
                        + relativeName(root, file), hex(read(file))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the files below " + root, e);
            }
            return this;
        }

        public Fingerprint build() {
            return of(inputs);
        }

        private Builder putDigest(String name, String digest) {
            Objects.requireNonNull(name, "name");
            if (inputs.putIfAbsent(name, digest) != null) {
                throw new IllegalArgumentException("fingerprint input " + name + " given twice");
            }
            return this;
        }

        private static String relativeName(Path root, Path file) {
            List<String> parts = new ArrayList<>();
            root.relativize(file).forEach(part -> parts.add(part.toString()));
            return String.join("/", parts);
        }

        /**
         * A file's bytes with CRLF line ends read as LF: line ends are a checkout setting (git's
         * core.autocrlf), so a Windows clone and a Linux CI machine must see the same input.
         */
        private static byte[] read(Path file) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                ByteArrayOutputStream normalised = new ByteArrayOutputStream(bytes.length);
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] != '\r' || i + 1 == bytes.length || bytes[i + 1] != '\n') {
                        normalised.write(bytes[i]);
                    }
                }
                return normalised.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " for the fingerprint", e);
            }
        }
    }
}
