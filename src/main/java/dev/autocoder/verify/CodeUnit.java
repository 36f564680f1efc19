package dev.autocoder.verify;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.SourceVersion;

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
        Optional<String> problem = problemWith(packageName, typeName);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /**
     * Why these names cannot name a file below a source root, if they cannot: every unit's path is
     * derived from them, so this is what keeps all code inside the output folders.
     */
    public static Optional<String> problemWith(String packageName, String typeName) {
        if (!SourceVersion.isIdentifier(typeName) || SourceVersion.isKeyword(typeName)) {
            return Optional.of("`" + typeName + "` is not a valid Java type name");
        }
        if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
            return Optional.of("`" + packageName + "` is not a valid Java package name");
        }
        return Optional.empty();
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
