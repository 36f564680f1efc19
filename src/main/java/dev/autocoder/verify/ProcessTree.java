package dev.autocoder.verify;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Stops every process a sub-build left behind: Maven and its surefire forks, which outlive a
 * killed Maven as orphans, recognised by the work folder on their command line.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** Forcibly stops the processes that mention the folder; returns how many were running. */
    static int stopAllMentioning(Path workFolder) {
        String marker = workFolder.toAbsolutePath().toString();
        Set<ProcessHandle> targets = new LinkedHashSet<>();
        Stream.concat(ProcessHandle.current().descendants(), ProcessHandle.allProcesses())
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .forEach(targets::add);
        targets.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : targets) {
            process.onExit().completeOnTimeout(process, 5, java.util.concurrent.TimeUnit.SECONDS).join();
        }
        return targets.size();
    }

    /** Whether any process still mentions the folder, for tests and diagnostics. */
    static boolean anyMentioning(Path workFolder) {
        String marker = workFolder.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .anyMatch(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false));
    }
}
