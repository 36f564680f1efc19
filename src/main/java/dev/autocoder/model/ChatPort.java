package dev.autocoder.model;

/**
 * The one way the engine talks to a chat model. Implementations are thread-safe.
 *
 * <p>Failures are {@link ModelException}s whose {@link ModelException.Kind} says whether trying
 * again could help.
 */
@FunctionalInterface
public interface ChatPort {

    ChatReply chat(ChatRequest request);
}
