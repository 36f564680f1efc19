package dev.autocoder.verify;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One Java compilation unit the model wrote: a top-level type, its package and its source.
 *
 * @param packageName the declared package, empty for the default package
 * @param typeName the simple name of the public (or first) top-level type, which names the file
 * @param source the complete file content
 * @param test whether the unit is a test, which goes to the generated test sources
 */
public record CodeUnit(String packageName, String typeName, String source, boolean test) {

    public CodeUnit {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(source, "source");
    }

    /** The fully qualified type name, {@code com.example.Money}. */
    public String qualifiedName() {
        return packageName.isEmpty() ? typeName : packageName + "." + typeName;
    }

    /** Where the file lives below a source root: {@code com/example/Money.java}. */
    public Path relativePath() {
        Path file = Path.of(typeName + ".java");
        return packageName.isEmpty() ? file : Path.of(packageName.replace('.', '/')).resolve(file);
    }
}
