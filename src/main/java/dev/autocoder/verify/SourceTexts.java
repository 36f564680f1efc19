package dev.autocoder.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of the project's source files, read again only when a file's size or modification
 * time changes: every round compiles the project's files and picks the tests to run from them, and
 * between rounds they rarely change. Safe for tasks that check candidates in parallel.
 */
final class SourceTexts {

    private final Map<Path, Read> texts = new ConcurrentHashMap<>();
    private final Optional<Charset> encoding;

    /** Texts read as UTF-8, or as ISO-8859-1 when not valid UTF-8: for a project that declares no encoding. */
    SourceTexts() {
        this(Optional.empty());
    }

    /** @param encoding the encoding the project's compiler reads its sources in, if it declares one */
    SourceTexts(Optional<Charset> encoding) {
        this.encoding = encoding;
    }

    /**
     * A file's text, from the cache while the file's size and modification time stay. The text is read in
     * the encoding the project declares, as javac reads it in the project's build. Without one it is read
     * as UTF-8, and a file that is not valid UTF-8 as ISO-8859-1, which decodes every byte, so that a
     * project whose sources are in a single-byte encoding still compiles in process instead of failing
     * the round.
     */
    String text(Path file) {
        try {
            // The stamp is taken before the read: a file changing in between is read again next time.
            BasicFileAttributes stamp = Files.readAttributes(file, BasicFileAttributes.class);
            Read cached = texts.get(file);
            if (cached != null && cached.isOf(stamp)) {
                return cached.text();
            }
            byte[] bytes = Files.readAllBytes(file);
            Read read = new Read(stamp.size(), stamp.lastModifiedTime(),
                    encoding.map(charset -> new String(bytes, charset)).orElseGet(() -> decoded(bytes)));
            texts.put(file, read);
            return read.text();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The bytes as UTF-8 when they are valid UTF-8, else as ISO-8859-1. */
    static String decoded(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** A file's text with the size and modification time it was read at. */
    private record Read(long size, FileTime modified, String text) {
        boolean isOf(BasicFileAttributes stamp) {
            return size == stamp.size() && modified.equals(stamp.lastModifiedTime());
        }
    }
}
