package io.crawlseq.engine.asl;

import java.util.Optional;

/** The {@code Type} of a state, spelled as in ASL. */
public enum StateType {
    TASK("Task"), PASS("Pass"), CHOICE("Choice"), WAIT("Wait"), SUCCEED("Succeed"), FAIL("Fail"),
    MAP("Map"), PARALLEL("Parallel");

    private final String aslName;

    StateType(String aslName) {
        this.aslName = aslName;
    }

    public String aslName() {
        return aslName;
    }

    public static Optional<StateType> byAslName(String name) {
        for (StateType type : values()) {
            if (type.aslName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
