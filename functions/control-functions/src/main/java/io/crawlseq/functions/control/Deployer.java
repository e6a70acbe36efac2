package io.crawlseq.functions.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.functions.control.DeployResult.Outcome;
import io.crawlseq.functions.control.S3Events.ObjectCreated;
import io.crawlseq.functions.support.LambdaJson;
import io.crawlseq.lang.compile.Compilation;
import io.crawlseq.lang.compile.CompileResult;
import io.crawlseq.lang.compile.SequenceCompiler;
import io.crawlseq.lang.model.Sequence;
import io.crawlseq.store.ClaimOutcome;
import io.crawlseq.store.DeploymentLease;
import io.crawlseq.store.DeploymentRecord;
import io.crawlseq.store.SequenceRegistry;
import io.crawlseq.store.SequenceSource;
import io.crawlseq.store.SequenceState;
import io.crawlseq.store.blob.BlobKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one uploaded sequence into a deployed state machine, or into a diagnostics report. The
 * registry decides, atomically, whether this upload may deploy: only the newest upload of a
 * sequence, once ({@link SequenceRegistry#claim}); a duplicate or late S3 event changes nothing. A
 * valid upload creates or updates the state machine, creates, updates or deletes its schedule,
 * removes a stale report, and is recorded; an invalid one is reported next to the object and
 * recorded, while the version deployed before keeps running.
 */
final class Deployer {

    /** Longer than the deployer's Lambda timeout: a crashed deployer's lease ends before Lambda retries. */
    static final Duration LEASE = Duration.ofSeconds(90);
    private static final Pattern SEQUENCE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final SequenceRegistry registry;
    private final SequenceObjects objects;
    private final StateMachines machines;
    private final Schedules schedules;
    private final SequenceCompiler compiler;
    private final ProjectNames names;
    private final SequenceUploads uploads;
    private final Clock clock;

    Deployer(SequenceRegistry registry, SequenceObjects objects, StateMachines machines, Schedules schedules,
             SequenceCompiler compiler, ProjectNames names, SequenceUploads uploads, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.machines = Objects.requireNonNull(machines, "machines");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.names = Objects.requireNonNull(names, "names");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Another deployer holds the sequence: fail the invocation so Lambda delivers the event again. */
    static final class DeploymentBusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeploymentBusyException(String message) {
            super(message);
        }
    }

    /**
     * @param owner names this attempt in the registry's lease (the Lambda request id)
     * @throws DeploymentBusyException when another deployer is deploying the same sequence
     */
    DeployResult deploy(ObjectCreated created, String owner) {
        String key = created.key();
        SequenceUploads.Verdict verdict = uploads.classify(key);
        if (verdict != SequenceUploads.Verdict.SEQUENCE) {
            return DeployResult.skipped(key, Outcome.IGNORED, Optional.empty(), "not a sequence upload: " + verdict);
        }
        if (created.sequencer().isEmpty()) {
            return DeployResult.skipped(key, Outcome.IGNORED, Optional.empty(),
                    "the event carries no S3 sequencer, so it cannot be ordered");
        }
        Optional<SequenceObjects.Fetched> fetched = objects.fetch(created.bucket(), key, created.versionId());
        if (fetched.isEmpty()) {
            return DeployResult.skipped(key, Outcome.GONE, Optional.empty(), "the object was deleted before it was read");
        }
        byte[] bytes = fetched.get().bytes();
        Compilation compilation = Compilation.of(SequenceUploads.fileName(key), bytes, compiler);
        String name = sequenceName(compilation, key);
        Optional<SequenceState> state = registry.state(name);
        Optional<SequenceSource> ownerSource = state.map(s -> s.deployed().orElse(s.latest()).source());
        long epoch = ownerSource.map(s -> DeploymentOrder.epochOf(s.sequencer())).orElse(0L);
        Optional<String> versionId = created.versionId().or(() -> fetched.get().versionId());
        if (ownerSource.isPresent() && !DeploymentOrder.sameObject(ownerSource.get(), created.bucket(), key)) {
            SequenceSource current = ownerSource.get();
            if (objects.exists(current.bucket(), current.key())) {
                SequenceSource rejected = new SequenceSource(created.bucket(), key, versionId,
                        created.sequencer().get(), BlobKeys.sha256Hex(bytes));
                return nameTaken(name, rejected, compilation, current, state.flatMap(SequenceState::deployed));
            }
            epoch++; // the owner's object is gone: this key takes the name over
        }
        SequenceSource source = new SequenceSource(created.bucket(), key, versionId,
                DeploymentOrder.inEpoch(epoch, created.sequencer().get()), BlobKeys.sha256Hex(bytes));
        return switch (registry.claim(name, source, owner, LEASE)) {
            case ClaimOutcome.Duplicate d -> DeployResult.skipped(key, Outcome.DUPLICATE, Optional.of(name),
                    "this upload was processed already");
            case ClaimOutcome.Superseded s -> DeployResult.skipped(key, Outcome.SUPERSEDED, Optional.of(name),
                    "a newer upload of " + name + " was processed already");
            case ClaimOutcome.Busy b -> throw new DeploymentBusyException("another deployer is deploying " + name
                    + " until " + b.until() + "; the event will be delivered again");
            case ClaimOutcome.Claimed c -> completeClaimed(c, name, source, compilation);
        };
    }

    private DeployResult completeClaimed(ClaimOutcome.Claimed claimed, String name, SequenceSource source,
                                         Compilation compilation) {
        try {
            return compilation.isDeployable()
                    ? deployValid(claimed.lease(), name, source, compilation)
                    : recordInvalid(claimed.lease(), name, source, compilation, claimed.current());
        } catch (RuntimeException e) {
            registry.release(claimed.lease());
            throw e;
        }
    }

    private DeployResult deployValid(DeploymentLease lease, String name, SequenceSource source, Compilation compilation) {
        CompileResult compiled = compilation.compiled().orElseThrow();
        Sequence sequence = compilation.load().sequence().orElseThrow();
        String arn = machines.deploy(names.stateMachineName(name), compiled.json(), Map.of("crawlseq:sequence", name));
        String scheduleName = names.scheduleName(name);
        Optional<String> schedule = sequence.schedule();
        if (schedule.isPresent()) {
            schedules.put(scheduleName, schedule.get(), name);
        } else {
            schedules.remove(scheduleName);
        }
        // a report left by an earlier invalid version of this file would now mislead
        objects.delete(source.bucket(), BlobKeys.diagnosticsReport(source.key()).value());
        int warnings = compilation.load().warningCount();
        registry.complete(lease, DeploymentRecord.deployed(name, source, arn, schedule, warnings, clock.instant()));
        return new DeployResult(source.key(), Outcome.DEPLOYED, Optional.of(name), Optional.of(arn), schedule,
                Optional.empty(), warnings, "deployed " + name + " as " + arn
                + schedule.map(s -> ", scheduled " + s).orElse(", not scheduled"));
    }

    private DeployResult recordInvalid(DeploymentLease lease, String name, SequenceSource source,
                                       Compilation compilation, Optional<SequenceState> current) {
        String reportKey = BlobKeys.diagnosticsReport(source.key()).value();
        Optional<DeploymentRecord> stillDeployed = current.flatMap(SequenceState::deployed);
        objects.put(source.bucket(), reportKey, LambdaJson.bytes(DiagnosticsReport.invalid(name, source,
                compilation.load(), stillDeployed, clock.instant())));
        int problems = compilation.load().errorCount() + compilation.load().warningCount();
        registry.complete(lease, DeploymentRecord.invalid(name, source, problems, reportKey, clock.instant()));
        return new DeployResult(source.key(), Outcome.INVALID, Optional.of(name), Optional.empty(), Optional.empty(),
                Optional.of(reportKey), problems, compilation.load().errorCount() + " errors in " + source.key()
                + "; report at " + reportKey + stillDeployed.map(d -> "; " + d.source().key() + " keeps running")
                .orElse("; nothing deployed"));
    }

    private DeployResult nameTaken(String name, SequenceSource source, Compilation compilation, SequenceSource owner,
                                   Optional<DeploymentRecord> stillDeployed) {
        String reportKey = BlobKeys.diagnosticsReport(source.key()).value();
        objects.put(source.bucket(), reportKey, LambdaJson.bytes(DiagnosticsReport.nameTaken(name, source,
                compilation.load().sourceMap().locate("/name"), owner, stillDeployed, clock.instant())));
        return new DeployResult(source.key(), Outcome.NAME_TAKEN, Optional.of(name), Optional.empty(), Optional.empty(),
                Optional.of(reportKey), 1, "the name " + name + " belongs to " + owner.key() + "; report at " + reportKey);
    }

    /**
     * SnapStart priming (see {@code Priming}): loads, validates and compiles a bundled sample sequence
     * (schema validator, YAML reader, expression parser, compiler) and runs a synthetic upload
     * through the whole flow with every AWS call answered in-process.
     */
    void prime() throws Exception {
        byte[] sample;
        try (var in = Deployer.class.getResourceAsStream("priming-sequence.yaml")) {
            sample = Objects.requireNonNull(in, "priming-sequence.yaml").readAllBytes();
        }
        Compilation.of("priming-sequence.yaml", sample, compiler).compiled().orElseThrow().json();
        deploy(new ObjectCreated("ObjectCreated:Put", "priming-bucket", uploads.prefix() + "priming.yaml",
                Optional.empty(), Optional.of(io.crawlseq.store.S3Sequencer.of("1")), sample.length), "priming");
    }

    /**
     * The sequence's {@code name}, else (a document too broken to load) its {@code name} field when that
     * is a valid name, else the file's base name.
     */
    static String sequenceName(Compilation compilation, String key) {
        return compilation.load().sequence().flatMap(Sequence::name)
                .or(() -> compilation.load().document().map(d -> d.path("name")).filter(JsonNode::isTextual)
                        .map(JsonNode::textValue).filter(n -> SEQUENCE_NAME.matcher(n).matches()))
                .orElseGet(() -> SequenceUploads.defaultSequenceName(key));
    }
}
