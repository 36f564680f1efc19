package dev.autocoder.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of the project's source files, read again only when a file's size or modification
 * time changes: every round compiles the project's files and picks the tests to run from them, and
 * between rounds they rarely change. Safe for tasks that check candidates in parallel.
 */
final class SourceTexts {

    private final Map<Path, Read> texts = new ConcurrentHashMap<>();

    /** A file's text as UTF-8, from the cache while the file's size and modification time stay. */
    String text(Path file) {
        try {
            // The stamp is taken before the read: a file changing in between is read again next time.
            BasicFileAttributes stamp = Files.readAttributes(file, BasicFileAttributes.class);
            Read cached = texts.get(file);
            if (cached != null && cached.isOf(stamp)) {
                return cached.text();
            }
            Read read = new Read(stamp.size(), stamp.lastModifiedTime(), Files.readString(file, StandardCharsets.UTF_8));
            texts.put(file, read);
            return read.text();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A file's text with the size and modification time it was read at. */
    private record Read(long size, FileTime modified, String text) {
        boolean isOf(BasicFileAttributes stamp) {
            return size == stamp.size() && modified.equals(stamp.lastModifiedTime());
        }
    }
}
