package dev.autocoder.maven;

import dev.autocoder.core.RunLog;
import org.apache.maven.plugin.logging.Log;

/** The core's log written to Maven's: {@code -q} silences info, {@code -X} shows debug. */
final class MavenRunLog implements RunLog {

    private final Log log;

    MavenRunLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }
}
