package io.crawlseq.cli;

/**
 * Exit codes shared by every subcommand. Each subcommand documents the ones it uses in its
 * {@code exitCodeList} (annotations need literal text, so the wording is repeated there).
 */
public final class ExitCode {

    /** Done; for validate: no errors (warnings allowed). */
    public static final int OK = 0;
    /** The input has problems (validation errors, a failed run). */
    public static final int PROBLEMS = 1;
    /** The command line itself is wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** It ran and failed: {@code run}, the execution failed, timed out or was aborted; {@code script}, a source failed. */
    public static final int RUN_FAILED = 3;
    /** The local data directory is in use by another crawl-sequence process (commands that use the store). */
    public static final int STORE_BUSY = 4;
    /** {@code history}, {@code show}, {@code stats}: the deployed store cannot be read (credentials, endpoint, missing tables). */
    public static final int STORE_UNREACHABLE = 5;
    /** A bug in crawl-sequence; the message says how to report it (sysexits EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;

    private ExitCode() {
    }
}
