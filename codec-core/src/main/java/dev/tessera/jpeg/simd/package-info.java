/**
 * The run-time choice between the Vector API kernels and the scalar code ({@link
 * dev.tessera.jpeg.simd.VectorSupport}): a leaf that the stage packages read, importing nothing of Tessera.
 */
package dev.tessera.jpeg.simd;
