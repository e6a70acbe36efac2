package io.crawlseq.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crawlseq.engine.asl.AslParser;
import io.crawlseq.engine.asl.StateMachine;
import io.crawlseq.engine.task.ScriptedTaskInvoker;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shorthands for engine tests: JSON from text, machines from text, an engine that never sleeps. */
public final class TestSupport {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final Instant EPOCH = Instant.parse("2026-01-02T03:04:05.678Z");

    private TestSupport() {
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StateMachine machine(String definition) {
        return AslParser.parse(definition).orElseThrow();
    }

    /** A scripted engine with a fixed clock, no pauses and a fixed seed. */
    public static LocalEngine.Builder engine(ScriptedTaskInvoker invoker) {
        return LocalEngine.builder()
                .taskInvoker(invoker)
                .clock(Clock.fixed(EPOCH, ZoneOffset.UTC))
                .delayScale(0)
                .seed(7);
    }

    public static ScriptedTaskInvoker script(String script) {
        return new ScriptedTaskInvoker(json(script));
    }

    public static ExecutionResult run(String definition, String input, String script) {
        return engine(script(script)).build().start(machine(definition), json(input), "test");
    }
}
