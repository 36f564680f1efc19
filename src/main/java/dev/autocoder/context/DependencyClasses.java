package dev.autocoder.context;

import dev.autocoder.project.Dependency;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds compiled classes in the consuming project's resolved dependencies (jars, or a reactor
 * module's output folder). Jars are opened once per context and closed with it.
 */
final class DependencyClasses implements AutoCloseable {

    /** A class found in a dependency. */
    record Found(String className, Dependency dependency, byte[] bytes) {
    }

    private final List<Dependency> dependencies;
    private final Map<Path, Optional<ZipFile>> openJars = new HashMap<>();

    DependencyClasses(List<Dependency> dependencies) {
        // a fixed search order, so two dependencies shipping one class resolve alike everywhere
        this.dependencies = dependencies.stream().sorted(Comparator.comparing(Dependency::coordinates)).toList();
    }

    /**
     * The class {@code className} ({@code org.example.Outer} or, for a nested class,
     * {@code org.example.Outer.Inner}) from the first dependency that has it.
     */
    Optional<Found> find(String className) {
        for (String entry : entryNames(className)) {
            for (Dependency dependency : dependencies) {
                byte[] bytes = read(dependency.file(), entry);
                if (bytes != null) {
                    return Optional.of(new Found(className, dependency, bytes));
                }
            }
        }
        return Optional.empty();
    }

    /** The qualified names of the top-level classes called {@code simpleName} in the direct dependencies. */
    List<String> namedInDirectDependencies(String simpleName) {
        TreeSet<String> names = new TreeSet<>();
        String suffix = "/" + simpleName + ".class";
        for (Dependency dependency : dependencies) {
            if (dependency.direct()) {
                jar(dependency.file()).stream()
                        .flatMap(ZipFile::stream)
                        .map(ZipEntry::getName)
                        .filter(name -> name.endsWith(suffix) && !name.startsWith("META-INF/"))
                        .forEach(name -> names.add(name.substring(0, name.length() - 6).replace('/', '.')));
            }
        }
        return new ArrayList<>(names);
    }

    // org.example.Outer.Inner may be the nested class Inner (Outer$Inner.class) or a class in a package.
    private static List<String> entryNames(String className) {
        List<String> names = new ArrayList<>();
        String path = className.replace('.', '/');
        names.add(path + ".class");
        for (int dot = path.lastIndexOf('/'); dot > 0; dot = path.lastIndexOf('/', dot - 1)) {
            if (Character.isUpperCase(path.charAt(path.lastIndexOf('/', dot - 1) + 1))) {
                names.add(path.substring(0, dot) + path.substring(dot).replace('/', '$') + ".class");
            }
        }
        return names;
    }

    private byte[] read(Path file, String entryName) {
        try {
            if (Files.isDirectory(file)) {
                Path classFile = file.resolve(entryName);
                return Files.isRegularFile(classFile) ? Files.readAllBytes(classFile) : null;
            }
            Optional<ZipFile> jar = jar(file);
            ZipEntry entry = jar.map(j -> j.getEntry(entryName)).orElse(null);
            if (entry == null) {
                return null;
            }
            try (InputStream in = jar.get().getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entryName + " from " + file, e);
        }
    }

    // A dependency of type pom, or a file that is not a zip, simply has no classes to show.
    private Optional<ZipFile> jar(Path file) {
        return openJars.computeIfAbsent(file, f -> {
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new ZipFile(f.toFile()));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void close() {
        for (ZipFile jar : openJars.values().stream().flatMap(Optional::stream).toList()) {
            try {
                jar.close();
            } catch (IOException e) {
                // nothing was written: a jar that will not close loses no data
            }
        }
        openJars.clear();
    }
}
