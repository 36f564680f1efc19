package dev.autocoder.engine;

import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import java.util.List;

/** What a generator reply turned out to be, once read. */
public sealed interface Reply {

    /** Code units, and any problems found while reading them (which block verification). */
    record Code(List<CodeUnit> units, List<Feedback> problems) implements Reply {
        public Code {
            units = List.copyOf(units);
            problems = List.copyOf(problems);
        }
    }

    /** Clarifying questions, each with the keyword the model tagged it with (may be empty). */
    record Questions(List<Question> questions) implements Reply {
        public Questions {
            questions = List.copyOf(questions);
        }
    }

    /** A split of the task into parts, with the code the parts share. */
    record Plan(List<Part> parts, List<CodeUnit> shared) implements Reply {
        public Plan {
            parts = List.copyOf(parts);
            shared = List.copyOf(shared);
        }
    }

    /** No usable answer: no code, or code in another language. */
    record Unusable(String reason) implements Reply {
    }

    /** One clarifying question. */
    record Question(String keyword, String text) {
    }

    /** One part of a plan. */
    record Part(String name, String responsibility) {
    }
}
