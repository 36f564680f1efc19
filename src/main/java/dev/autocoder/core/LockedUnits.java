package dev.autocoder.core;

import dev.autocoder.state.LockFile;
import dev.autocoder.verify.CodeUnit;
import java.util.ArrayList;
import java.util.List;

/** Turns a lock file entry's files back into code units, the form the rest of the run uses. */
final class LockedUnits {

    private LockedUnits() {
    }

    static List<CodeUnit> of(LockFile.Entry entry) {
        List<CodeUnit> units = new ArrayList<>();
        for (LockFile.LockedFile file : entry.files()) {
            String path = file.path();
            if (!path.endsWith(".java")) {
                throw new ConfigurationException("lockFile", "lock file entry " + entry.task() + " lists " + path
                        + ", which is not a Java file; delete the entry and run again");
            }
            int slash = path.lastIndexOf('/');
            String packageName = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
            String typeName = path.substring(slash + 1, path.length() - ".java".length());
            try {
                units.add(new CodeUnit(packageName, typeName, file.content(), file.root() == LockFile.Root.TEST));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("lockFile", "lock file entry " + entry.task() + " lists " + path
                        + ", which is outside the output folder or not a Java path (" + e.getMessage()
                        + "); delete the entry and run again", e);
            }
        }
        return units;
    }
}
