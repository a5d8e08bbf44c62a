package dev.tessera.jpeg.imageio;

import dev.tessera.jpeg.model.ComponentSpec;
import dev.tessera.jpeg.model.HuffmanDefinition;
import dev.tessera.jpeg.model.ImageInfo;
import dev.tessera.jpeg.model.JfifHeader;
import dev.tessera.jpeg.model.MarkerSegment;
import dev.tessera.jpeg.model.QuantTable;
import dev.tessera.jpeg.model.ScanComponent;
import dev.tessera.jpeg.model.ScanHeader;
import dev.tessera.jpeg.spec.Marker;
import java.awt.color.ICC_Profile;
import java.util.Arrays;
import java.util.List;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;

/**
 * Builds the native tree for a decoded stream from the decoder's {@link ImageInfo}: the JFIF header (with the
 * ICC profile) in {@code JPEGvariety}, and every other segment before the frame's end in stream order in
 * {@code markerSequence}, as the JDK's reader lays it out. Tables, frame and scans come from the decoder's
 * records; opaque segments (COM, unknown APPn) carry their payload bytes.
 */
final class ReaderMetadata {
    private static final int APP0 = 0xE0;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int DHT = 0xC4;
    private static final int DQT = 0xDB;
    private static final int DRI = 0xDD;
    private static final int SOS = 0xDA;
    private static final int COM = 0xFE;

    private ReaderMetadata() {
    }

    static JpegMetadata build(ImageInfo info, byte[] data) {
        IIOMetadataNode tree = NativeTree.empty();
        IIOMetadataNode markers = NativeTree.markers(tree);
        JfifHeader jfif = info.jfif();
        if (jfif != null) {
            IIOMetadataNode node = NativeTree.jfif(jfif.units().code(), jfif.xDensity(), jfif.yDensity());
            node.setAttribute("majorVersion", Integer.toString(jfif.majorVersion()));
            node.setAttribute("minorVersion", Integer.toString(jfif.minorVersion()));
            byte[] icc = info.metadata().iccProfile();
            if (icc != null) {
                try {
                    IIOMetadataNode profile = new IIOMetadataNode("app2ICC");
                    profile.setUserObject(ICC_Profile.getInstance(icc));
                    node.appendChild(profile);
                } catch (IllegalArgumentException e) {
                    // Not a profile the JDK can parse: the tree leaves it out, as the JDK's reader does.
                }
            }
            NativeTree.variety(tree).appendChild(node);
        }

        int quantIndex = 0;
        int huffmanIndex = 0;
        int scanIndex = 0;
        boolean frameSeen = false;
        boolean adobeSeen = false;
        boolean jfifSeen = false;
        for (MarkerSegment segment : info.segments()) {
            int code = segment.code();
            int payloadStart = (int) segment.offset() + 4;
            int payloadLength = Math.max(0, segment.length() - 2);
            if (segment.length() == 0 || payloadStart + payloadLength > data.length) {
                continue; // SOI, EOI, RSTm, or a segment cut off by the end of the stream
            }
            if (code == DQT) {
                IIOMetadataNode dqt = new IIOMetadataNode("dqt");
                // T.81 B.2.4.1: each table is Pq/Tq and 64 values of 1 or 2 bytes.
                for (int at = 0; at < payloadLength && quantIndex < info.quantTables().size(); quantIndex++) {
                    int precision = (data[payloadStart + at] & 0xF0) >> 4;
                    ImageInfo.QuantSlot slot = info.quantTables().get(quantIndex);
                    dqt.appendChild(qtable(slot.slot(), slot.table()));
                    at += 1 + 64 * (precision + 1);
                }
                markers.appendChild(dqt);
            } else if (code == DHT) {
                IIOMetadataNode dht = new IIOMetadataNode("dht");
                // T.81 B.2.4.2: each table is Tc/Th, 16 counts and as many symbols as they add up to.
                for (int at = 0; at + 17 <= payloadLength && huffmanIndex < info.huffmanTables().size();
                     huffmanIndex++) {
                    int symbols = 0;
                    for (int i = 1; i <= 16; i++) {
                        symbols += data[payloadStart + at + i] & 0xFF;
                    }
                    HuffmanDefinition definition = info.huffmanTables().get(huffmanIndex);
                    if (definition.spec() != null) {
                        IIOMetadataNode table = htable(definition);
                        if (table != null) {
                            dht.appendChild(table);
                        }
                    }
                    at += 17 + symbols;
                }
                markers.appendChild(dht);
            } else if (isFrame(code) && !frameSeen) {
                frameSeen = true;
                markers.appendChild(sof(info));
            } else if (code == SOS && scanIndex < info.scans().size()) {
                markers.appendChild(sos(info.scans().get(scanIndex++)));
            } else if (code == DRI && payloadLength >= 2) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(u16(data, payloadStart)));
                markers.appendChild(dri);
            } else if (code == COM) {
                byte[] text = Arrays.copyOfRange(data, payloadStart, payloadStart + payloadLength);
                IIOMetadataNode com = NativeTree.comment(new String(text, java.nio.charset.StandardCharsets.ISO_8859_1));
                com.setUserObject(text);
                markers.appendChild(com);
            } else if (code == APP14 && info.adobe() != null && !adobeSeen && "Adobe".equals(segment.label())) {
                adobeSeen = true;
                IIOMetadataNode adobe = NativeTree.adobe(info.adobe().transform());
                adobe.setAttribute("version", Integer.toString(info.adobe().version()));
                adobe.setAttribute("flags0", Integer.toString(info.adobe().flags0()));
                adobe.setAttribute("flags1", Integer.toString(info.adobe().flags1()));
                markers.appendChild(adobe);
            } else if (code == APP0 && jfif != null && !jfifSeen && "JFIF".equals(segment.label())) {
                jfifSeen = true; // in JPEGvariety, with the size of its thumbnail (T.871 10.1)
                if (payloadLength >= 14) {
                    IIOMetadataNode node = NativeTree.child(NativeTree.variety(tree), "app0JFIF");
                    node.setAttribute("thumbWidth", Integer.toString(data[payloadStart + 12] & 0xFF));
                    node.setAttribute("thumbHeight", Integer.toString(data[payloadStart + 13] & 0xFF));
                }
            } else if (code == APP0 && jfif != null && jfifSeen && payloadLength >= 6
                && Thumbnails.startsWith(data, payloadStart, "JFXX\0")) {
                // app0JFIF/JFXX/app0JFXX, as jpeg_metadata.html places JFIF extension segments.
                IIOMetadataNode node = NativeTree.child(NativeTree.variety(tree), "app0JFIF");
                IIOMetadataNode jfxx = NativeTree.child(node, "JFXX");
                if (jfxx == null) {
                    jfxx = new IIOMetadataNode("JFXX");
                    node.insertBefore(jfxx, node.getFirstChild()); // before app2ICC, as in the DTD
                }
                jfxx.appendChild(extension(data, payloadStart, payloadLength));
            } else if (code == APP2 && jfif != null && segment.label().startsWith("ICC_PROFILE")) {
                continue; // in app0JFIF/app2ICC
            } else if (code >= APP0 && code <= 0xEF) {
                markers.appendChild(NativeTree.unknown(code,
                    Arrays.copyOfRange(data, payloadStart, payloadStart + payloadLength)));
            }
        }
        return new JpegMetadata(tree);
    }

    /** An {@code app0JFXX} node: the extension code and the thumbnail's size or, coded as JPEG, its markers. */
    private static IIOMetadataNode extension(byte[] data, int start, int length) {
        int code = data[start + 5] & 0xFF;
        IIOMetadataNode extension = NativeTree.element("app0JFXX", "extensionCode", Integer.toString(code));
        if (code == 0x10) {
            IIOMetadataNode thumb = new IIOMetadataNode("JFIFthumbJPEG");
            byte[] jpeg = Arrays.copyOfRange(data, start + 6, start + length);
            try {
                JpegMetadata inner = build(new dev.tessera.jpeg.JpegDecoder().readInfo(jpeg), jpeg);
                thumb.appendChild(NativeMerge.copy(NativeTree.markers(inner.nativeTree())));
            } catch (java.io.IOException | RuntimeException e) {
                // A thumbnail that does not parse: the node without its markers.
            }
            extension.appendChild(thumb);
        } else if ((code == 0x11 || code == 0x13) && length >= 8) {
            extension.appendChild(NativeTree.element(code == 0x11 ? "JFIFthumbPalette" : "JFIFthumbRGB",
                "thumbWidth", Integer.toString(data[start + 6] & 0xFF),
                "thumbHeight", Integer.toString(data[start + 7] & 0xFF)));
        }
        return extension;
    }


    private static boolean isFrame(int code) {
        return code >= 0xC0 && code <= 0xCF && code != DHT && code != 0xC8 && code != 0xCC;
    }

    private static IIOMetadataNode qtable(int slot, QuantTable table) {
        return NativeTree.qtable(slot, new JPEGQTable(table.toNaturalArray()));
    }

    private static IIOMetadataNode htable(HuffmanDefinition definition) {
        int[] counts = definition.spec().counts();
        int[] symbols = definition.spec().symbols();
        short[] lengths = new short[16];
        short[] values = new short[symbols.length];
        for (int i = 0; i < 16; i++) {
            lengths[i] = (short) counts[i];
        }
        for (int i = 0; i < symbols.length; i++) {
            values[i] = (short) symbols[i];
        }
        try {
            return NativeTree.htable(definition.ac() ? 1 : 0, definition.slot(), new JPEGHuffmanTable(lengths, values));
        } catch (IllegalArgumentException e) {
            return null; // a table the JDK's class refuses (for one, a code of all one bits)
        }
    }

    private static IIOMetadataNode sof(ImageInfo info) {
        List<ComponentSpec> components = info.components();
        int n = components.size();
        int[] h = new int[n];
        int[] v = new int[n];
        int[] ids = new int[n];
        int[] tables = new int[n];
        for (int c = 0; c < n; c++) {
            ComponentSpec spec = components.get(c);
            h[c] = spec.horizontalSampling();
            v[c] = spec.verticalSampling();
            ids[c] = spec.id();
            tables[c] = spec.quantTableSlot();
        }
        // The tree knows processes 0 (baseline), 1 (extended) and 2 (progressive).
        int process = info.progressive() ? 2 : info.process() == Marker.SOF0 ? 0 : 1;
        IIOMetadataNode sof = NativeTree.sof(process, info.width(), info.height(), h, v, ids, tables);
        sof.setAttribute("samplePrecision", Integer.toString(info.precision()));
        return sof;
    }

    private static IIOMetadataNode sos(ScanHeader scan) {
        int n = scan.components().size();
        IIOMetadataNode sos = NativeTree.sos(new int[0], new int[0], scan.spectralStart(), scan.spectralEnd(),
            scan.approxHigh(), scan.approxLow());
        sos.setAttribute("numScanComponents", Integer.toString(n));
        for (ScanComponent c : scan.components()) {
            sos.appendChild(NativeTree.element("scanComponentSpec", "componentSelector",
                Integer.toString(c.componentId()), "dcHuffTable", Integer.toString(c.dcTableSlot()),
                "acHuffTable", Integer.toString(c.acTableSlot())));
        }
        return sos;
    }

    private static int u16(byte[] data, int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }
}
