package dev.autocoder.core;

/** Where the core reports what it does; the plugin adapts it to Maven's log. Thread-safe. */
public interface RunLog {

    void info(String message);

    void warn(String message);

    void debug(String message);

    boolean isDebugEnabled();
}
