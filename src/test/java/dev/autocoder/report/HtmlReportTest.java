package dev.autocoder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final String PAGE = HtmlReport.render(ReportFixtures.report());

    private static int count(String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(PAGE);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void theOverviewShowsEachTasksRoundsSubBuildTimeAndShareAndTheFooterTheRunAgainstTheProjectsTests() {
        String page = HtmlReport.render(ReportFixtures.report().withCost(ReportFixtures.cost()));

        assertTrue(page.contains("<th>rounds</th><th>sub-build time</th><th>share of run</th>"), page);
        assertTrue(page.contains("<td class=\"num\">300000</td><td class=\"num rounds\">2</td>"
                + "<td class=\"num sub-build-time\">7.0 s</td><td class=\"num share\">18%</td></tr>"), page);
        assertTrue(page.contains("<td class=\"num rounds\">1</td><td class=\"num sub-build-time\">5.0 s</td>"
                + "<td class=\"num share\">13%</td></tr>"), page);
        assertTrue(page.contains("<tr class=\"final-check\"><td>final check</td>"), page);
        assertTrue(page.contains("<p class=\"cost-footer\">run 40.0 s, of it 3 sub-build(s) 18.0 s (45%); the"
                + " project&#39;s own last test time 8.0 s: the run took 5.0x that</p>"), page);
        assertTrue(page.contains("<li><code>" + ReportFixtures.PROFILE + "</code></li>"), page);
    }

    @Test
    void scriptInModelCodeIsEscaped() {
        assertEquals(1, count("<script>"), "only the page's own script");
        assertTrue(PAGE.contains("+/** &lt;/pre&gt;&lt;script&gt;document.body.dataset.pwned"
                + " = &#39;yes&#39;;&lt;/script&gt; */"));
        assertTrue(PAGE.contains("gave up after 1 attempt: &lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void everyTaskHasASectionWithAnchorAndDataAttributes() {
        assertTrue(PAGE.contains("<section class=\"task\" id=\"task-money-utils\""
                + " data-task=\"money-utils\" data-status=\"verified\" data-origin=\"generated\">"));
        assertTrue(PAGE.contains("<section class=\"task\" id=\"task-money-part-2\""
                + " data-task=\"money/part-2\" data-status=\"failed\" data-origin=\"generated\">"));
        assertTrue(PAGE.contains("<a href=\"#task-money-part-2\">money/part-2</a>"));
    }

    @Test
    void showsTimelineFeedbackStagesAndClarifications() {
        assertTrue(PAGE.contains("<li class=\"attempt\" data-attempt=\"2\">Attempt 2:"
                + " <span class=\"verdict passed\">passed</span>"));
        assertTrue(PAGE.contains("<li class=\"feedback blocking\" data-stage=\"compile\">"
                + "<span class=\"stage\">[compile]</span> <span class=\"message\">Money.java:3: cannot"
                + " find symbol &lt;plus&gt;</span></li>"));
        assertTrue(PAGE.contains("<li class=\"feedback advice\" data-stage=\"checkstyle\">"));
        assertTrue(PAGE.contains("<tr><td>Which &lt;currency&gt;?</td><td>EUR &amp; USD</td>"
                + "<td>user</td></tr>"));
        assertTrue(PAGE.contains("<span class=\"add\">+    Money plus(Money other) { return this; }"
                + "</span>"));
    }

    @Test
    void theOverviewShowsCachedTokensBetweenInputAndOutputAsTheLogSummaryDoes() {
        assertTrue(PAGE.contains("<th>input tokens</th><th>cached tokens</th><th>output tokens</th>"));
        assertTrue(PAGE.contains("<td class=\"num\">2</td><td class=\"num\">1500000</td>"
                + "<td class=\"num\">400000</td><td class=\"num\">300000</td><td class=\"num rounds\">"),
                "money-utils");
        assertTrue(PAGE.contains("<td class=\"num\">1</td><td class=\"num\">10</td>"
                + "<td class=\"num\">0</td><td class=\"num\">20</td><td class=\"num rounds\">"),
                "money/part-2, nothing cached");
    }

    @Test
    void aFailedTaskNamesItsKeptSubBuildFolder() {
        assertEquals(1, count("<p class=\"kept\">"));
        assertTrue(PAGE.contains("kept for diagnosis: <code>" + ReportFixtures.KEPT + "</code>"));
    }

    @Test
    void pageLoadsNothingFromOutside() {
        assertFalse(PAGE.contains("http://") || PAGE.contains("https://"));
        assertFalse(PAGE.contains(" src=") || PAGE.contains("<link") || PAGE.contains("@import"));
    }

    @Test
    void sameNamesAfterSanitisingGetDistinctAnchors() {
        String page = HtmlReport.render(RunReport.of(List.of(
                new dev.autocoder.state.TaskState("a/b", "f"),
                new dev.autocoder.state.TaskState("a-b", "f"))));

        assertTrue(page.contains("id=\"task-a-b\" data-task=\"a/b\""));
        assertTrue(page.contains("id=\"task-a-b-2\" data-task=\"a-b\""));
    }
}
