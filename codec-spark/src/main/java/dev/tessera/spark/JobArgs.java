package dev.tessera.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The batch job's command line: a command ({@code compress}, {@code optimize}, {@code compare}) and its {@code --name value}
 * options and {@code --flag}s. Each command accepts only its own options.
 */
final class JobArgs {
    /** A command line the job cannot run; its message says why. */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static final Set<String> FLAGS = Set.of("overwrite", "strip-metadata");
    private static final Map<String, Set<String>> OPTIONS = Map.of(
        "compress", Set.of("input", "output", "glob", "master", "partitions", "quality", "preset",
            "target-ssimulacra2", "overwrite", "strip-metadata"),
        "optimize", Set.of("input", "output", "glob", "master", "partitions", "copy", "overwrite"),
        "compare", Set.of("input", "report", "glob", "master", "partitions", "qualities", "presets",
            "target-ssimulacra2", "overwrite"));

    final String command;
    private final Map<String, String> values = new HashMap<>();

    private JobArgs(String command) {
        this.command = command;
    }

    static JobArgs parse(String... args) {
        if (args.length == 0) {
            throw new UsageException("missing command: compress, optimize or compare");
        }
        String command = args[0];
        Set<String> allowed = OPTIONS.get(command);
        if (allowed == null) {
            throw new UsageException("unknown command '" + command + "': expected compress, optimize or compare");
        }
        JobArgs parsed = new JobArgs(command);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!allowed.contains(name)) {
                throw new UsageException(command + ": unknown option --" + name);
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (parsed.values.put(name, value) != null) {
                throw new UsageException("--" + name + " is given twice");
            }
        }
        return parsed;
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(command + " needs --" + name);
        }
        return value;
    }

    String get(String name) {
        return values.get(name);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    Integer integer(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, found '" + value + "'");
        }
    }

    Double number(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, found '" + value + "'");
        }
    }

    /** A comma-separated list, without repeats, in the order given. */
    List<String> list(String name, String fallback) {
        String value = values.getOrDefault(name, fallback);
        Set<String> items = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                items.add(part.trim().toLowerCase(Locale.ROOT));
            }
        }
        if (items.isEmpty()) {
            throw new UsageException("--" + name + " is empty");
        }
        return new ArrayList<>(items);
    }
}
