package dev.tessera.jpeg.io;

import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads entropy-coded data bit by bit, most significant bit first (T.81 F.2.2.5). This is the only decoder
 * class that knows about byte stuffing (a 0x00 after 0xFF, T.81 F.1.2.3), 0xFF fill bytes (B.1.1.2) and
 * markers met inside entropy-coded data.
 *
 * <p>At a marker, or at the end of the stream, there are no more data bits. As libjpeg's {@code jdhuff.c}
 * does, the reader then supplies zero bits, remembers the marker for the marker reader, and on the first
 * zero bit actually consumed warns once and raises {@link #insufficientData()}; the entropy decoders stop
 * decoding until the next restart, so the rest of the segment decodes as grey.
 *
 * <p>Restart markers (T.81 B.2.1, F.2.1.3.1) are read by {@link #readRestartMarker()}, which resynchronises
 * on a missing or wrong marker the way libjpeg's {@code jpeg_resync_to_restart} does.
 */
public final class BitReader {
    /** libjpeg's MIN_GET_BITS for a 64-bit buffer: refill while fewer bits than this are held. */
    private static final int FILL_LIMIT = 57;

    private static final VarHandle BIG_ENDIAN_LONGS =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final ByteSource source;
    private final WarningSink warnings;
    /** The low {@code bitsLeft} bits are unread; the lowest {@code padBits} of them are zero padding. */
    private long buffer;
    private int bitsLeft;
    private int padBits;
    /** The code of a marker met in the data and not yet consumed, or 0. */
    private int unreadMarker;
    private long unreadMarkerOffset;
    private boolean insufficient;
    private int nextRestart;
    private int leftoverBytes;

    public BitReader(ByteSource source, WarningSink warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    /** Starts a scan: empties the buffer, clears the out-of-data flag, expects RST0 next (T.81 B.2.1). */
    public void startScan() {
        buffer = 0;
        bitsLeft = 0;
        padBits = 0;
        insufficient = false;
        unreadMarker = 0;
        nextRestart = 0;
    }

    /** The bytes this reader reads. */
    public ByteSource source() {
        return source;
    }

    /**
     * Starts reading in the middle of a scan, just after its {@code restarts}-th restart marker (counting
     * from 1), as if that marker had just been read: RST({@code restarts} mod 8) is expected next.
     */
    public void startAfterRestart(int restarts) {
        startScan();
        nextRestart = restarts & 7;
    }

    /**
     * Takes over the state of {@code other}, which read the end of this scan from the same bytes, so that
     * this reader ends the scan where {@code other} left it.
     */
    public void adopt(BitReader other) {
        buffer = other.buffer;
        bitsLeft = other.bitsLeft;
        padBits = other.padBits;
        unreadMarker = other.unreadMarker;
        unreadMarkerOffset = other.unreadMarkerOffset;
        insufficient = other.insufficient;
        nextRestart = other.nextRestart;
        source.advance(other.source.offset() - source.offset());
    }

    /**
     * The offsets just after each restart marker of the scan whose entropy-coded data starts at
     * {@code from}, when the scan is clean: exactly {@code expected} markers RST0, RST1, ... in sequence,
     * then another marker before the end of the stream. Otherwise {@code null} (the caller then decodes the
     * scan in one piece, which handles the damage).
     */
    public static long[] restartOffsets(ByteSource source, long from, int expected) {
        byte[] d = source.array();
        int end = d.length;
        if (from >= end) {
            return null;
        }
        long[] out = new long[expected];
        int found = 0;
        int p = (int) from;
        while (p < end) {
            while (p <= end - 8) {
                if (!noMarkerByte((long) BIG_ENDIAN_LONGS.get(d, p))) {
                    break;
                }
                p += 8;
            }
            if (p >= end) {
                break;
            }
            if (d[p] != (byte) 0xFF) {
                p++;
                continue;
            }
            int q = p + 1;
            while (q < end && d[q] == (byte) 0xFF) {
                q++;
            }
            if (q >= end) {
                return null;
            }
            int c = d[q] & 0xFF;
            if (c == 0) {
                p = q + 1;
                continue;
            }
            if (c < 0xD0 || c > 0xD7) {
                return found == expected ? out : null;
            }
            if (found == expected || c != 0xD0 + (found & 7)) {
                return null;
            }
            out[found++] = q + 1;
            p = q + 1;
        }
        return null;
    }

    /**
     * Where a decoder may read the data bytes itself ({@link #data()}) and hand the state back with
     * {@link #commit(long, int, int)}: the position of the next unread byte, or -1 when a marker has been met,
     * zero padding is held, or fewer than {@code margin} bytes are left in the array. The decoder must then
     * handle byte stuffing (T.81 F.1.2.3) and stop at any other 0xFF, leaving markers to this reader.
     */
    public int directPosition(int margin) {
        if (unreadMarker != 0 || padBits != 0) {
            return -1;
        }
        long p = source.offset();
        return p <= source.array().length - margin ? (int) p : -1;
    }

    /** The bytes of the stream, for a decoder reading from {@link #directPosition(int)}. */
    public byte[] data() {
        return source.array();
    }

    /**
     * Takes back the state of a decoder that read from {@link #directPosition(int)}: its {@code n} (0..64)
     * unread bits left-aligned in {@code w}, and the position of the next byte it has not taken.
     */
    public void commit(long w, int n, int position) {
        buffer = n == 0 ? 0 : w >>> (64 - n);
        bitsLeft = n;
        source.advance(position - source.offset());
    }

    /**
     * Whether none of the eight bytes of {@code y} is 0xFF, so that they are eight data bytes with no stuffing
     * and no marker (T.81 F.1.2.3, B.1.1.2).
     */
    public static boolean noMarkerByte(long y) {
        long t = ~y; // a zero byte of t is a 0xFF byte of y
        return ((t - 0x0101010101010101L) & ~t & 0x8080808080808080L) == 0;
    }

    /**
     * For a decoder refilling from {@link #directPosition}: the eight bytes {@code y} at {@code position} hold
     * a 0xFF, and it wants their first {@code count} (1..7). Returns {@code advance << 8 | taken}: take the
     * first {@code taken} bytes of {@code y} as data and move {@code advance} bytes on. That is all
     * {@code count} when the first 0xFF comes after them; else the bytes up to and including it, when a 0x00
     * follows (a stuffed 0xFF, T.81 F.1.2.3, whose 0x00 is skipped). Returns -1 when the 0xFF starts a marker
     * or is a fill byte (B.1.1.2), which only the reader handles.
     */
    public static int stuffedRefill(long y, byte[] data, int position, int count) {
        long t = ~y;
        // Bit 7 of each byte of y that is 0xFF, with no false positives (unlike noMarkerByte's test).
        long ones = ~(((t & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | t | 0x7F7F7F7F7F7F7F7FL);
        int first = Long.numberOfLeadingZeros(ones) >>> 3;
        if (first >= count) {
            return count << 8 | count;
        }
        if (data[position + first + 1] != 0) {
            return -1;
        }
        return (first + 2) << 8 | (first + 1);
    }

    /** True once the data of the current restart interval ran out and zero bits were consumed. */
    public boolean insufficientData() {
        return insufficient;
    }

    /** Offset of the next unread byte of the stream. */
    public long offset() {
        return source.offset();
    }

    private void fill() throws MalformedJpegException {
        while (bitsLeft < FILL_LIMIT && unreadMarker == 0) {
            fillPlainBytes();
            if (bitsLeft >= FILL_LIMIT) {
                return;
            }
            int c = source.read();
            if (c == 0xFF) {
                long at = source.offset() - 1;
                // T.81 B.1.1.2: any number of 0xFF fill bytes may precede a marker.
                do {
                    c = source.read();
                } while (c == 0xFF);
                if (c != 0) {
                    unreadMarker = c;
                    unreadMarkerOffset = at;
                    break;
                }
                // T.81 F.1.2.3: 0xFF 0x00 is a stuffed 0xFF data byte.
                c = 0xFF;
            }
            buffer = (buffer << 8) | c;
            bitsLeft += 8;
        }
    }

    /**
     * The fast part of {@link #fill()}: takes bytes straight from the array while they are neither 0xFF nor
     * past the end, exactly as the byte-by-byte loop would take them.
     */
    private void fillPlainBytes() {
        long at = source.offset();
        byte[] data = source.array();
        if (at >= data.length) {
            return;
        }
        if (at <= data.length - 8) {
            // The bytes the loop would take (enough to reach FILL_LIMIT bits) in one big-endian read.
            int k = (FILL_LIMIT - bitsLeft + 7) >> 3;
            long y = (long) BIG_ENDIAN_LONGS.get(data, (int) at) >>> (64 - 8 * k);
            if (noMarkerByte(y)) { // the unused top bytes of y are 0
                buffer = k == 8 ? y : (buffer << (8 * k)) | y;
                bitsLeft += 8 * k;
                source.advance(k);
                return;
            }
        }
        int p = (int) at;
        int end = Math.min(data.length, p + 8);
        int n = bitsLeft;
        long b = buffer;
        while (n < FILL_LIMIT && p < end) {
            int c = data[p] & 0xFF;
            if (c == 0xFF) {
                break;
            }
            b = (b << 8) | c;
            n += 8;
            p++;
        }
        buffer = b;
        bitsLeft = n;
        source.advance(p - (int) at);
    }

    private void ensure(int n) throws MalformedJpegException {
        if (bitsLeft < n) {
            fill();
            if (bitsLeft < n) {
                // At a marker: pad with zeros, as jdhuff.c jpeg_fill_bit_buffer does.
                int pad = FILL_LIMIT - bitsLeft;
                buffer <<= pad;
                bitsLeft += pad;
                padBits += pad;
            }
        }
    }

    /**
     * Makes at least {@code n} bits (at most {@value #FILL_LIMIT}) held, zero bits beyond the data, for a
     * decoder that reads {@link #heldBits()} itself (consuming with {@link #skipBits(int)} afterwards).
     */
    public void fillTo(int n) throws MalformedJpegException {
        ensure(n);
    }

    /**
     * The bit buffer: its low {@link #bitsHeld()} bits are the next unread bits, most significant first
     * (the bits above them are stale). Lets a decoder keep the buffer in locals over a block and write back
     * once with {@link #skipBits(int)}; valid until the next fill.
     */
    public long heldBits() {
        return buffer;
    }

    /** How many unread bits {@link #heldBits()} holds (data bits, then any zero padding at a marker). */
    public int bitsHeld() {
        return bitsLeft;
    }

    /** The next {@code n} bits (1..16) without consuming them; zeros beyond the data. */
    public int peekBits(int n) throws MalformedJpegException {
        ensure(n);
        return (int) (buffer >>> (bitsLeft - n)) & ((1 << n) - 1);
    }

    /**
     * Consumes {@code n} bits already looked at with {@link #peekBits(int)} or in {@link #heldBits()}; the
     * first consumption that reaches into the zero padding warns and raises {@link #insufficientData()}.
     */
    public void skipBits(int n) throws MalformedJpegException {
        bitsLeft -= n;
        if (bitsLeft < padBits) {
            padBits = bitsLeft;
            if (!insufficient) {
                insufficient = true;
                long at = unreadMarker != 0 ? unreadMarkerOffset : source.offset();
                warnings.warn(at, JpegWarning.Kind.PREMATURE_END_OF_SCAN,
                    "corrupt JPEG data: premature end of data segment");
            }
        }
    }

    /** Reads {@code n} bits (0..16) as an unsigned value. */
    public int getBits(int n) throws MalformedJpegException {
        if (n == 0) {
            return 0;
        }
        int v = peekBits(n);
        skipBits(n);
        return v;
    }

    /**
     * The next byte of arithmetic-coded data (T.81 D.2.6, BYTE_IN), for {@code entropy.ArithmeticDecoder}:
     * a stuffed 0xFF 0x00 pair reads as 0xFF (F.1.2.3), 0xFF fill bytes before a marker are skipped
     * (B.1.1.2), and at a marker, or once one has been met, the byte is 0 and the marker stays unread for
     * the marker reader. Unlike in Huffman data, meeting a marker here is not an error: the encoder's
     * flush (D.1.8) may leave out trailing zero bytes, so no warning is given and no insufficient-data
     * state is entered (libjpeg's {@code jdarith.c} behaves the same). Not to be mixed with the bit methods
     * within one scan.
     */
    public int readArithmeticByte() throws MalformedJpegException {
        if (unreadMarker != 0) {
            return 0;
        }
        int c = source.read();
        if (c != 0xFF) {
            return c;
        }
        long at = source.offset() - 1;
        do {
            c = source.read();
        } while (c == 0xFF);
        if (c == 0) {
            return 0xFF;
        }
        unreadMarker = c;
        unreadMarkerOffset = at;
        return 0;
    }

    /**
     * Reports a bit pattern that is no Huffman code of the table in use (libjpeg JWRN_HUFF_BAD_CODE), at
     * {@link #readPoint()}.
     */
    public void reportBadCode() throws MalformedJpegException {
        warnings.warn(readPoint(), JpegWarning.Kind.BAD_HUFFMAN_CODE, "corrupt JPEG data: bad Huffman code");
    }

    /**
     * The offset of the byte that holds the next unread data bit (the marker's, once the data before it is all
     * read). It depends only on how many bits have been consumed, not on how far the buffer has read ahead.
     */
    public long readPoint() {
        byte[] data = source.array();
        long p = unreadMarker != 0 ? unreadMarkerOffset : Math.min(source.offset(), data.length);
        return walkBack(data, p, (Math.max(0, bitsLeft - padBits) + 7) / 8);
    }

    /**
     * The offset of the first of the last {@code held} data bytes read before offset {@code p}: a stuffed
     * 0xFF 0x00 pair is one of them (T.81 F.1.2.3), with any 0xFF fill bytes before it (read as one 0xFF).
     */
    private static long walkBack(byte[] data, long p, int held) {
        for (; held > 0 && p > 0; held--) {
            if (p >= 2 && data[(int) p - 1] == 0 && data[(int) p - 2] == (byte) 0xFF) {
                p -= 2;
                while (p > 0 && data[(int) p - 1] == (byte) 0xFF) {
                    p--;
                }
            } else {
                p--;
            }
        }
        return p;
    }

    /**
     * Where the next unread data bit is, in bits: 8 times the offset of the byte that holds it
     * ({@link #readPoint()}) plus the bits of that byte already read. Two readers of the same bytes that have
     * read the same data bits give the same position, however far each has read ahead. -1 once zero padding
     * has been consumed ({@link #insufficientData()}).
     */
    public long bitPosition() {
        return bitPosition(source.array(), rawPosition());
    }

    /**
     * {@link #bitPosition()} in a form that is cheap to take (the offset of the next byte to read and the
     * unread data bits held), for {@link #bitPosition(byte[], long)} to turn into the position later; -1 once
     * zero padding has been consumed ({@link #insufficientData()}).
     */
    public long rawPosition() {
        if (insufficient) {
            return -1;
        }
        long p = unreadMarker != 0 ? unreadMarkerOffset : Math.min(source.offset(), source.array().length);
        return p << 7 | (bitsLeft - padBits);
    }

    /**
     * The offset of the first marker at or after {@code from} in entropy-coded data (its first 0xFF, fill
     * bytes included, T.81 B.1.1.2), or {@code data.length} if none: 0xFF 0x00 pairs are stuffed data (F.1.2.3).
     */
    public static int nextMarker(byte[] data, int from) {
        int end = data.length;
        int p = from;
        while (p < end) {
            while (p <= end - 8 && noMarkerByte((long) BIG_ENDIAN_LONGS.get(data, p))) {
                p += 8;
            }
            while (p < end && data[p] != (byte) 0xFF) {
                p++;
            }
            int q = p;
            while (q < end && data[q] == (byte) 0xFF) {
                q++;
            }
            if (q >= end) {
                return end;
            }
            if (data[q] != 0) {
                return p;
            }
            p = q + 1;
        }
        return end;
    }

    /**
     * The first offset at or after {@code at} where a data byte starts in entropy-coded data: not inside a
     * stuffed 0xFF 0x00 pair or a run of fill bytes (T.81 F.1.2.3, B.1.1.2).
     */
    public static int dataByteStart(byte[] data, int at) {
        int p = at;
        while (p > 0 && p < data.length && data[p - 1] == (byte) 0xFF) {
            p++;
        }
        return p;
    }

    /**
     * Whether the data from bit {@link #bitPosition() position} {@code position} on ends the scan cleanly: at
     * most the rest of a byte, then a marker other than RSTm with no fill bytes before it, so that any reader
     * there finds no extraneous bytes and the marker at the same offset. Returns that offset, else -1.
     */
    public static long cleanEnd(byte[] data, long position) {
        if (position < 0) {
            return -1;
        }
        int q = (int) (position >>> 3);
        if ((position & 7) != 0) {
            if (data[q] == (byte) 0xFF) {
                // A stuffed 0xFF (after any fill bytes): its 0x00 ends the data byte.
                while (q < data.length && data[q] == (byte) 0xFF) {
                    q++;
                }
                if (q >= data.length || data[q] != 0) {
                    return -1;
                }
            }
            q++;
        }
        // No fill bytes either: where a reader reports a marker after them depends on how far it read ahead.
        if (q + 1 >= data.length || data[q] != (byte) 0xFF) {
            return -1;
        }
        int code = data[q + 1] & 0xFF;
        return code == 0 || code == 0xFF || (code >= 0xD0 && code <= 0xD7) ? -1 : q;
    }

    /**
     * Ends a scan whose data another reader decoded to a clean end ({@link #cleanEnd}): empties the buffer
     * and moves to the marker at {@code markerOffset}, so the scan ends as if this reader had decoded it.
     */
    public void endScanAt(long markerOffset) {
        buffer = 0;
        bitsLeft = 0;
        padBits = 0;
        unreadMarker = 0;
        insufficient = false;
        source.advance(markerOffset - source.offset());
    }

    /** The {@link #bitPosition()} of a {@link #rawPosition()} taken by a reader of {@code data}, or -1. */
    public static long bitPosition(byte[] data, long raw) {
        if (raw < 0) {
            return -1;
        }
        int unread = (int) (raw & 127);
        return walkBack(data, Math.min(raw >>> 7, data.length), (unread + 7) / 8) * 8 + (-unread & 7);
    }

    /** Reads one bit. */
    public int getBit() throws MalformedJpegException {
        return getBits(1);
    }

    /**
     * Ends a scan: throws away the unread bits and returns the marker met in the data, or 0 if the data
     * ended without meeting one (the marker reader then searches for the next marker).
     */
    public int finishScan() {
        leftoverBytes = (bitsLeft - padBits) / 8;
        bitsLeft = 0;
        padBits = 0;
        int m = unreadMarker;
        unreadMarker = 0;
        return m;
    }

    /**
     * Whole data bytes read ahead but not decoded when the last scan ended; libjpeg counts them as
     * extraneous bytes before the next marker (jdhuff.c finish_pass_huff).
     */
    public int leftoverBytes() {
        return leftoverBytes;
    }

    /** Offset of the marker last met in the data (valid after {@link #finishScan()} returned one). */
    public long markerOffset() {
        return unreadMarkerOffset;
    }

    /**
     * Skips entropy-coded data without decoding it, up to the first marker that is not RSTm, and returns
     * that marker's code (consumed). Used to list a file's markers without decoding.
     *
     * @param restarts whether the scan has a restart interval (T.81 B.2.4.4). Then an invalid marker code
     *                 (0x01..0xBF) is skipped with a warning, as a full decode skips it when it meets it before
     *                 the scan's last restart point: the Huffman decoder stops at it (jdhuff.c) and the restart
     *                 resynchronisation discards it (jdmarker.c jpeg_resync_to_restart). Where the scan's
     *                 restart points lie is known only by decoding, so this accepts the code anywhere in the
     *                 scan, also in the last interval, where a full decode refuses it.
     */
    public int skipEntropyData(boolean restarts) throws MalformedJpegException {
        while (true) {
            int c = source.read();
            if (c != 0xFF) {
                continue;
            }
            long at = source.offset() - 1;
            do {
                c = source.read();
            } while (c == 0xFF);
            if (c == 0 || (c >= 0xD0 && c <= 0xD7)) {
                continue;
            }
            if (restarts && c < 0xC0) {
                if (warnings.wanted(JpegWarning.Kind.RESTART_RESYNC)) {
                    warnings.warn(at, JpegWarning.Kind.RESTART_RESYNC, String.format(
                        "corrupt JPEG data: found marker 0x%02x instead of a restart marker", c));
                } else {
                    warnings.count(JpegWarning.Kind.RESTART_RESYNC);
                }
                continue;
            }
            unreadMarkerOffset = at;
            return c;
        }
    }

    /**
     * Reads the restart marker that ends an interval (T.81 F.2.1.3.1), after discarding the bits left in
     * the buffer. When it is missing or out of sequence, resynchronises as libjpeg's
     * {@code jpeg_resync_to_restart} does: a marker that is one of the next two expected restarts, or not a
     * restart marker at all, is left for later (the data then reads as zeros); an earlier restart number or
     * an invalid marker is skipped and the search goes on; any other RSTn is taken as the one expected.
     */
    public void readRestartMarker() throws MalformedJpegException {
        // jdhuff.c process_restart: whole bytes left in the buffer count as extraneous data.
        int leftover = (bitsLeft - padBits) / 8;
        bitsLeft = 0;
        padBits = 0;
        if (unreadMarker == 0) {
            long at = source.offset();
            unreadMarker = seekMarker(source, warnings, leftover);
            unreadMarkerOffset = at;
        }
        int expected = 0xD0 + nextRestart;
        if (unreadMarker == expected) {
            unreadMarker = 0;
        } else {
            resync();
        }
        nextRestart = (nextRestart + 1) & 7;
        if (unreadMarker == 0) {
            insufficient = false;
        }
    }

    private void resync() throws MalformedJpegException {
        int desired = nextRestart;
        if (warnings.wanted(JpegWarning.Kind.RESTART_RESYNC)) {
            warnings.warn(unreadMarkerOffset, JpegWarning.Kind.RESTART_RESYNC, String.format(
                "corrupt JPEG data: found marker 0x%02x instead of RST%d", unreadMarker, desired));
        } else {
            warnings.count(JpegWarning.Kind.RESTART_RESYNC);
        }
        while (true) {
            int marker = unreadMarker;
            int action;
            if (marker < 0xC0) {
                action = 2; // invalid marker
            } else if (marker < 0xD0 || marker > 0xD7) {
                action = 3; // valid non-restart marker
            } else if (marker == 0xD0 + ((desired + 1) & 7) || marker == 0xD0 + ((desired + 2) & 7)) {
                action = 3; // one of the next two expected restarts
            } else if (marker == 0xD0 + ((desired - 1) & 7) || marker == 0xD0 + ((desired - 2) & 7)) {
                action = 2; // a prior restart, so advance
            } else {
                action = 1; // the desired restart, or too far away
            }
            if (action == 1) {
                unreadMarker = 0;
                return;
            } else if (action == 3) {
                return;
            }
            long at = source.offset();
            unreadMarker = seekMarker(source, warnings, 0);
            unreadMarkerOffset = at;
        }
    }

    /**
     * Finds the next marker from the current position and returns its code, consuming it: skips non-0xFF
     * bytes and stuffed 0xFF 0x00 pairs (warning that they are extraneous, as libjpeg's {@code next_marker}
     * does) and 0xFF fill bytes (legal, T.81 B.1.1.2). At the end of the stream this finds the fake EOI.
     *
     * @param alreadyDiscarded data bytes the caller skipped just before, counted in the warning
     */
    public static int seekMarker(ByteSource source, WarningSink warnings, int alreadyDiscarded)
        throws MalformedJpegException {
        long start = source.offset() - alreadyDiscarded;
        long discarded = alreadyDiscarded;
        int c;
        while (true) {
            c = source.read();
            while (c != 0xFF) {
                discarded++;
                c = source.read();
            }
            do {
                c = source.read();
            } while (c == 0xFF);
            if (c != 0) {
                break;
            }
            discarded += 2;
        }
        if (discarded != 0) {
            if (warnings.wanted(JpegWarning.Kind.EXTRANEOUS_DATA)) {
                warnings.warn(start, JpegWarning.Kind.EXTRANEOUS_DATA, String.format(
                    "corrupt JPEG data: %d extraneous bytes before marker 0x%02x", discarded, c));
            } else {
                warnings.count(JpegWarning.Kind.EXTRANEOUS_DATA);
            }
        }
        return c;
    }
}
