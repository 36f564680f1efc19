package dev.autocoder.verify;

/** One check a candidate must pass. Implementations are thread-safe. */
@FunctionalInterface
public interface Verifier {

    Verdict verify(Candidate candidate);
}
