package dev.tessera.cli;

import picocli.CommandLine.Option;

/** The options every batch command shares: directory recursion, threads and progress output. */
final class BatchOptions {
    @Option(names = {"-r", "--recursive"},
        description = "Also take files in subdirectories of directory inputs.")
    boolean recursive;

    @Option(names = "--threads", paramLabel = "N", converter = Converters.Threads.class,
        description = "Files worked on at once (default: the number of cores).")
    Integer threads;

    @Option(names = "--quiet", description = "Print no progress and no summary; errors are still printed.")
    boolean quiet;

    int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
