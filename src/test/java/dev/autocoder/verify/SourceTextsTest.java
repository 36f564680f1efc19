package dev.autocoder.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTextsTest {

    private static final FileTime STAMP = FileTime.from(Instant.parse("2026-01-01T10:00:00Z"));

    @TempDir
    Path dir;

    private final SourceTexts texts = new SourceTexts();

    @Test
    void aSourceInIso88591IsReadInsteadOfFailing() throws Exception {
        // As Apache Commons Text's EntityArrays.java: "é" as the one byte 0xE9, not valid UTF-8.
        Path file = dir.resolve("EntityArrays.java");
        Files.write(file, "class EntityArrays { String e = \"\u00e9\"; }".getBytes(StandardCharsets.ISO_8859_1));

        assertEquals("class EntityArrays { String e = \"\u00e9\"; }", texts.text(file));
    }

    @Test
    void aSourceIsReadInTheEncodingTheProjectDeclaresAsJavacReadsIt() throws Exception {
        // "€" is the one byte 0x80 in windows-1252, which ISO-8859-1 would read as a control character.
        Path euro = dir.resolve("Prices.java");
        Files.write(euro, "class Prices { String c = \"€\"; }".getBytes("windows-1252"));
        // Bytes that are valid UTF-8 ("é") but declared ISO-8859-1: javac reads two characters.
        Path latin = dir.resolve("Names.java");
        Files.write(latin, "class Names { String e = \"é\"; }".getBytes(StandardCharsets.UTF_8));

        SourceTexts windows = new SourceTexts(java.util.Optional.of(java.nio.charset.Charset.forName("windows-1252")));
        SourceTexts iso = new SourceTexts(java.util.Optional.of(StandardCharsets.ISO_8859_1));

        assertEquals("class Prices { String c = \"€\"; }", windows.text(euro));
        assertEquals("class Prices { String c = \"\"; }", texts.text(euro), "undeclared: ISO-8859-1 fallback");
        assertEquals("class Names { String e = \"Ã©\"; }", iso.text(latin));
        assertEquals("class Names { String e = \"é\"; }", texts.text(latin), "undeclared: UTF-8");
    }

    @Test
    void aSourceInUtf8IsReadAsUtf8() throws Exception {
        Path file = dir.resolve("Accents.java");
        Files.write(file, "class Accents { String e = \"\u00e9\u20ac\"; }".getBytes(StandardCharsets.UTF_8));

        assertEquals("class Accents { String e = \"\u00e9\u20ac\"; }", texts.text(file));
    }

    @Test
    void aFileWhoseSizeAndModificationTimeStayIsNotReadAgain() throws Exception {
        Path file = write("MoneyTest.java", "class MoneyTest { Money m; }", STAMP);
        assertEquals("class MoneyTest { Money m; }", texts.text(file));

        write("MoneyTest.java", "class MoneyTest { Other m; }", STAMP);

        assertEquals("class MoneyTest { Money m; }", texts.text(file), "the text read first, from the cache");
    }

    @Test
    void aFileThatGrewIsReadAgain() throws Exception {
        Path file = write("MoneyTest.java", "class MoneyTest { }", STAMP);
        texts.text(file);

        write("MoneyTest.java", "class MoneyTest { Money m; }", STAMP);

        assertEquals("class MoneyTest { Money m; }", texts.text(file));
    }

    @Test
    void aFileRewrittenToTheSameSizeAtAnotherTimeIsReadAgain() throws Exception {
        Path file = write("MoneyTest.java", "class MoneyTest { Money m; }", STAMP);
        texts.text(file);

        write("MoneyTest.java", "class MoneyTest { Other m; }", FileTime.from(STAMP.toInstant().plusSeconds(1)));

        assertEquals("class MoneyTest { Other m; }", texts.text(file));
    }

    @Test
    void parallelReadersOfManyFilesEachGetTheFilesText() throws Exception {
        List<Path> files = IntStream.range(0, 40).mapToObj(n -> write("T" + n + ".java", "class T" + n + " { }", STAMP))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> readers = IntStream.range(0, 8).<Callable<Boolean>>mapToObj(reader -> () -> files
                    .stream().allMatch(file -> texts.text(file).equals("class " + name(file) + " { }"))).toList();
            for (Future<Boolean> result : pool.invokeAll(readers)) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("Gone.java");

        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> texts.text(missing));

        assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
    }

    private Path write(String name, String text, FileTime modified) {
        try {
            Path file = Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, modified);
            return file;
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - ".java".length());
    }
}
