package io.crawlseq.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.crawlseq.engine.asl.StateMachine;
import io.crawlseq.engine.internal.EngineSettings;
import io.crawlseq.engine.internal.ExecutionRun;
import io.crawlseq.engine.internal.Json;
import io.crawlseq.engine.task.TaskInvocation;
import io.crawlseq.engine.task.TaskInvoker;
import io.crawlseq.engine.task.TaskFailure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs Amazon States Language state machines in-process, the way Step Functions would: Task states call a
 * {@link TaskInvoker}, everything else (data flow, Choice, Map, Parallel, Wait, Retry, Catch, timeouts,
 * intrinsic functions) is interpreted here, and each execution keeps a Step Functions-shaped history.
 *
 * <pre>{@code
 * LocalEngine engine = LocalEngine.builder().taskInvoker(router).delayScale(0).seed(42).build();
 * StateMachine machine = AslParser.parse(definitionJson).orElseThrow();
 * ExecutionResult result = engine.start(machine, input, "run-1");
 * }</pre>
 *
 * Thread-safe: any number of executions may run at once.
 */
public final class LocalEngine {

    /** Inline Map runs at most this many iterations at once unless configured otherwise (AWS: 40). */
    public static final int DEFAULT_MAX_MAP_CONCURRENCY = 40;
    /** Step Functions' payload limit: 256 KiB per state input, output or task result. */
    public static final long DEFAULT_PAYLOAD_LIMIT_BYTES = 256 * 1024;
    /** Step Functions' history limit for a Standard execution. */
    public static final int DEFAULT_HISTORY_EVENT_LIMIT = 25_000;

    private static final Pattern EXECUTION_NAME = Pattern.compile("[A-Za-z0-9_.~\\-]{1,80}");

    private final EngineSettings settings;
    private final ScheduledThreadPoolExecutor timers;

    private LocalEngine(EngineSettings settings) {
        this.settings = settings;
        this.timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "state-engine-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs an execution to its end on the calling thread; the name is generated. */
    public ExecutionResult start(StateMachine machine, JsonNode input) {
        return start(machine, input, null);
    }

    /**
     * Runs an execution to its end on the calling thread.
     *
     * @param executionName 1 to 80 of {@code A-Z a-z 0-9 - _ . ~}; null for a random UUID
     */
    public ExecutionResult start(StateMachine machine, JsonNode input, String executionName) {
        return start(machine, input, executionName, null);
    }

    /** As {@link #start(StateMachine, JsonNode, String)}, naming the state machine (default "LocalStateMachine"). */
    public ExecutionResult start(StateMachine machine, JsonNode input, String executionName, String stateMachineName) {
        ExecutionRun run = prepare(machine, input, executionName, stateMachineName);
        ScheduledFuture<?> timeout = scheduleTimeout(machine, run);
        try {
            return run.run();
        } finally {
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }

    /** Starts an execution on a thread of its own and returns at once, like StartExecution. */
    public ExecutionHandle startAsync(StateMachine machine, JsonNode input, String executionName, String stateMachineName) {
        ExecutionRun run = prepare(machine, input, executionName, stateMachineName);
        ScheduledFuture<?> timeout = scheduleTimeout(machine, run);
        Thread.ofPlatform().daemon(true).name("execution " + run.executionName()).start(() -> {
            try {
                run.run();
            } finally {
                if (timeout != null) {
                    timeout.cancel(false);
                }
            }
        });
        return new ExecutionHandle(run);
    }

    private ExecutionRun prepare(StateMachine machine, JsonNode input, String executionName, String stateMachineName) {
        Objects.requireNonNull(machine, "machine");
        String name = executionName == null ? UUID.randomUUID().toString() : executionName;
        if (!EXECUTION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An execution name has 1 to 80 characters from A-Z a-z 0-9 - _ . ~, not '"
                    + name + "'");
        }
        String machineName = stateMachineName == null ? "LocalStateMachine" : stateMachineName;
        return new ExecutionRun(settings, machine, input == null ? Json.object() : input, name, machineName);
    }

    private ScheduledFuture<?> scheduleTimeout(StateMachine machine, ExecutionRun run) {
        if (machine.timeoutSeconds() == null) {
            return null;
        }
        long nanos = (long) Math.min(Duration.ofSeconds(machine.timeoutSeconds()).toNanos() * settings.timeoutScale(),
                (double) Long.MAX_VALUE);
        return timers.schedule(run::timeOut, nanos, TimeUnit.NANOSECONDS);
    }

    /** Configures an engine; every setting has a sensible default. */
    public static final class Builder {
        private TaskInvoker taskInvoker = Builder::noInvoker;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;
        private double delayScale = 1.0;
        private double timeoutScale = 1.0;
        private Random random = new Random();
        private final List<ExecutionListener> listeners = new ArrayList<>();
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private String roleArn = "arn:aws:iam::123456789012:role/LocalStateMachineRole";
        private int maxMapConcurrency = DEFAULT_MAX_MAP_CONCURRENCY;
        private long payloadLimitBytes = DEFAULT_PAYLOAD_LIMIT_BYTES;
        private int historyEventLimit = DEFAULT_HISTORY_EVENT_LIMIT;

        private Builder() {
        }

        private static JsonNode noInvoker(TaskInvocation invocation) throws TaskFailure {
            throw new TaskFailure(ErrorNames.LAMBDA_SERVICE_EXCEPTION,
                    "No task invoker is configured, so '" + invocation.functionName() + "' cannot run");
        }

        /** What runs Task states. Default: every task fails with Lambda.ServiceException. */
        public Builder taskInvoker(TaskInvoker taskInvoker) {
            this.taskInvoker = Objects.requireNonNull(taskInvoker, "taskInvoker");
            return this;
        }

        /** Source of timestamps (history, context object, Wait Timestamp). Default: system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How pauses happen; the engine passes durations already scaled by {@link #delayScale}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Multiplies Wait durations and retry intervals: 1 is real time, 0 never waits. */
        public Builder delayScale(double delayScale) {
            if (delayScale < 0 || Double.isNaN(delayScale)) {
                throw new IllegalArgumentException("delayScale must be >= 0");
            }
            this.delayScale = delayScale;
            return this;
        }

        /**
         * Multiplies task TimeoutSeconds and the machine's TimeoutSeconds. Separate from the delay scale
         * because a zero timeout would fail every task; tests with a hanging task may shrink it.
         */
        public Builder timeoutScale(double timeoutScale) {
            if (timeoutScale <= 0 || Double.isNaN(timeoutScale)) {
                throw new IllegalArgumentException("timeoutScale must be > 0");
            }
            this.timeoutScale = timeoutScale;
            return this;
        }

        /** Randomness for retry jitter, States.UUID and unseeded States.MathRandom. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder seed(long seed) {
            return random(new Random(seed));
        }

        public Builder listener(ExecutionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The region and account in ARNs ($$.Execution.Id, $$.StateMachine.Id, task events). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /** The role reported as $$.Execution.RoleArn. */
        public Builder roleArn(String roleArn) {
            this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
            return this;
        }

        /** The cap on concurrent Map iterations (MaxConcurrency 0 means this many). */
        public Builder maxMapConcurrency(int maxMapConcurrency) {
            if (maxMapConcurrency < 1) {
                throw new IllegalArgumentException("maxMapConcurrency must be >= 1");
            }
            this.maxMapConcurrency = maxMapConcurrency;
            return this;
        }

        /** The payload size limit in bytes; 0 disables the check. */
        public Builder payloadLimitBytes(long payloadLimitBytes) {
            if (payloadLimitBytes < 0) {
                throw new IllegalArgumentException("payloadLimitBytes must be >= 0");
            }
            this.payloadLimitBytes = payloadLimitBytes;
            return this;
        }

        /** The history event limit; 0 disables it. */
        public Builder historyEventLimit(int historyEventLimit) {
            if (historyEventLimit < 0) {
                throw new IllegalArgumentException("historyEventLimit must be >= 0");
            }
            this.historyEventLimit = historyEventLimit;
            return this;
        }

        public LocalEngine build() {
            return new LocalEngine(new EngineSettings(taskInvoker, clock, sleeper, delayScale, timeoutScale, random,
                    listeners, region, accountId, roleArn, maxMapConcurrency, payloadLimitBytes, historyEventLimit));
        }
    }
}
