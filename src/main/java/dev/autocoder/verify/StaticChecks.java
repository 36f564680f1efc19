package dev.autocoder.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects, without compiling, candidates that are plainly unfinished or malformed: placeholder
 * comments where code belongs, stub bodies, duplicate types. (Names that cannot form a path are
 * refused earlier, by {@link CodeUnit} itself.)
 */
public final class StaticChecks implements Verifier {

    /** A comment that is nothing but an ellipsis, possibly wrapped in words: {@code // ...}. */
    private static final Pattern ELLIPSIS_COMMENT = Pattern.compile("^\\s*(\\.\\.\\.|…)(\\s.*)?$|^.*\\s(\\.\\.\\.|…)\\s*$",
            Pattern.DOTALL);

    /** Phrases models write in place of code they left out. */
    private static final Pattern OMISSION = Pattern.compile(
            "rest of (the )?(code|class|file|implementation|methods?)"
                    + "|remaining (code|methods?|implementation|fields)"
                    + "|(implementation|code|methods?|body) (is )?(omitted|unchanged|elided|goes here)"
                    + "|(unchanged|same as before|as before)\\s*(\\.\\.\\.|…)?\\s*$"
                    + "|existing (code|methods?|implementation)"
                    + "|todo:?\\s*implement"
                    + "|(your|add) (code|implementation) here",
            Pattern.CASE_INSENSITIVE);

    /** A line of code that is only an ellipsis (possibly followed by a semicolon). */
    private static final Pattern ELLIPSIS_LINE = Pattern.compile("(?m)^\\s*(\\.\\.\\.|…);?\\s*$");

    /** A method or constructor body whose only statement throws UnsupportedOperationException. */
    private static final Pattern THROWING_BODY = Pattern.compile(
            "\\)\\s*(throws\\s[\\w.,\\s]+)?\\{\\s*throw\\s+new\\s+(java\\.lang\\.)?UnsupportedOperationException"
                    + "\\s*\\(([^)]*)\\)\\s*;\\s*}");

    /** Messages that say the body is a stub rather than a deliberate refusal ("read-only view"). */
    private static final Pattern STUB_MESSAGE = Pattern.compile("implement|todo|stub|not yet|not supported yet",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.\\s]+?)\\s*;", Pattern.MULTILINE);

    @Override
    public Verdict verify(Candidate candidate) {
        List<Feedback> findings = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (CodeUnit unit : candidate.units()) {
            if (!declared.add(unit.qualifiedName())) {
                findings.add(finding(unit, 1, "the type " + unit.qualifiedName()
                        + " is declared by two units; declare each type once"));
            }
            findings.addAll(checkCode(unit));
        }
        return new Verdict(findings);
    }

    private static List<Feedback> checkCode(CodeUnit unit) {
        SourceScan scan = SourceScan.of(unit.source());
        List<Feedback> findings = new ArrayList<>();
        checkDeclaration(unit, scan, findings);
        for (SourceScan.Comment comment : scan.comments()) {
            String firstLine = comment.text().strip();
            if (!comment.javadoc() && ELLIPSIS_COMMENT.matcher(firstLine).matches()) {
                findings.add(finding(unit, scan.lineOf(comment.offset()),
                        "placeholder comment '" + abbreviate(firstLine) + "' where code belongs; write the complete code"));
            } else if (OMISSION.matcher(comment.text()).find()) {
                findings.add(finding(unit, scan.lineOf(comment.offset()),
                        "comment '" + abbreviate(firstLine) + "' marks left-out code; write the complete code"));
            }
        }
        Matcher ellipsis = ELLIPSIS_LINE.matcher(scan.code());
        while (ellipsis.find()) {
            findings.add(finding(unit, scan.lineOf(ellipsis.start(1)), "'...' where code belongs; write the complete code"));
        }
        Matcher stub = THROWING_BODY.matcher(scan.code());
        while (stub.find()) {
            if (isStubMessage(unit.source().substring(stub.start(3), stub.end(3)))) {
                findings.add(finding(unit, scan.lineOf(stub.start()),
                        "a body that only throws UnsupportedOperationException is a stub; implement it"));
            }
        }
        return findings;
    }

    private static boolean isStubMessage(String argument) {
        return argument.isBlank() || STUB_MESSAGE.matcher(argument).find();
    }

    private static void checkDeclaration(CodeUnit unit, SourceScan scan, List<Feedback> findings) {
        Matcher pkg = PACKAGE.matcher(scan.code());
        boolean hasPackage = pkg.find();
        String declaredPackage = hasPackage ? pkg.group(1).replaceAll("\\s", "") : "";
        if (!declaredPackage.equals(unit.packageName())) {
            findings.add(finding(unit, hasPackage ? scan.lineOf(pkg.start()) : 1,
                    "declares package '" + declaredPackage + "' but belongs in package '" + unit.packageName() + "'"));
        }
        Pattern type = Pattern.compile("\\b(class|interface|enum|record)\\s+" + Pattern.quote(unit.typeName()) + "\\b");
        if (!type.matcher(scan.code()).find()) {
            findings.add(finding(unit, 1, "does not declare the type " + unit.typeName()));
        }
    }

    private static Feedback finding(CodeUnit unit, int line, String message) {
        String path = unit.relativePath().toString().replace('\\', '/');
        return Feedback.blocking(Feedback.Stage.STATIC, path + ":" + line + ": " + message);
    }

    private static String abbreviate(String text) {
        String oneLine = text.lines().findFirst().orElse("").strip();
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
