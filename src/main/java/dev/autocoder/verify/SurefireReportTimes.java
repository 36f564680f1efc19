package dev.autocoder.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * How long surefire's tests took, by its own reports: the sum of the {@code time} of every
 * {@code TEST-*.xml} report's {@code testsuite}. That is the tests' time inside the test JVM, without
 * the JVM's start.
 */
public final class SurefireReportTimes {

    private SurefireReportTimes() {
    }

    /**
     * The tests' time in a reports folder ({@code target/surefire-reports}), or empty when it holds
     * no report that can be read.
     */
    public static OptionalLong millis(Path reports) {
        Map<String, Double> byClass = byClass(reports);
        if (byClass.isEmpty()) {
            return OptionalLong.empty();
        }
        double seconds = byClass.values().stream().mapToDouble(Double::doubleValue).sum();
        return OptionalLong.of(Math.round(seconds * 1000));
    }

    /**
     * Each test class's time in seconds in a reports folder, by the {@code name} of its report's
     * {@code testsuite} ({@code com.acme.MoneyTest}); empty when the folder holds no report that can
     * be read. A report cut short (a build stopped while writing it) is left out.
     */
    public static Map<String, Double> byClass(Path reports) {
        if (!Files.isDirectory(reports)) {
            return Map.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(reports)) {
            files = listing.filter(file -> file.getFileName().toString().startsWith("TEST-")
                    && file.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, Double> byClass = new TreeMap<>();
        for (Path file : files) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
                // Quiet: a report cut short is skipped below, not printed on the build's console.
                builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
                Element suite = builder.parse(file.toFile()).getDocumentElement();
                String time = suite.getAttribute("time").replace(",", "").strip();
                if (suite.getTagName().equals("testsuite") && !time.isEmpty()) {
                    byClass.merge(suite.getAttribute("name"), Double.parseDouble(time.toLowerCase(Locale.ROOT)),
                            Double::sum);
                }
            } catch (Exception e) {
                // A report cut short tells nothing; the others still count.
            }
        }
        return byClass;
    }
}
