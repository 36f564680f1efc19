package dev.autocoder.maven;

/**
 * The {@code apiKey} parameter's value. It is not a plain String so that Maven's {@code -X} dump of
 * mojo parameters prints {@code ****} instead of the key: Maven calls {@link #set(String)} with the
 * configured text and logs {@link #toString()}.
 */
public final class ApiKeyParameter {

    private String value;

    /** Called by Maven's configurator with the configured text. */
    public void set(String configured) {
        this.value = configured;
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return value == null || value.isBlank() ? "" : "****";
    }
}
