package dev.tessera.jpeg.imageio;

import static dev.tessera.jpeg.imageio.NativeTree.child;
import static dev.tessera.jpeg.imageio.NativeTree.children;
import static dev.tessera.jpeg.imageio.NativeTree.intAttribute;

import java.util.Objects;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Merges a native tree into another with the JDK's rules: the JFIF segment's attributes are replaced, tables
 * replace the table of the same id (and class), {@code sof}, {@code sos}, {@code dri} and {@code app14Adobe}
 * replace or merge into the existing segment, {@code com} and {@code unknown} segments are added. Numeric
 * attributes are checked, so an invalid tree fails with {@link IIOInvalidTreeException}.
 */
final class NativeMerge {
    private NativeMerge() {
    }

    static void merge(IIOMetadataNode target, Node source) throws IIOInvalidTreeException {
        for (Node n = source.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeName()) {
                case "JPEGvariety" -> mergeVariety(NativeTree.variety(target), n);
                case "markerSequence" -> mergeMarkers(NativeTree.markers(target), n);
                default -> throw new IIOInvalidTreeException("unexpected element " + n.getNodeName(), n);
            }
        }
    }

    private static void mergeVariety(IIOMetadataNode target, Node source) throws IIOInvalidTreeException {
        Node jfif = child(source, "app0JFIF");
        if (jfif == null) {
            return;
        }
        intAttribute(jfif, "resUnits", 0, 2, 0);
        intAttribute(jfif, "Xdensity", 1, 65535, 1);
        intAttribute(jfif, "Ydensity", 1, 65535, 1);
        IIOMetadataNode existing = child(target, "app0JFIF");
        if (existing == null) {
            target.appendChild(copy(jfif));
            return;
        }
        copyAttributes(jfif, existing);
        for (Node c = jfif.getFirstChild(); c != null; c = c.getNextSibling()) {
            IIOMetadataNode old = child(existing, c.getNodeName());
            if (old != null) {
                existing.removeChild(old);
            }
            existing.appendChild(copy(c));
        }
    }

    private static void mergeMarkers(IIOMetadataNode target, Node source) throws IIOInvalidTreeException {
        for (Node n = source.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeName()) {
                case "dqt" -> mergeTables(target, n, "dqt", "dqtable");
                case "dht" -> mergeTables(target, n, "dht", "dhtable");
                case "sof" -> {
                    for (IIOMetadataNode spec : children(n, "componentSpec")) {
                        intAttribute(spec, "HsamplingFactor", 1, 4, 1);
                        intAttribute(spec, "VsamplingFactor", 1, 4, 1);
                        intAttribute(spec, "QtableSelector", 0, 3, 0);
                    }
                    intAttribute(n, "process", 0, 2, 0);
                    replaceOrMerge(target, n, "componentSpec", "componentId");
                }
                case "sos" -> replaceOrMerge(target, n, "scanComponentSpec", "componentSelector");
                case "dri" -> {
                    intAttribute(n, "interval", 0, 65535, 0);
                    replaceOrMerge(target, n, null, null);
                }
                case "app14Adobe" -> {
                    intAttribute(n, "transform", 0, 2, 0);
                    replaceOrMerge(target, n, null, null);
                }
                case "com" -> target.appendChild(copy(n));
                case "unknown" -> {
                    intAttribute(n, "MarkerTag", 0, 255, 0);
                    target.appendChild(copy(n));
                }
                case "dac" -> throw new IIOInvalidTreeException("arithmetic coding (dac) is not supported", n);
                default -> throw new IIOInvalidTreeException("unexpected marker element " + n.getNodeName(), n);
            }
        }
    }

    /** Each table replaces the existing table with the same id (and class); new ones join the last segment. */
    private static void mergeTables(IIOMetadataNode target, Node source, String segment, String entry)
        throws IIOInvalidTreeException {
        for (IIOMetadataNode table : children(source, entry)) {
            int id = intAttribute(table, entry.equals("dqtable") ? "qtableId" : "htableId", 0, 3, 0);
            int tableClass = entry.equals("dhtable") ? intAttribute(table, "class", 0, 1, 0) : 0;
            IIOMetadataNode replaced = null;
            for (IIOMetadataNode old : entries(target, segment, entry)) {
                int oldId = intAttribute(old, entry.equals("dqtable") ? "qtableId" : "htableId", 0, 3, 0);
                int oldClass = entry.equals("dhtable") ? intAttribute(old, "class", 0, 1, 0) : 0;
                if (oldId == id && oldClass == tableClass) {
                    replaced = old;
                }
            }
            if (replaced != null) {
                replaced.getParentNode().replaceChild(copy(table), replaced);
                continue;
            }
            java.util.List<IIOMetadataNode> segments = children(target, segment);
            IIOMetadataNode holder;
            if (segments.isEmpty()) {
                holder = new IIOMetadataNode(segment);
                insertBeforeFrame(target, holder);
            } else {
                holder = segments.get(segments.size() - 1);
            }
            holder.appendChild(copy(table));
        }
    }

    private static java.util.List<IIOMetadataNode> entries(IIOMetadataNode markers, String segment,
                                                           String entry) {
        java.util.List<IIOMetadataNode> out = new java.util.ArrayList<>();
        for (IIOMetadataNode s : children(markers, segment)) {
            out.addAll(children(s, entry));
        }
        return out;
    }

    /** Tables are defined before the frame header, as T.81 B.2.4 requires for their use. */
    private static void insertBeforeFrame(IIOMetadataNode markers, IIOMetadataNode node) {
        IIOMetadataNode sof = child(markers, "sof");
        if (sof != null) {
            markers.insertBefore(node, sof);
        } else {
            markers.appendChild(node);
        }
    }

    /**
     * Merges attributes into the existing element of the same name (and, with {@code childName}, children
     * matched on {@code key}), or inserts a copy: {@code sof}, {@code dri} and {@code app14Adobe} before the
     * first {@code sos}, {@code sos} at the end.
     */
    private static void replaceOrMerge(IIOMetadataNode markers, Node source, String childName, String key) {
        IIOMetadataNode existing = child(markers, source.getNodeName());
        if (existing == null) {
            IIOMetadataNode sos = child(markers, "sos");
            if (sos != null && !source.getNodeName().equals("sos")) {
                markers.insertBefore(copy(source), sos);
            } else {
                markers.appendChild(copy(source));
            }
            return;
        }
        copyAttributes(source, existing);
        if (childName == null) {
            return;
        }
        for (IIOMetadataNode c : children(source, childName)) {
            String id = c.getAttribute(key);
            IIOMetadataNode match = null;
            for (IIOMetadataNode old : children(existing, childName)) {
                if (Objects.equals(old.getAttribute(key), id)) {
                    match = old;
                }
            }
            if (match != null) {
                copyAttributes(c, match);
            } else {
                existing.appendChild(copy(c));
            }
        }
    }

    private static void copyAttributes(Node from, IIOMetadataNode to) {
        NamedNodeMap attributes = from.getAttributes();
        for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            to.setAttribute(a.getNodeName(), a.getNodeValue());
        }
        if (from instanceof IIOMetadataNode m && m.getUserObject() != null) {
            to.setUserObject(m.getUserObject());
        }
    }

    /**
     * A deep copy as {@link IIOMetadataNode}s, keeping attributes and user objects, whatever DOM the source
     * uses. ({@code IIOMetadataNode.cloneNode} drops attributes.)
     */
    static IIOMetadataNode copy(Node source) {
        IIOMetadataNode out = new IIOMetadataNode(source.getNodeName());
        copyAttributes(source, out);
        for (Node c = source.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                out.appendChild(copy(c));
            }
        }
        return out;
    }
}
