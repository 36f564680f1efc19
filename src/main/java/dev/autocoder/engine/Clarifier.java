package dev.autocoder.engine;

import dev.autocoder.state.TaskState.Clarification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a model's clarifying questions: from the task's configured answers first, then from the
 * person at the terminal when there is one, else by telling the model to proceed on assumptions it
 * states in the code.
 */
public final class Clarifier {

    /** Asks a person; the Maven adapter implements it with Maven's prompter. */
    @FunctionalInterface
    public interface Prompter {
        /** The person's answer, or empty when they gave none. */
        Optional<String> ask(String task, String question);
    }

    static final String ASSUMPTION = "No answer is available: proceed on a reasonable assumption and"
            + " state it in a comment in the code.";

    private final Optional<Prompter> prompter;

    /** @param prompter the person to ask, empty in batch mode */
    public Clarifier(Optional<Prompter> prompter) {
        this.prompter = prompter;
    }

    List<Clarification> answer(Task task, List<Reply.Question> questions) {
        List<Clarification> answers = new ArrayList<>();
        for (Reply.Question question : questions) {
            answers.add(answer(task, question));
        }
        return answers;
    }

    private Clarification answer(Task task, Reply.Question question) {
        Optional<String> configured = configured(task.answers(), question);
        if (configured.isPresent()) {
            return new Clarification(question.text(), configured.get(), Clarification.Source.CONFIGURATION);
        }
        if (prompter.isPresent()) {
            Optional<String> typed = prompter.get().ask(task.name(), question.text())
                    .map(String::strip).filter(answer -> !answer.isEmpty());
            if (typed.isPresent()) {
                return new Clarification(question.text(), typed.get(), Clarification.Source.USER);
            }
        }
        return assumed(question);
    }

    /** The answer when none is to be had: proceed on a stated assumption. */
    static Clarification assumed(Reply.Question question) {
        return new Clarification(question.text(), ASSUMPTION, Clarification.Source.ASSUMPTION);
    }

    /** The answer whose key is the question's keyword, or else a key the question mentions. */
    static Optional<String> configured(Map<String, String> answers, Reply.Question question) {
        String keyword = normalise(question.keyword());
        String text = normalise(question.text());
        return answers.entrySet().stream()
                .filter(entry -> normalise(entry.getKey()).equals(keyword))
                .findFirst()
                .or(() -> answers.entrySet().stream()
                        .filter(entry -> !normalise(entry.getKey()).isEmpty()
                                && text.contains(normalise(entry.getKey())))
                        .sorted(Map.Entry.comparingByKey())
                        .findFirst())
                .map(Map.Entry::getValue);
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]+", " ").strip();
    }

    static List<String> lines(List<Clarification> clarifications) {
        return clarifications.stream().map(c -> "- " + c.question() + "\n  " + c.answer()).toList();
    }
}
