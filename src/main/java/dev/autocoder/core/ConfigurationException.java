package dev.autocoder.core;

/**
 * A configuration value that cannot work, found before any request is sent. It names the parameter
 * as the POM spells it, so the plugin can say {@code <maxDepth>} and {@code -Dautocoder.maxDepth}.
 */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public ConfigurationException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public ConfigurationException(String parameter, String message, Throwable cause) {
        super(message, cause);
        this.parameter = parameter;
    }

    /** The parameter at fault, for example {@code maxDepth}. */
    public String parameter() {
        return parameter;
    }
}
