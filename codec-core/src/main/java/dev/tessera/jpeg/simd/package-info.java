/**
 * Run-time choices that depend on the machine: the Vector API kernels or the scalar code ({@link
 * dev.tessera.jpeg.simd.VectorSupport}), and the thread count of an automatic decode or encode ({@link
 * dev.tessera.jpeg.simd.AutoThreads}). A leaf that the stage and driver packages read, importing nothing of
 * Tessera.
 */
package dev.tessera.jpeg.simd;
