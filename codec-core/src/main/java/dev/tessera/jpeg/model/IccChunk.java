package dev.tessera.jpeg.model;

/**
 * One APP2 "ICC_PROFILE" chunk (ICC.1 Annex B.4): a profile too large for one segment is split into
 * numbered chunks.
 *
 * @param sequence 1-based chunk number
 * @param count    total number of chunks
 * @param offset   byte offset of the segment's marker in the stream
 * @param length   payload bytes in this chunk
 */
public record IccChunk(int sequence, int count, long offset, int length) {
}
