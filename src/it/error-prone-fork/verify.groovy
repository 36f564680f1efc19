// Issue 23: a JPMS library with Error Prone, javac forked with its exports as -J options, so only the sub-build can run Error Prone; the checks are in
// src/it/shared/error-prone.groovy.
def errorProne = evaluate(new File('src/it/shared/error-prone.groovy'))
errorProne(basedir, false)

// Checks passed: the kept sub-builds go, so that the suite leaves nothing in the temporary folder.
dev.autocoder.testing.ItSupport.removeSubBuilds(basedir)
true
