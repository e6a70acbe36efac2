package io.crawlseq.localstack.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crawlseq.localstack.LocalService;
import io.crawlseq.localstack.http.AwsError;
import io.crawlseq.localstack.http.AwsJson;
import io.crawlseq.localstack.http.LocalHttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An EventBridge Scheduler endpoint on 127.0.0.1 (REST-JSON: {@code POST|PUT|GET|DELETE
 * /schedules/{Name}}, {@code GET /schedules}), enough for the deployer's SDK client: create, update,
 * get, delete and list schedules, with AWS's error codes. A schedule fires by invoking its target (a
 * Lambda ARN) through the given {@link TargetInvoker} with the target's input, in which the
 * {@code <aws.scheduler.scheduled-time>}, {@code <aws.scheduler.schedule-arn>} and
 * {@code <aws.scheduler.execution-id>} placeholders are filled as Scheduler fills them.
 *
 * <p>Firing: {@link #fire} on demand (tests; also {@code POST /_local/schedules/{group}/{name}/fire}
 * for people at a terminal); with timers on ({@code crawl-sequence local-stack}), {@code rate(...)}
 * schedules also fire on their period. {@code cron(...)} schedules fire on demand only here.
 */
public final class LocalScheduler implements LocalService {

    private static final Logger LOG = LoggerFactory.getLogger(LocalScheduler.class);
    private static final Pattern SCHEDULE_PATH = Pattern.compile("/schedules/([0-9A-Za-z_.-]{1,64})");
    private static final Pattern FIRE_PATH = Pattern.compile("/_local/schedules/([0-9A-Za-z_.-]{1,64})/([0-9A-Za-z_.-]{1,64})/fire");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final String DEFAULT_GROUP = "default";

    /** Invokes a schedule's target: {@code arn} is the target ARN, {@code input} its JSON input. */
    @FunctionalInterface
    public interface TargetInvoker {
        JsonNode invoke(String arn, JsonNode input) throws Exception;
    }

    /** A schedule as stored. */
    public record Schedule(String arn, String group, String name, String expression, String timezone, String state,
                           String description, ObjectNode target, Instant created, Instant modified) {
    }

    private final Map<String, Schedule> schedules = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();
    private final TargetInvoker invoker;
    private final String region;
    private final String account;
    private final Clock clock;
    private final ScheduledExecutorService timerThread;
    private final LocalHttpServer server;

    private final Optional<java.nio.file.Path> stateFile;

    private LocalScheduler(int port, TargetInvoker invoker, String region, String account, Clock clock, boolean runTimers,
                           Optional<java.nio.file.Path> stateFile) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
        this.region = region;
        this.account = account;
        this.clock = clock;
        this.timerThread = runTimers ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-scheduler");
            t.setDaemon(true);
            return t;
        }) : null;
        load();
        this.server = LocalHttpServer.start(port, this::handle);
    }

    /**
     * @param runTimers fire {@code rate(...)} schedules on their period (a laptop); off in tests, which
     *                  call {@link #fire}
     */
    public static LocalScheduler start(int port, TargetInvoker invoker, String region, String account, Clock clock,
                                       boolean runTimers) {
        return new LocalScheduler(port, invoker, region, account, clock, runTimers, Optional.empty());
    }

    /** As {@link #start(int, TargetInvoker, String, String, Clock, boolean)}, keeping schedules in {@code stateFile}. */
    public static LocalScheduler start(int port, TargetInvoker invoker, String region, String account, Clock clock,
                                       boolean runTimers, java.nio.file.Path stateFile) {
        return new LocalScheduler(port, invoker, region, account, clock, runTimers, Optional.of(stateFile));
    }

    @Override
    public String name() {
        return "scheduler";
    }

    @Override
    public URI endpoint() {
        return server.endpoint();
    }

    public Optional<Schedule> schedule(String group, String name) {
        return Optional.ofNullable(schedules.get(key(group, name)));
    }

    public List<Schedule> schedules() {
        return schedules.values().stream().sorted(Comparator.comparing(Schedule::group).thenComparing(Schedule::name))
                .toList();
    }

    /**
     * Fires a schedule now, as Scheduler would at {@code scheduledTime}; returns the target's response.
     *
     * @throws IllegalArgumentException when there is no such schedule
     */
    public JsonNode fire(String group, String name, Instant scheduledTime) throws Exception {
        Schedule schedule = schedule(group, name).orElseThrow(() -> new IllegalArgumentException(
                "no schedule " + group + "/" + name));
        String input = schedule.target().path("Input").asText("{}")
                .replace("<aws.scheduler.scheduled-time>", scheduledTime.toString())
                .replace("<aws.scheduler.schedule-arn>", schedule.arn())
                .replace("<aws.scheduler.execution-id>", java.util.UUID.randomUUID().toString())
                .replace("<aws.scheduler.attempt-number>", "1");
        return invoker.invoke(schedule.target().path("Arn").asText(), AwsJson.MAPPER.readTree(input));
    }

    @Override
    public void close() {
        server.close();
        if (timerThread != null) {
            timerThread.shutdownNow();
        }
    }

    // --- protocol ----------------------------------------------------------------------------------

    private LocalHttpServer.Response handle(LocalHttpServer.Request request) {
        try {
            Matcher fire = FIRE_PATH.matcher(request.path());
            if (fire.matches() && "POST".equals(request.method())) {
                return AwsJson.ok(fireNow(fire.group(1), fire.group(2)), "application/json");
            }
            if (request.header("Authorization").isEmpty()) {
                throw new AwsError(403, "AccessDeniedException", "the request is not signed");
            }
            if ("/schedules".equals(request.path()) && "GET".equals(request.method())) {
                return AwsJson.ok(list(request), "application/json");
            }
            Matcher path = SCHEDULE_PATH.matcher(request.path());
            if (!path.matches()) {
                throw new AwsError(404, "ResourceNotFoundException", "no such resource: " + request.path());
            }
            String name = path.group(1);
            JsonNode response = switch (request.method()) {
                case "POST" -> create(name, AwsJson.body(request));
                case "PUT" -> update(name, AwsJson.body(request));
                case "GET" -> describe(get(group(request.queryParameter("groupName")), name));
                case "DELETE" -> delete(group(request.queryParameter("groupName")), name);
                default -> throw new AwsError(405, "ValidationException", "unsupported method " + request.method());
            };
            return AwsJson.ok(response, "application/json");
        } catch (AwsError e) {
            return AwsJson.restJsonError(e);
        } catch (RuntimeException e) {
            LOG.error("local Scheduler endpoint failed", e);
            return AwsJson.restJsonError(new AwsError(500, "InternalServerException", e.toString()));
        }
    }

    private JsonNode fireNow(String group, String name) throws AwsError {
        try {
            JsonNode response = fire(group, name, clock.instant());
            ObjectNode out = AwsJson.object();
            out.set("targetResponse", response);
            return out;
        } catch (IllegalArgumentException e) {
            throw new AwsError(404, "ResourceNotFoundException", e.getMessage());
        } catch (Exception e) {
            throw new AwsError(500, "TargetFailed", e.toString());
        }
    }

    private synchronized JsonNode create(String name, ObjectNode body) throws AwsError {
        String group = group(Optional.ofNullable(body.path("GroupName").textValue()));
        if (schedules.containsKey(key(group, name))) {
            throw new AwsError(409, "ConflictException", "Schedule " + name + " already exists.");
        }
        Schedule schedule = fromBody(name, group, body, clock.instant());
        store(schedule);
        return arnOnly(schedule);
    }

    private synchronized JsonNode update(String name, ObjectNode body) throws AwsError {
        String group = group(Optional.ofNullable(body.path("GroupName").textValue()));
        Schedule existing = get(group, name);
        Schedule schedule = fromBody(name, group, body, existing.created());
        store(schedule);
        return arnOnly(schedule);
    }

    private synchronized JsonNode delete(String group, String name) throws AwsError {
        get(group, name);
        schedules.remove(key(group, name));
        cancelTimer(key(group, name));
        save();
        return AwsJson.object();
    }

    private JsonNode list(LocalHttpServer.Request request) {
        Optional<String> group = request.queryParameter("ScheduleGroup");
        Optional<String> prefix = request.queryParameter("NamePrefix");
        ObjectNode out = AwsJson.object();
        ArrayNode list = out.putArray("Schedules");
        for (Schedule s : schedules()) {
            if (group.map(g -> !g.equals(s.group())).orElse(false) || prefix.map(p -> !s.name().startsWith(p)).orElse(false)) {
                continue;
            }
            ObjectNode item = list.addObject().put("Arn", s.arn()).put("GroupName", s.group()).put("Name", s.name())
                    .put("State", s.state());
            item.putObject("Target").put("Arn", s.target().path("Arn").asText());
            item.set("CreationDate", AwsJson.timestamp(s.created()));
            item.set("LastModificationDate", AwsJson.timestamp(s.modified()));
        }
        return out;
    }

    private JsonNode describe(Schedule s) {
        ObjectNode out = AwsJson.object();
        out.put("Arn", s.arn());
        out.put("GroupName", s.group());
        out.put("Name", s.name());
        out.put("ScheduleExpression", s.expression());
        out.put("ScheduleExpressionTimezone", s.timezone());
        out.put("State", s.state());
        if (s.description() != null) {
            out.put("Description", s.description());
        }
        out.set("Target", s.target().deepCopy());
        out.putObject("FlexibleTimeWindow").put("Mode", "OFF");
        out.put("ActionAfterCompletion", "NONE");
        out.set("CreationDate", AwsJson.timestamp(s.created()));
        out.set("LastModificationDate", AwsJson.timestamp(s.modified()));
        return out;
    }

    private Schedule fromBody(String name, String group, ObjectNode body, Instant created) throws AwsError {
        String expression = body.path("ScheduleExpression").asText("");
        if (!expression.startsWith("rate(") && !expression.startsWith("cron(") && !expression.startsWith("at(")) {
            throw new AwsError(400, "ValidationException", "Invalid Schedule Expression " + expression + ".");
        }
        JsonNode target = body.path("Target");
        if (!target.path("Arn").isTextual() || !target.path("RoleArn").isTextual()) {
            throw new AwsError(400, "ValidationException", "Target.Arn and Target.RoleArn are required.");
        }
        if (!"OFF".equals(body.path("FlexibleTimeWindow").path("Mode").asText("OFF"))
                && !body.path("FlexibleTimeWindow").has("MaximumWindowInMinutes")) {
            throw new AwsError(400, "ValidationException", "FlexibleTimeWindow.MaximumWindowInMinutes is required.");
        }
        return new Schedule("arn:aws:scheduler:" + region + ":" + account + ":schedule/" + group + "/" + name, group,
                name, expression, body.path("ScheduleExpressionTimezone").asText("UTC"),
                body.path("State").asText("ENABLED"), body.path("Description").textValue(),
                ((ObjectNode) target).deepCopy(), created, clock.instant());
    }

    private void store(Schedule schedule) {
        String key = key(schedule.group(), schedule.name());
        schedules.put(key, schedule);
        save();
        arm(schedule);
    }

    private void arm(Schedule schedule) {
        String key = key(schedule.group(), schedule.name());
        cancelTimer(key);
        Optional<Duration> period = ratePeriod(schedule.expression());
        if (timerThread != null && period.isPresent() && "ENABLED".equals(schedule.state())) {
            long millis = period.get().toMillis();
            timers.put(key, timerThread.scheduleAtFixedRate(() -> {
                try {
                    fire(schedule.group(), schedule.name(), clock.instant());
                } catch (Exception e) {
                    LOG.warn("schedule {} failed to fire: {}", key, e.toString());
                }
            }, millis, millis, TimeUnit.MILLISECONDS));
        }
    }

    private void save() {
        if (stateFile.isEmpty()) {
            return;
        }
        ArrayNode all = AwsJson.MAPPER.createArrayNode();
        for (Schedule s : schedules()) {
            ObjectNode o = all.addObject().put("arn", s.arn()).put("group", s.group()).put("name", s.name())
                    .put("expression", s.expression()).put("timezone", s.timezone()).put("state", s.state())
                    .put("description", s.description()).put("created", s.created().toString())
                    .put("modified", s.modified().toString());
            o.set("target", s.target());
        }
        try {
            java.nio.file.Path file = stateFile.get();
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            java.nio.file.Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            java.nio.file.Files.writeString(temp, AwsJson.text(all));
            java.nio.file.Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot save schedules to " + stateFile.get(), e);
        }
    }

    private void load() {
        if (stateFile.isEmpty() || !java.nio.file.Files.isRegularFile(stateFile.get())) {
            return;
        }
        try {
            for (JsonNode o : AwsJson.MAPPER.readTree(stateFile.get().toFile())) {
                Schedule s = new Schedule(o.path("arn").asText(), o.path("group").asText(), o.path("name").asText(),
                        o.path("expression").asText(), o.path("timezone").asText("UTC"), o.path("state").asText(),
                        o.path("description").textValue(), (ObjectNode) o.path("target"),
                        Instant.parse(o.path("created").asText()), Instant.parse(o.path("modified").asText()));
                schedules.put(key(s.group(), s.name()), s);
                arm(s);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read schedules from " + stateFile.get(), e);
        }
    }

    private void cancelTimer(String key) {
        ScheduledFuture<?> timer = timers.remove(key);
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** The period of a {@code rate(...)} expression. */
    static Optional<Duration> ratePeriod(String expression) {
        Matcher m = RATE.matcher(expression);
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(n);
            case "hour", "hours" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }

    private Schedule get(String group, String name) throws AwsError {
        Schedule schedule = schedules.get(key(group, name));
        if (schedule == null) {
            throw new AwsError(404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
        }
        return schedule;
    }

    private static JsonNode arnOnly(Schedule schedule) {
        ObjectNode out = AwsJson.object();
        out.put("ScheduleArn", schedule.arn());
        return out;
    }

    private static String group(Optional<String> group) {
        return group.filter(g -> !g.isBlank()).orElse(DEFAULT_GROUP);
    }

    private static String key(String group, String name) {
        return group + "/" + name;
    }
}
