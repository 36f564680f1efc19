package dev.autocoder.context;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decides how class names read in a rendered class file: by simple name plus an import, as in
 * source, which keeps signatures short; fully qualified only where two classes share a simple name.
 */
final class ImportedNames {

    private final String ownPackage;
    private final Map<String, String> imported = new HashMap<>();

    ImportedNames(String ownPackage) {
        this.ownPackage = ownPackage;
    }

    /** How the class with this internal name ({@code java/util/Map$Entry}) reads. */
    String name(String internalName) {
        int slash = internalName.lastIndexOf('/');
        String packageName = slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
        String simple = internalName.substring(slash + 1).replace('$', '.');
        if (packageName.isEmpty() || packageName.equals("java.lang") || packageName.equals(ownPackage)) {
            return simple;
        }
        // a nested class is imported through its top-level class: Map.Entry needs java.util.Map
        int dot = simple.indexOf('.');
        String topLevel = dot < 0 ? simple : simple.substring(0, dot);
        String qualified = packageName + "." + topLevel;
        String earlier = imported.putIfAbsent(topLevel, qualified);
        return earlier == null || earlier.equals(qualified) ? simple : packageName + "." + simple;
    }

    /** The import lines the names given so far need, sorted. */
    String importLines() {
        StringBuilder out = new StringBuilder();
        new TreeSet<>(imported.values()).forEach(name -> out.append("import ").append(name).append(";\n"));
        return out.toString();
    }
}
