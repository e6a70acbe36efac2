package io.crawlseq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.cli.run.RunReport;
import java.util.List;

/** The logWarning messages left in a {@code run --json} report's output. */
final class RunReportWarnings {

    private RunReportWarnings() {
    }

    static List<String> of(JsonNode report) {
        return RunReport.warnings(report.path("output"));
    }
}
