package dev.autocoder.report;

import dev.autocoder.report.RunReport.AttemptReport;
import dev.autocoder.report.RunReport.TaskReport;
import dev.autocoder.state.TaskState.Clarification;
import dev.autocoder.verify.Feedback;
import dev.autocoder.verify.SubBuildCosts;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders a {@link RunReport} as one self-contained HTML page: inline style and script, nothing
 * fetched from the network, every text from a task or a model escaped.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;\
            color:#1d1d1f}
            h1{font-size:1.5em}h2{font-size:1.2em;margin:0}
            table{border-collapse:collapse}td,th{padding:.2em .7em;border-bottom:1px solid #ddd;\
            text-align:left}
            td.num{text-align:right}
            .task{border:1px solid #ccc;border-radius:6px;padding:1em;margin:1.2em 0}
            .status{display:inline-block;padding:0 .5em;border-radius:3px;font-size:.85em;\
            color:#fff;background:#888}
            .status.verified{background:#2e7d32}.status.failed{background:#c62828}
            .attempt{margin:.6em 0}.attempt .verdict.passed{color:#2e7d32}\
            .attempt .verdict.failed{color:#c62828}
            .feedback .stage{font-family:monospace;color:#555}.feedback.advice{color:#666}
            .feedback .message{font-family:monospace;white-space:pre-wrap}
            pre{background:#f6f8fa;padding:.6em;overflow:auto;font-size:12px}
            pre .add{color:#22863a}pre .del{color:#b31d28}pre .hunk{color:#6f42c1}\
            pre .file{font-weight:bold}
            """;

    /**
     * Marks the page as rendered so a headless-browser test can tell the script ran without an
     * error; also offers hiding verified tasks.
     */
    private static final String SCRIPT = """
            window.addEventListener('error', function () {
              document.body.dataset.jsError = 'yes';
            });
            (function () {
              var toggle = document.getElementById('only-failed');
              toggle.addEventListener('change', function () {
                document.querySelectorAll('section.task').forEach(function (section) {
                  section.hidden = toggle.checked && section.dataset.status === 'verified';
                });
              });
              document.body.dataset.tasks = String(document.querySelectorAll('section.task').length);
              document.body.dataset.ready = 'yes';
            })();
            """;

    private HtmlReport() {
    }

    public static String render(RunReport report) {
        List<String> anchors = anchors(report.tasks());
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>autocoder report</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>autocoder report</h1>\n");
        overview(html, report.tasks(), anchors, report.cost());
        for (int i = 0; i < report.tasks().size(); i++) {
            task(html, report.tasks().get(i), anchors.get(i));
        }
        html.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void overview(StringBuilder html, List<TaskReport> tasks, List<String> anchors, RunCost cost) {
        html.append("<p><label><input type=\"checkbox\" id=\"only-failed\"> only tasks not")
                .append(" verified</label></p>\n<table class=\"overview\">\n<tr><th>task</th>")
                .append("<th>status</th><th>origin</th><th>attempts</th><th>input tokens</th>")
                .append("<th>cached tokens</th><th>output tokens</th><th>rounds</th><th>sub-build time</th>")
                .append("<th>share of run</th></tr>\n");
        for (int i = 0; i < tasks.size(); i++) {
            TaskReport task = tasks.get(i);
            html.append("<tr><td><a href=\"#").append(anchors.get(i)).append("\">")
                    .append(escape(task.task())).append("</a></td><td>")
                    .append(status(task.status())).append("</td><td class=\"origin\">")
                    .append(escape(task.origin())).append("</td><td class=\"num\">")
                    .append(task.attempts().size()).append("</td><td class=\"num\">")
                    .append(task.inputTokens()).append("</td><td class=\"num\">")
                    .append(task.cachedInputTokens()).append("</td><td class=\"num\">")
                    .append(task.outputTokens()).append("</td>");
            cost(html, cost, task.task());
            html.append("</tr>\n");
        }
        if (cost.tasks().containsKey(SubBuildCosts.FINAL_CHECK)) {
            html.append("<tr class=\"final-check\"><td>final check</td><td></td><td></td><td></td><td></td><td></td>")
                    .append("<td></td>");
            cost(html, cost, SubBuildCosts.FINAL_CHECK);
            html.append("</tr>\n");
        }
        html.append("</table>\n<p class=\"cost-footer\">").append(escape(cost.footer())).append("</p>\n");
        if (!cost.profiles().isEmpty()) {
            html.append("<p class=\"profiles\">Where each sub-build's time went (profile):</p>\n<ul class=\"profiles\">\n");
            cost.profiles().forEach(path -> html.append("<li><code>").append(escape(path)).append("</code></li>\n"));
            html.append("</ul>\n");
        }
    }

    private static void cost(StringBuilder html, RunCost cost, String task) {
        SubBuildCosts.Cost share = cost.of(task);
        html.append("<td class=\"num rounds\">").append(share.subBuilds()).append("</td><td class=\"num sub-build-time\">")
                .append(RunCost.seconds(share.millis())).append("</td><td class=\"num share\">")
                .append(escape(cost.share(task))).append("</td>");
    }

    private static void task(StringBuilder html, TaskReport task, String anchor) {
        html.append("<section class=\"task\" id=\"").append(anchor).append("\" data-task=\"")
                .append(escape(task.task())).append("\" data-status=\"")
                .append(escape(task.status())).append("\" data-origin=\"").append(escape(task.origin()))
                .append("\">\n<h2>").append(escape(task.task()))
                .append(' ').append(status(task.status())).append("</h2>\n");
        html.append("<p class=\"totals\">").append(task.modelCalls()).append(" model calls, ")
                .append(task.inputTokens()).append(" input (").append(task.cachedInputTokens())
                .append(" of them cached) and ").append(task.outputTokens())
                .append(" output tokens; model ").append(task.modelMillis()).append(" ms, verify ")
                .append(task.verifyMillis()).append(" ms</p>\n");
        if (task.failure() != null) {
            html.append("<p class=\"failure\">").append(escape(task.failure())).append("</p>\n");
        }
        for (String warning : task.warnings()) {
            html.append("<p class=\"failure warning\">").append(escape(warning)).append("</p>\n");
        }
        if (task.subBuildFolder() != null) {
            html.append("<p class=\"kept\">The newest sub-build this task failed in is kept for diagnosis: <code>")
                    .append(escape(task.subBuildFolder())).append("</code></p>\n");
        }
        clarifications(html, task.clarifications());
        html.append("<ol class=\"timeline\">\n");
        for (AttemptReport attempt : task.attempts()) {
            attempt(html, attempt);
        }
        html.append("</ol>\n</section>\n");
    }

    private static void clarifications(StringBuilder html, List<Clarification> clarifications) {
        if (clarifications.isEmpty()) {
            return;
        }
        html.append("<table class=\"clarifications\">\n<tr><th>question</th><th>answer</th>")
                .append("<th>source</th></tr>\n");
        for (Clarification clarification : clarifications) {
            html.append("<tr><td>").append(escape(clarification.question())).append("</td><td>")
                    .append(escape(clarification.answer())).append("</td><td>")
                    .append(lower(clarification.source())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void attempt(StringBuilder html, AttemptReport attempt) {
        String verdict = attempt.passed() ? "passed" : "failed";
        html.append("<li class=\"attempt\" data-attempt=\"").append(attempt.number())
                .append("\">Attempt ").append(attempt.number()).append(": <span class=\"verdict ")
                .append(verdict).append("\">").append(verdict).append("</span> (verify ")
                .append(attempt.verifyMillis()).append(" ms)\n");
        if (!attempt.feedback().isEmpty()) {
            html.append("<ul>\n");
            for (Feedback feedback : attempt.feedback()) {
                html.append("<li class=\"feedback ")
                        .append(feedback.blocking() ? "blocking" : "advice")
                        .append("\" data-stage=\"").append(lower(feedback.stage()))
                        .append("\"><span class=\"stage\">[").append(lower(feedback.stage()))
                        .append("]</span> <span class=\"message\">")
                        .append(escape(feedback.message())).append("</span></li>\n");
            }
            html.append("</ul>\n");
        }
        if (!attempt.diff().isEmpty()) {
            html.append("<details").append(attempt.number() == 1 ? "" : " open")
                    .append("><summary>").append(attempt.number() == 1 ? "code"
                            : "changes since attempt " + (attempt.number() - 1))
                    .append("</summary><pre class=\"diff\">");
            for (String line : attempt.diff()) {
                html.append("<span class=\"").append(diffClass(line)).append("\">")
                        .append(escape(line)).append("</span>\n");
            }
            html.append("</pre></details>\n");
        }
        html.append("</li>\n");
    }

    private static String diffClass(String line) {
        if (line.startsWith("--- ") || line.startsWith("+++ ")) {
            return "file";
        }
        if (line.startsWith("@@")) {
            return "hunk";
        }
        return line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "same";
    }

    private static String status(String status) {
        return "<span class=\"status " + escape(status) + "\">" + escape(status) + "</span>";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Ids made of safe characters only, kept distinct when two task names map to the same id. */
    private static List<String> anchors(List<TaskReport> tasks) {
        Set<String> used = new HashSet<>();
        return tasks.stream().map(task -> {
            String base = "task-" + task.task().replaceAll("[^A-Za-z0-9_-]", "-");
            String anchor = base;
            for (int n = 2; !used.add(anchor); n++) {
                anchor = base + "-" + n;
            }
            return anchor;
        }).toList();
    }

    /** Escapes text for element content and quoted attribute values alike. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
