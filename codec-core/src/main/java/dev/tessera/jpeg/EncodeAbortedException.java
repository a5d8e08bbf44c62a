package dev.tessera.jpeg;

import java.io.IOException;

/** Thrown by an encode that its {@link EncodeListener} stopped; the output holds a partial file. */
public final class EncodeAbortedException extends IOException {
    private static final long serialVersionUID = 1L;

    public EncodeAbortedException() {
        super("encode aborted by its listener");
    }
}
