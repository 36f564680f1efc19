package dev.autocoder.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import dev.autocoder.verify.CodeUnit;
import dev.autocoder.verify.Feedback;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a generator reply in the format {@link Prompts#GENERATOR_SYSTEM} defines: fenced
 * {@code java} blocks are code, a {@code questions} block asks, a {@code plan} block splits the
 * task. Anything else is {@link Reply.Unusable}; nothing here throws on a strange reply.
 */
public final class ReplyParser {

    /** Replies above this many characters are refused rather than compiled. */
    public static final int MAX_REPLY_CHARS = 200_000;

    private static final Pattern FENCE = Pattern.compile(
            "(?m)^[ \\t]*```[ \\t]*([\\w+#.-]*)[^\\n]*\\n(.*?)^[ \\t]*```[ \\t]*$", Pattern.DOTALL);
    private static final Pattern QUESTION = Pattern.compile("^\\s*(?:[-*]|\\d+[.)])?\\s*(?:\\[([^\\]]+)])?\\s*(.+)$");
    private static final Set<String> JAVA = Set.of("java", "");

    /** A fenced block: its info string (lower case) and body. */
    record Block(String info, String body) {
    }

    public Reply parse(String reply) {
        if (reply.length() > MAX_REPLY_CHARS) {
            return new Reply.Unusable("the reply has " + reply.length() + " characters, more than the "
                    + MAX_REPLY_CHARS + " accepted; answer with less, for example as a plan of parts");
        }
        List<Block> blocks = blocks(reply);
        for (Block block : blocks) {
            if (block.info().equals("questions")) {
                List<Reply.Question> questions = questions(block.body());
                if (!questions.isEmpty()) {
                    return new Reply.Questions(questions);
                }
            }
        }
        for (Block block : blocks) {
            if (block.info().equals("plan")) {
                List<Reply.Part> parts = planParts(block.body());
                if (!parts.isEmpty()) {
                    return new Reply.Plan(parts, readUnits(javaBlocks(blocks)).units());
                }
            }
        }
        List<Block> java = javaBlocks(blocks);
        if (java.isEmpty()) {
            List<String> others = blocks.stream().map(Block::info)
                    .filter(info -> !JAVA.contains(info) && !info.equals("plan") && !info.equals("questions"))
                    .distinct().toList();
            return new Reply.Unusable(others.isEmpty()
                    ? "the reply contains no fenced java code block"
                    : "the reply contains code in another language (" + String.join(", ", others)
                            + "), not Java");
        }
        return readUnits(java);
    }

    static List<Block> blocks(String reply) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = FENCE.matcher(reply);
        while (matcher.find()) {
            blocks.add(new Block(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2)));
        }
        return blocks;
    }

    private static List<Block> javaBlocks(List<Block> blocks) {
        return blocks.stream()
                .filter(block -> block.info().equals("java")
                        || block.info().isEmpty() && !JavaSource.topLevelTypes(
                                JavaSource.blankCommentsAndLiterals(block.body())).isEmpty())
                .toList();
    }

    private static Reply.Code readUnits(List<Block> java) {
        List<CodeUnit> units = new ArrayList<>();
        List<Feedback> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Block block : java) {
            String source = block.body().endsWith("\n") ? block.body() : block.body() + "\n";
            String blanked = JavaSource.blankCommentsAndLiterals(source);
            List<JavaSource.TypeDeclaration> types = JavaSource.topLevelTypes(blanked);
            if (types.isEmpty()) {
                problems.add(Feedback.blocking(Feedback.Stage.EXTRACT,
                        "a java block declares no class, interface, enum or record; send whole files"));
                continue;
            }
            String packageName = JavaSource.packageName(blanked);
            String typeName = types.stream().filter(JavaSource.TypeDeclaration::isPublic).findFirst()
                    .orElse(types.get(0)).name();
            String invalid = invalidName(packageName, typeName);
            if (invalid != null) {
                problems.add(Feedback.blocking(Feedback.Stage.EXTRACT, invalid));
                continue;
            }
            CodeUnit unit = new CodeUnit(packageName, typeName, source, isTest(typeName, blanked, source));
            if (!seen.add(unit.qualifiedName())) {
                problems.add(Feedback.blocking(Feedback.Stage.EXTRACT,
                        "two files declare " + unit.qualifiedName() + "; send each type once"));
                continue;
            }
            units.add(unit);
        }
        return new Reply.Code(units, problems);
    }

    /** A reason the names cannot form a safe file path below a source root, or null when they can. */
    static String invalidName(String packageName, String typeName) {
        Optional<String> problem = CodeUnit.problemWith(packageName, typeName);
        if (problem.isPresent()) {
            return problem.get();
        }
        if (packageName.startsWith("java.") || packageName.startsWith("javax.")) {
            return "package " + packageName + " belongs to the JDK; use the project's own package";
        }
        return null;
    }

    private static boolean isTest(String typeName, String blanked, String source) {
        boolean testName = typeName.endsWith("Test") || typeName.endsWith("Tests") || typeName.endsWith("IT");
        return testName && (source.contains("org.junit") || blanked.contains("@Test"));
    }

    private static List<Reply.Question> questions(String body) {
        List<Reply.Question> questions = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher matcher = QUESTION.matcher(line);
            if (matcher.matches()) {
                String keyword = matcher.group(1) == null ? "" : matcher.group(1).strip();
                questions.add(new Reply.Question(keyword, matcher.group(2).strip()));
            }
        }
        return questions;
    }

    private static List<Reply.Part> planParts(String body) {
        List<Reply.Part> parts = new ArrayList<>();
        try {
            JsonElement root = JsonParser.parseString(body);
            JsonArray array = root.isJsonArray() ? root.getAsJsonArray()
                    : root.isJsonObject() && root.getAsJsonObject().get("parts") instanceof JsonArray a ? a
                    : new JsonArray();
            Set<String> names = new HashSet<>();
            for (JsonElement element : array) {
                if (!element.isJsonObject()) {
                    continue;
                }
                JsonObject part = element.getAsJsonObject();
                String name = string(part, "name");
                String responsibility = string(part, "responsibility");
                if (name != null && !name.isBlank() && names.add(name)) {
                    parts.add(new Reply.Part(name.strip(), responsibility == null ? "" : responsibility));
                }
            }
        } catch (JsonParseException | IllegalStateException e) {
            return List.of();
        }
        return parts;
    }

    private static String string(JsonObject object, String member) {
        JsonElement element = object.get(member);
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }
}
