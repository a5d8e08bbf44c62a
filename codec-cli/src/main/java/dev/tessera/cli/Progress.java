package dev.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a batch: a bar on a terminal, one line per file otherwise, or nothing ({@code --quiet}).
 * Implementations are called from the batch's worker threads.
 */
interface Progress {
    void start(int total);

    /** One job finished; {@code note} says what it did. */
    void step(Path file, String note);

    void finish();

    /** Chooses the kind: none when quiet, a bar on a terminal, else lines on {@code lines} (standard error). */
    static Progress choose(boolean quiet, boolean terminal, String task, PrintWriter lines) {
        if (quiet) {
            return none();
        }
        return terminal ? new Bar(task) : new Lines(lines);
    }

    static Progress none() {
        return new Progress() {
            @Override
            public void start(int total) {
            }

            @Override
            public void step(Path file, String note) {
            }

            @Override
            public void finish() {
            }
        };
    }

    /** {@code [3/10] photo.png -> photo.jpg (12.1 KiB)}, one line per finished file. */
    final class Lines implements Progress {
        private final PrintWriter out;
        private int total;
        private int done;

        Lines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void start(int total) {
            this.total = total;
        }

        @Override
        public synchronized void step(Path file, String note) {
            done++;
            String name = Inputs.isStdin(file) ? Inputs.STDIN_NAME : String.valueOf(file);
            out.println("[" + done + "/" + total + "] " + name + (note == null || note.isEmpty() ? "" : " " + note));
            out.flush();
        }

        @Override
        public void finish() {
        }
    }

    /** The me.tongfei progress bar on standard error. */
    final class Bar implements Progress {
        private final String task;
        private ProgressBar bar;

        Bar(String task) {
            this.task = task;
        }

        @Override
        public synchronized void start(int total) {
            bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .continuousUpdate()
                .build();
        }

        @Override
        public synchronized void step(Path file, String note) {
            bar.setExtraMessage(String.valueOf(file.getFileName()));
            bar.step();
        }

        @Override
        public synchronized void finish() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
