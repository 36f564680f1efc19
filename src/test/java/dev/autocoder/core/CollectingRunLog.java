package dev.autocoder.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A run log that keeps every line, debug included, so a test can assert on what a run said. */
final class CollectingRunLog implements RunLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final boolean echo;

    /** @param echo also print each line, for a child process whose output the test keeps */
    CollectingRunLog(boolean echo) {
        this.echo = echo;
    }

    CollectingRunLog() {
        this(false);
    }

    @Override
    public void info(String message) {
        add("[INFO] " + message);
    }

    @Override
    public void warn(String message) {
        add("[WARNING] " + message);
    }

    @Override
    public void debug(String message) {
        add("[DEBUG] " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether any line contains the text. */
    boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    String text() {
        return String.join("\n", lines);
    }

    private void add(String line) {
        lines.add(line);
        if (echo) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
