package io.crawlseq.sandbox.internal;

import io.crawlseq.sandbox.WorkerJvm;
import io.crawlseq.sandbox.internal.worker.WorkerMain;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** The command line of a worker JVM. */
public final class WorkerCommand {

    private WorkerCommand() {
    }

    /**
     * {@code -Xmx} is the script's memory limit and {@code ExitOnOutOfMemoryError} turns exceeding it
     * into a prompt exit (code 3) instead of a JVM limping on; the serial collector and C1-only JIT
     * keep a short-lived, interpreter-only GraalJS JVM small and quick to start.
     */
    public static List<String> of(WorkerJvm jvm, int memoryMb) {
        List<String> command = new ArrayList<>();
        command.add(jvm.java().toString());
        command.add("-Xmx" + memoryMb + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:-UsePerfData");
        command.add("-Xshare:auto");
        if (jvm.usesCds()) {
            command.add("-XX:SharedArchiveFile=" + jvm.cdsArchive().orElseThrow());
            command.add("-XX:+AutoCreateSharedArchive");
        }
        int feature = Runtime.version().feature();
        if (feature >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        if (feature >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-Dpolyglot.engine.WarnInterpreterOnly=false");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dstdout.encoding=UTF-8");
        command.add("-Dstderr.encoding=UTF-8");
        command.addAll(jvm.extraOptions());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, jvm.classpath()));
        command.add(WorkerMain.class.getName());
        return List.copyOf(command);
    }
}
