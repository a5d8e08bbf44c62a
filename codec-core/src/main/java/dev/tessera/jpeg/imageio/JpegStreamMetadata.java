package dev.tessera.jpeg.imageio;

import dev.tessera.jpeg.spec.ZigZag;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormat;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;
import org.w3c.dom.Node;

/**
 * Stream metadata in the JDK's format {@value #FORMAT}: the tables of a tables-only image (T.81 B.5, "abbreviated
 * format for table-specification data") at the start of a stream of abbreviated images. The reader returns it
 * for such a stream and decodes the images that follow with its tables; the writer writes it in
 * {@code prepareWriteSequence}. Its tree holds {@code dqt} and {@code dht} under the root, as jpeg_metadata.html's
 * stream DTD says; other segments of a tables-only image are kept as they are.
 */
public final class JpegStreamMetadata extends IIOMetadata {
    static final String FORMAT = "javax_imageio_jpeg_stream_1.0";
    private static final int DQT = 0xDB;
    private static final int DHT = 0xC4;

    private IIOMetadataNode initial;
    private IIOMetadataNode root;

    JpegStreamMetadata(IIOMetadataNode root) {
        super(true, FORMAT, JpegStreamMetadataFormat.class.getName(), null, null);
        this.root = root;
        this.initial = NativeMerge.copy(root);
    }

    /** The default tables (T.81 Annex K, quantization tables scaled to IJG quality 75), as the JDK's writer. */
    static JpegStreamMetadata defaults() {
        return of(new JPEGQTable[] {JPEGQTable.K1Div2Luminance, JPEGQTable.K2Div2Chrominance},
            new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance},
            new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance});
    }

    static JpegStreamMetadata of(JPEGQTable[] q, JPEGHuffmanTable[] dc, JPEGHuffmanTable[] ac) {
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        IIOMetadataNode dqt = new IIOMetadataNode("dqt");
        for (int i = 0; i < q.length; i++) {
            dqt.appendChild(NativeTree.qtable(i, q[i]));
        }
        root.appendChild(dqt);
        IIOMetadataNode dht = new IIOMetadataNode("dht");
        for (int i = 0; i < dc.length; i++) {
            dht.appendChild(NativeTree.htable(0, i, dc[i]));
        }
        for (int i = 0; i < ac.length; i++) {
            dht.appendChild(NativeTree.htable(1, i, ac[i]));
        }
        root.appendChild(dht);
        return new JpegStreamMetadata(root);
    }

    /** Stream metadata from another plugin's (the JDK's), through its native stream tree; null if it has none. */
    static JpegStreamMetadata convert(IIOMetadata in) throws IIOInvalidTreeException {
        if (in instanceof JpegStreamMetadata ours) {
            return ours;
        }
        if (in == null || in.getNativeMetadataFormatName() == null || !FORMAT.equals(in.getNativeMetadataFormatName())) {
            return null;
        }
        JpegStreamMetadata out = new JpegStreamMetadata(new IIOMetadataNode(FORMAT));
        out.setFromTree(FORMAT, in.getAsTree(FORMAT));
        return out;
    }

    /** The quantization tables, by id (null where the stream defines none). */
    JPEGQTable[] qTables() {
        JPEGQTable[] out = new JPEGQTable[4];
        for (IIOMetadataNode t : tables("dqt", "dqtable")) {
            if (t.getUserObject() instanceof JPEGQTable q) {
                out[Integer.parseInt(t.getAttribute("qtableId"))] = q;
            }
        }
        return out;
    }

    /** The Huffman tables of one class (0 DC, 1 AC), by id (null where none). */
    JPEGHuffmanTable[] hTables(int tableClass) {
        JPEGHuffmanTable[] out = new JPEGHuffmanTable[4];
        for (IIOMetadataNode t : tables("dht", "dhtable")) {
            if (t.getUserObject() instanceof JPEGHuffmanTable h
                && Integer.parseInt(t.getAttribute("class")) == tableClass) {
                out[Integer.parseInt(t.getAttribute("htableId"))] = h;
            }
        }
        return out;
    }

    boolean hasTables() {
        return !tables("dqt", "dqtable").isEmpty() || !tables("dht", "dhtable").isEmpty();
    }

    private List<IIOMetadataNode> tables(String segment, String entry) {
        List<IIOMetadataNode> out = new ArrayList<>();
        for (IIOMetadataNode s : NativeTree.children(root, segment)) {
            out.addAll(NativeTree.children(s, entry));
        }
        return out;
    }

    /** The DQT and DHT segments (T.81 B.2.4.1, B.2.4.2), marker included, in the tree's order. */
    byte[] tableSegments() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("dqt".equals(n.getNodeName())) {
                for (IIOMetadataNode t : NativeTree.children(n, "dqtable")) {
                    if (t.getUserObject() instanceof JPEGQTable q) {
                        int[] natural = q.getTable();
                        int precision = 0;
                        for (int v : natural) {
                            precision |= v > 255 ? 1 : 0;
                        }
                        body.write(precision << 4 | Integer.parseInt(t.getAttribute("qtableId")));
                        for (int k = 0; k < 64; k++) {
                            int v = natural[ZigZag.toNatural(k)];
                            if (precision == 1) {
                                body.write(v >> 8);
                            }
                            body.write(v);
                        }
                    }
                }
                segment(out, DQT, body.toByteArray());
            } else if ("dht".equals(n.getNodeName())) {
                for (IIOMetadataNode t : NativeTree.children(n, "dhtable")) {
                    if (t.getUserObject() instanceof JPEGHuffmanTable h) {
                        body.write(Integer.parseInt(t.getAttribute("class")) << 4
                            | Integer.parseInt(t.getAttribute("htableId")));
                        for (short count : h.getLengths()) {
                            body.write(count);
                        }
                        for (short value : h.getValues()) {
                            body.write(value);
                        }
                    }
                }
                segment(out, DHT, body.toByteArray());
            }
        }
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        if (body.length == 0) {
            return;
        }
        out.write(0xFF);
        out.write(marker);
        out.write((body.length + 2) >> 8);
        out.write(body.length + 2);
        out.writeBytes(body);
    }

    /**
     * The tables of the DQT and DHT segments of a tables-only image (its bytes from SOI to EOI), or null if
     * a segment is malformed.
     */
    static JpegStreamMetadata parse(byte[] data, int from, int to) {
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        int p = from + 2;
        try {
            while (p + 4 <= to && (data[p] & 0xFF) == 0xFF) {
                int marker = data[p + 1] & 0xFF;
                if (marker == 0xD9) {
                    break;
                }
                int length = (data[p + 2] & 0xFF) << 8 | (data[p + 3] & 0xFF);
                int end = p + 2 + length;
                if (length < 2 || end > to) {
                    return null;
                }
                int q = p + 4;
                if (marker == DQT) {
                    IIOMetadataNode dqt = new IIOMetadataNode("dqt");
                    while (q < end) {
                        int precision = (data[q] & 0xFF) >> 4;
                        int id = data[q] & 0x0F;
                        int[] natural = new int[64];
                        q++;
                        for (int k = 0; k < 64; k++) {
                            natural[ZigZag.toNatural(k)] = precision == 0 ? data[q++] & 0xFF
                                : (data[q++] & 0xFF) << 8 | (data[q++] & 0xFF);
                        }
                        dqt.appendChild(NativeTree.qtable(id, new JPEGQTable(natural)));
                    }
                    root.appendChild(dqt);
                } else if (marker == DHT) {
                    IIOMetadataNode dht = new IIOMetadataNode("dht");
                    while (q < end) {
                        int tableClass = (data[q] & 0xFF) >> 4;
                        int id = data[q] & 0x0F;
                        short[] lengths = new short[16];
                        int count = 0;
                        for (int i = 0; i < 16; i++) {
                            lengths[i] = (short) (data[q + 1 + i] & 0xFF);
                            count += lengths[i];
                        }
                        short[] values = new short[count];
                        for (int i = 0; i < count; i++) {
                            values[i] = (short) (data[q + 17 + i] & 0xFF);
                        }
                        q += 17 + count;
                        dht.appendChild(NativeTree.htable(tableClass, id, new JPEGHuffmanTable(lengths, values)));
                    }
                    root.appendChild(dht);
                }
                p = end;
            }
        } catch (RuntimeException e) {
            // Out of range or a table JPEGHuffmanTable/JPEGQTable refuses: not usable tables.
            return null;
        }
        return new JpegStreamMetadata(root);
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public IIOMetadataFormat getMetadataFormat(String formatName) {
        if (FORMAT.equals(formatName)) {
            return JpegStreamMetadataFormat.getInstance();
        }
        return super.getMetadataFormat(formatName);
    }

    @Override
    public Node getAsTree(String formatName) {
        checkFormat(formatName);
        return FORMAT.equals(formatName) ? NativeMerge.copy(root) : getStandardTree();
    }

    @Override
    public void mergeTree(String formatName, Node tree) throws IIOInvalidTreeException {
        checkFormat(formatName);
        if (tree == null) {
            throw new IllegalArgumentException("root must not be null");
        }
        if (!FORMAT.equals(formatName)) {
            return; // the standard tree says nothing about tables
        }
        if (!FORMAT.equals(tree.getNodeName())) {
            throw new IIOInvalidTreeException("root must be " + FORMAT + ", found " + tree.getNodeName(), tree);
        }
        IIOMetadataNode merged = NativeMerge.copy(root);
        for (Node n = tree.getFirstChild(); n != null; n = n.getNextSibling()) {
            String name = n.getNodeName();
            if (!List.of("dqt", "dht", "dri", "com", "unknown").contains(name)) {
                throw new IIOInvalidTreeException("not a stream metadata element: " + name, n);
            }
            merged.appendChild(NativeMerge.copy((IIOMetadataNode) n));
        }
        root = merged;
    }

    @Override
    public void setFromTree(String formatName, Node tree) throws IIOInvalidTreeException {
        checkFormat(formatName);
        IIOMetadataNode kept = root;
        root = new IIOMetadataNode(FORMAT);
        try {
            mergeTree(formatName, tree);
        } catch (IIOInvalidTreeException | RuntimeException e) {
            root = kept;
            throw e;
        }
    }

    @Override
    public void reset() {
        root = NativeMerge.copy(initial);
    }

    private void checkFormat(String formatName) {
        if (formatName == null) {
            throw new IllegalArgumentException("formatName must not be null");
        }
        if (!FORMAT.equals(formatName) && !IIOMetadataFormatImpl.standardMetadataFormatName.equals(formatName)) {
            throw new IllegalArgumentException("unsupported metadata format: " + formatName);
        }
    }
}
