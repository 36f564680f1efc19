package dev.autocoder.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines, from a longest common subsequence: enough to show what a
 * refinement changed, without a diff library.
 */
public final class LineDiff {

    /** Above this many table cells the middle is shown as replaced wholesale, to bound memory. */
    private static final long MAX_CELLS = 4_000_000;

    private enum Kind { SAME, REMOVED, ADDED }

    private record Edit(Kind kind, String line, int oldLine, int newLine) {
    }

    private LineDiff() {
    }

    /**
     * The diff in unified format ({@code ---}/{@code +++} headers, {@code @@} hunks, lines starting
     * with ' ', '-' or '+'), empty when the texts are equal.
     *
     * @param context how many unchanged lines to show around each change
     */
    public static List<String> unified(String oldName, String oldText, String newName,
            String newText, int context) {
        List<Edit> edits = edits(lines(oldText), lines(newText));
        List<String> out = new ArrayList<>();
        int index = 0;
        while (index < edits.size()) {
            int firstChange = nextChange(edits, index);
            if (firstChange == edits.size()) {
                break;
            }
            int start = Math.max(index, firstChange - context);
            int end = hunkEnd(edits, firstChange, context);
            if (out.isEmpty()) {
                out.add("--- " + oldName);
                out.add("+++ " + newName);
            }
            out.add(hunkHeader(edits.subList(start, end)));
            for (Edit edit : edits.subList(start, end)) {
                out.add(switch (edit.kind) {
                    case SAME -> " ";
                    case REMOVED -> "-";
                    case ADDED -> "+";
                } + edit.line);
            }
            index = end;
        }
        return out;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\r?\n", -1));
    }

    private static int nextChange(List<Edit> edits, int from) {
        int index = from;
        while (index < edits.size() && edits.get(index).kind == Kind.SAME) {
            index++;
        }
        return index;
    }

    /** Extends a hunk over later changes separated by at most twice the context. */
    private static int hunkEnd(List<Edit> edits, int firstChange, int context) {
        int lastChange = firstChange;
        int index = firstChange + 1;
        while (index < edits.size()) {
            if (edits.get(index).kind != Kind.SAME) {
                lastChange = index;
            } else if (index - lastChange > 2 * context) {
                break;
            }
            index++;
        }
        return Math.min(edits.size(), lastChange + context + 1);
    }

    private static String hunkHeader(List<Edit> hunk) {
        int oldCount = (int) hunk.stream().filter(edit -> edit.kind != Kind.ADDED).count();
        int newCount = (int) hunk.stream().filter(edit -> edit.kind != Kind.REMOVED).count();
        Edit first = hunk.get(0);
        // Unified format numbers lines from 1, and names the line before an empty range.
        int oldStart = oldCount == 0 ? first.oldLine : first.oldLine + 1;
        int newStart = newCount == 0 ? first.newLine : first.newLine + 1;
        return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
    }

    private static List<Edit> edits(List<String> before, List<String> after) {
        int prefix = 0;
        while (prefix < before.size() && prefix < after.size()
                && before.get(prefix).equals(after.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < before.size() - prefix && suffix < after.size() - prefix
                && before.get(before.size() - 1 - suffix).equals(after.get(after.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> oldMiddle = before.subList(prefix, before.size() - suffix);
        List<String> newMiddle = after.subList(prefix, after.size() - suffix);
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            edits.add(new Edit(Kind.SAME, before.get(i), i, i));
        }
        middle(oldMiddle, newMiddle, prefix, edits);
        for (int i = suffix; i > 0; i--) {
            edits.add(new Edit(Kind.SAME, before.get(before.size() - i), before.size() - i,
                    after.size() - i));
        }
        return edits;
    }

    /** Entry [i][j]: the length of the longest common subsequence of before[i..] and after[j..]. */
    private static int[][] commonLengths(List<String> before, List<String> after) {
        int[][] common = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        return common;
    }

    private static void middle(List<String> before, List<String> after, int offset,
            List<Edit> edits) {
        int n = before.size();
        int m = after.size();
        // Null when too large to compare: every old line removed, then every new line added.
        int[][] common = (long) n * m <= MAX_CELLS ? commonLengths(before, after) : null;
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (common != null && i < n && j < m && before.get(i).equals(after.get(j))) {
                edits.add(new Edit(Kind.SAME, before.get(i), offset + i++, offset + j++));
            } else if (i < n && (j == m || common == null || common[i + 1][j] >= common[i][j + 1])) {
                edits.add(new Edit(Kind.REMOVED, before.get(i), offset + i++, offset + j));
            } else {
                edits.add(new Edit(Kind.ADDED, after.get(j), offset + i, offset + j++));
            }
        }
    }
}
