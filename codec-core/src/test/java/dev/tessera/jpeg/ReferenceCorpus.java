package dev.tessera.jpeg;

import dev.tessera.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inputs of the djpeg reference test: the TwelveMonkeys test jar folders, ../shared/corpus/libjpeg-turbo
 * and the 540 inputs of ../shared/corpus/conformance (listed in its INDEX.tsv).
 */
final class ReferenceCorpus {
    static final String TWELVE_MONKEYS = "twelvemonkeys";
    static final String LIBJPEG_TURBO = "libjpeg-turbo";
    static final String CONFORMANCE = "conformance";
    static final int[] SCALES = {1, 2, 4, 8};

    /** One input: where it comes from and its name there. */
    record Input(String source, String file) {
        /** The bytes, or empty when the shared corpus is absent. */
        Optional<byte[]> read() {
            try {
                if (source.equals(TWELVE_MONKEYS)) {
                    return Optional.of(Corpus.resource(file));
                }
                String base = source.equals(LIBJPEG_TURBO) ? "corpus/libjpeg-turbo/" : "corpus/conformance/";
                Optional<Path> p = Corpus.shared(base + file);
                return p.isPresent() ? Optional.of(Files.readAllBytes(p.get())) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ReferenceCorpus() {
    }

    static List<Input> all() throws IOException {
        List<Input> inputs = new ArrayList<>();
        for (String folder : List.of("jpeg", "exif", "broken-jpeg", "jpeg-lossless")) {
            for (String name : Corpus.twelveMonkeys(folder)) {
                inputs.add(new Input(TWELVE_MONKEYS, name));
            }
        }
        Optional<Path> lj = Corpus.shared("corpus/libjpeg-turbo");
        if (lj.isPresent()) {
            for (Path p : Corpus.list(lj.get(), ".jpg")) {
                inputs.add(new Input(LIBJPEG_TURBO, lj.get().relativize(p).toString()));
            }
        }
        Optional<Path> index = Corpus.shared("corpus/conformance/INDEX.tsv");
        if (index.isPresent()) {
            List<String> lines = Files.readAllLines(index.get());
            for (String line : lines.subList(1, lines.size())) {
                inputs.add(new Input(CONFORMANCE, line.split("\t", 2)[0]));
            }
        }
        return inputs;
    }
}
