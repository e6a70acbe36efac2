package io.crawlseq.functions.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.lang.diag.Diagnostic;
import io.crawlseq.lang.diag.SourceLocation;
import io.crawlseq.lang.load.LoadResult;
import io.crawlseq.store.DeploymentRecord;
import io.crawlseq.store.SequenceSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The report the deployer writes next to an upload it rejects ({@code <key>.diagnostics.json}): every
 * problem with {@code file:line:column}, severity, code, message and JSON Pointer (the shape of
 * {@code crawl-sequence validate --json}), plus which version keeps running.
 */
final class DiagnosticsReport {

    /** One problem, from the validator or from the deployer itself. */
    record Entry(SourceLocation location, String severity, String code, String message, String pointer) {

        static Entry of(Diagnostic d) {
            return new Entry(d.location(), d.severity().label(), d.code().id(), d.message(), d.pointer());
        }

        String formatted() {
            return location + ": " + severity + " " + code + ": " + message;
        }
    }

    private DiagnosticsReport() {
    }

    static ObjectNode invalid(String sequenceName, SequenceSource source, LoadResult load,
                              Optional<DeploymentRecord> stillDeployed, Instant at) {
        ObjectNode report = header(sequenceName, source, "INVALID", at);
        report.put("errors", load.errorCount());
        report.put("warnings", load.warningCount());
        report.put("notShown", load.dropped());
        entries(report, load.diagnostics().stream().map(Entry::of).toList());
        stillDeployed(report, stillDeployed);
        return report;
    }

    /** Another key owns the sequence name, and its object still exists. */
    static ObjectNode nameTaken(String sequenceName, SequenceSource source, SourceLocation nameLocation,
                                SequenceSource owner, Optional<DeploymentRecord> stillDeployed, Instant at) {
        ObjectNode report = header(sequenceName, source, "NAME_TAKEN", at);
        report.put("errors", 1);
        report.put("warnings", 0);
        report.put("notShown", 0);
        entries(report, List.of(new Entry(nameLocation, "error", "name-taken",
                "the sequence name '" + sequenceName + "' belongs to s3://" + owner.bucket() + "/" + owner.key()
                        + "; rename this sequence, or delete that object before uploading this one", "/name")));
        stillDeployed(report, stillDeployed);
        return report;
    }

    private static ObjectNode header(String sequenceName, SequenceSource source, String status, Instant at) {
        ObjectNode report = LambdaJson.object();
        report.put("sequence", sequenceName);
        report.put("status", status);
        report.put("deployed", false);
        ObjectNode src = report.putObject("source");
        src.put("bucket", source.bucket());
        src.put("key", source.key());
        source.versionId().ifPresentOrElse(v -> src.put("versionId", v), () -> src.putNull("versionId"));
        src.put("sequencer", DeploymentOrder.s3Part(source.sequencer()));
        src.put("contentSha256", source.contentSha256());
        report.put("processedAt", at.toString());
        return report;
    }

    private static void entries(ObjectNode report, List<Entry> entries) {
        ArrayNode list = report.putArray("diagnostics");
        for (Entry e : entries) {
            ObjectNode o = list.addObject();
            o.put("file", e.location().file());
            o.put("line", e.location().line());
            o.put("column", e.location().column());
            o.put("severity", e.severity());
            o.put("code", e.code());
            o.put("message", e.message());
            o.put("pointer", e.pointer());
            o.put("text", e.formatted());
        }
    }

    private static void stillDeployed(ObjectNode report, Optional<DeploymentRecord> deployed) {
        if (deployed.isEmpty()) {
            report.putNull("stillRunning");
            return;
        }
        DeploymentRecord d = deployed.get();
        ObjectNode running = report.putObject("stillRunning");
        running.put("key", d.source().key());
        d.source().versionId().ifPresent(v -> running.put("versionId", v));
        running.put("contentSha256", d.source().contentSha256());
        d.stateMachineArn().ifPresent(arn -> running.put("stateMachineArn", arn));
        running.put("deployedAt", d.processedAt().toString());
    }
}
