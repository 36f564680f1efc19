package dev.autocoder.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One thing to build, described in plain words.
 *
 * @param name a stable name (a spec file's base name, or {@code prompt} for the inline task);
 *     names state files, log lines and report sections
 * @param description what to build
 * @param answers configured answers to clarifying questions, by keyword
 * @param contextFiles project-relative files the spec asks to show the model
 */
public record Task(String name, String description, Map<String, String> answers, List<String> contextFiles) {

    public Task {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        answers = Map.copyOf(answers);
        contextFiles = List.copyOf(contextFiles);
    }

    public Task(String name, String description) {
        this(name, description, Map.of(), List.of());
    }
}
