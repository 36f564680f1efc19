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
import javax.lang.model.SourceVersion;

/**
 * Reads a generator reply in the format {@link Prompts#GENERATOR_SYSTEM} defines: fenced
 * {@code java} blocks are code, a {@code questions} block asks, a {@code plan} block splits the
 * task. Anything else is {@link Reply.Unusable}; nothing here throws on a strange reply.
 */
public final class ReplyParser {

    /** Replies above this many characters are refused rather than compiled. */
    public static final int MAX_REPLY_CHARS = 200_000;

    private static final Pattern FENCE = Pattern.compile(
            "(?m)^[ \\t]*```[ \\t]*([\\w+#.-]*)([^\\n]*)\\n(.*?)^[ \\t]*```[ \\t]*$", Pattern.DOTALL);
    /** How models label Java: {@code java}, {@code Java}, {@code jav}, {@code java17}, or the file's name. */
    private static final Pattern JAVA_LABEL = Pattern.compile("java\\d*|jav|[\\w$-]+\\.java");
    /** Labels that say nothing about the language; such a block counts as Java when it reads as Java. */
    private static final Set<String> NEUTRAL = Set.of("", "text", "txt", "plain", "plaintext", "code", "source");
    /** A file name a block is given: in its info string, a comment on its first line, or a line of its own above it. */
    private static final Pattern FILE_NAME = Pattern.compile("(?:^|[\\s\"'`*(:=])((?:[\\w.-]+/)*)([A-Za-z_$][\\w$]*)\\.java\\b");
    private static final Pattern FILE_COMMENT = Pattern.compile(
            "^\\s*(?://|/\\*+)\\s*(?:(?:file|filename|path)\\s*:\\s*)?[`*]*((?:[\\w.-]+/)*[\\w$]+\\.java)[`*]*\\s*(?:\\*/)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_LINE = Pattern.compile(
            "^[\\s#>*_`-]*(?:(?:file|filename|path)\\s*:\\s*)?[`*_]*((?:[\\w.-]+/)*[\\w$]+\\.java)[`*_:]*\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION = Pattern.compile("^\\s*(?:[-*]|\\d+[.)])?\\s*(?:\\[([^\\]]+)])?\\s*(.+)$");

    /**
     * A fenced block: its info string (lower case), its body, and the file name the reply gave it,
     * as written ({@code game/map/Wall.java}), or empty.
     */
    record Block(String info, String body, String fileName) {
        Block(String info, String body) {
            this(info, body, "");
        }
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
                    .filter(info -> !NEUTRAL.contains(info) && !info.equals("plan") && !info.equals("questions"))
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
        int previousEnd = 0;
        while (matcher.find()) {
            String info = matcher.group(1).toLowerCase(Locale.ROOT);
            String body = matcher.group(3);
            blocks.add(new Block(info, body, fileName(matcher.group(1) + matcher.group(2), body,
                    reply.substring(previousEnd, matcher.start()))));
            previousEnd = matcher.end();
        }
        return blocks;
    }

    /**
     * The file name the reply gives a block, if it gives one: in the info string
     * ({@code ```java title="Wall.java"}), as a comment that is the block's first line
     * ({@code // File: game/Wall.java}), or as the last prose line above it ({@code **Wall.java**}).
     */
    static String fileName(String infoLine, String body, String proseBefore) {
        Matcher info = FILE_NAME.matcher(" " + infoLine);
        if (info.find()) {
            return info.group(1) + info.group(2) + ".java";
        }
        String firstLine = body.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        Matcher comment = FILE_COMMENT.matcher(firstLine);
        if (comment.matches()) {
            return comment.group(1);
        }
        List<String> prose = proseBefore.lines().filter(line -> !line.isBlank()).toList();
        if (!prose.isEmpty()) {
            Matcher line = FILE_LINE.matcher(prose.get(prose.size() - 1));
            if (line.matches()) {
                return line.group(1);
            }
        }
        return "";
    }

    private static List<Block> javaBlocks(List<Block> blocks) {
        return blocks.stream().filter(ReplyParser::isJava).toList();
    }

    /** A block labelled as Java however a model spells it, or unlabelled and reading as a Java file. */
    static boolean isJava(Block block) {
        if (JAVA_LABEL.matcher(block.info()).matches()) {
            return true;
        }
        if (!NEUTRAL.contains(block.info())) {
            return false;
        }
        String blanked = JavaSource.blankCommentsAndLiterals(block.body());
        return !JavaSource.topLevelTypes(blanked).isEmpty()
                && (blanked.contains(";") || blanked.contains("package ") || blanked.contains("import "));
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
            Optional<String> misnamed = misnamed(block.fileName(), packageName, typeName, types);
            if (misnamed.isPresent()) {
                problems.add(Feedback.blocking(Feedback.Stage.EXTRACT, misnamed.get()));
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

    /**
     * What is wrong when the file name the reply gave a block disagrees with its code: a public
     * class named unlike its file, or a package line missing or unlike the file's folders.
     */
    static Optional<String> misnamed(String fileName, String packageName, String typeName,
            List<JavaSource.TypeDeclaration> types) {
        if (fileName.isEmpty()) {
            return Optional.empty();
        }
        String path = fileName.replace('\\', '/');
        int root = Math.max(path.lastIndexOf("src/main/java/"), path.lastIndexOf("src/test/java/"));
        path = root >= 0 ? path.substring(root + "src/main/java/".length()) : path;
        int slash = path.lastIndexOf('/');
        String fileType = path.substring(slash + 1, path.length() - ".java".length());
        String folders = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
        boolean publicType = types.stream().anyMatch(JavaSource.TypeDeclaration::isPublic);
        if (!fileType.equals(typeName) && types.stream().noneMatch(t -> t.name().equals(fileType))) {
            return Optional.of(fileName + ":1: the file is named " + fileType + ".java but declares "
                    + (publicType ? "the public class " : "the class ") + typeName + "; a public class must be named"
                    + " like its file: name the class " + fileType + " or the file " + typeName + ".java");
        }
        if (!folders.isEmpty() && SourceVersion.isName(folders) && !folders.equals(packageName)) {
            return Optional.of(fileName + ":1: " + (packageName.isEmpty() ? "the file has no package line"
                    : "the file declares package " + packageName) + " but its path puts it in package " + folders
                    + ": begin it with `package " + folders + ";`");
        }
        return Optional.empty();
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
