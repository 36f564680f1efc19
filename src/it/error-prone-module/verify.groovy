// Issue 23: a JPMS library with Error Prone, its exports in .mvn/jvm.config, so Error Prone runs in the in-process compile too; the checks are in
// src/it/shared/error-prone.groovy.
def errorProne = evaluate(new File('src/it/shared/error-prone.groovy'))
errorProne(basedir, true)

// Checks passed: the kept sub-builds go, so that the suite leaves nothing in the temporary folder.
dev.autocoder.testing.ItSupport.removeSubBuilds(basedir)
true
