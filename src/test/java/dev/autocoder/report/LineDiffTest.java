package dev.autocoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals(List.of(), LineDiff.unified("a", "x\ny\n", "b", "x\ny\n", 3));
    }

    @Test
    void changedLineIsShownWithContextAndLineNumbers() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        assertEquals(List.of("--- a/X.java", "+++ b/X.java", "@@ -3,5 +3,5 @@",
                " 3", " 4", "-5", "+five", " 6", " 7"),
                LineDiff.unified("a/X.java", before, "b/X.java", after, 2));
    }

    @Test
    void distantChangesGetSeparateHunks() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "A\nb\nc\nd\ne\nf\ng\nH\n";

        assertEquals(List.of("--- x", "+++ y", "@@ -1,2 +1,2 @@", "-a", "+A", " b",
                "@@ -7,2 +7,2 @@", " g", "-h", "+H"), LineDiff.unified("x", before, "y", after, 1));
    }

    @Test
    void insertionInTheMiddleKeepsTheCommonLines() {
        String before = "class A {\n  int x;\n}\n";
        String after = "class A {\n  int x;\n  int y;\n}\n";

        assertEquals(List.of("--- x", "+++ y", "@@ -1,3 +1,4 @@", " class A {", "   int x;",
                "+  int y;", " }"), LineDiff.unified("x", before, "y", after, 3));
    }

    @Test
    void newFileIsAllAdditionsFromLineZero() {
        assertEquals(List.of("--- /dev/null", "+++ b/N.java", "@@ -0,0 +1,2 @@", "+one", "+two"),
                LineDiff.unified("/dev/null", "", "b/N.java", "one\ntwo\n", 3));
    }

    @Test
    void interleavedEditsFollowTheLongestCommonSubsequence() {
        String before = "a\nb\nc\nd\n";
        String after = "b\nx\nc\ny\n";

        assertEquals(List.of("--- x", "+++ y", "@@ -1,4 +1,4 @@", "-a", " b", "+x", " c", "-d",
                "+y"), LineDiff.unified("x", before, "y", after, 3));
    }
}
