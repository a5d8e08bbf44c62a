package dev.tessera.metrics;

import java.awt.image.BufferedImage;

/**
 * SSIMULACRA 2.1 (Structural SIMilarity Unveiling Local And Compression Related Artifacts), the perceptual
 * metric of J. Sneyers (Cloudinary, 2022, retuned April 2023 as version 2.1), as published in the
 * {@code cloudinary/ssimulacra2} repository and libjxl's {@code tools/ssimulacra2.cc}.
 *
 * <p>Score: 100 for identical images, about 90 visually lossless, 70 high quality, 50 medium, 30 low; it falls
 * below 0 for very strong distortion. Not symmetric: the first image is the original.
 *
 * <p>Method, at each of 6 scales (1:1 to 1:32, each a 2x2 box average of the previous in linear RGB; a scale is
 * computed only while the previous one is at least 8x8):
 * <ol>
 *   <li>both images to the rescaled XYB space of {@link Xyb};</li>
 *   <li>per channel, Gaussian means (sigma 1.5, {@link CosineGaussianBlur}) of each image, of their squares and
 *       of their product;</li>
 *   <li>an SSIM error map 1 - SSIM' where SSIM' drops the luminance term's denominator:
 *       SSIM' = (1 - (mu1 - mu2)^2) (2 sigma12 + C2) / (sigma1^2 + sigma2^2 + C2), C2 = 0.0009, clamped at 0;</li>
 *   <li>two edge maps from d = (1 + |img2 - mu2|) / (1 + |img1 - mu1|) - 1: artifacts max(d, 0) (ringing,
 *       blocking, banding) and lost detail max(-d, 0) (blur, smoothing);</li>
 *   <li>each of the 3 maps pooled by the 1-norm (mean) and the 4-norm (fourth root of the mean fourth power).</li>
 * </ol>
 * The 108 pooled values (3 channels x 6 scales x 2 norms x 3 maps) are weighted, summed and mapped to the score
 * by the published cubic and power law.
 *
 * <p>Input: the 8-bit sRGB samples of each image (see {@link SrgbPixels}), decoded with the exact sRGB transfer
 * function; alpha is ignored (the reference tool blends it over grey).
 */
public final class Ssimulacra2 {
    private static final int SCALES = 6;
    private static final int MIN_SIZE = 8;
    private static final double C2 = 0.0009;
    private static final double SIGMA = 1.5;

    /**
     * The published SSIMULACRA 2.1 weights, in the order the tool reads them: for each channel (X, Y, B), each
     * scale (1:1 first), each norm (1-norm, then 4-norm): SSIM, artifact, detail lost.
     */
    private static final double[] WEIGHTS = {
        // X
        0.0, 0.0007376606707406586, 0.0, 0.0, 0.0007793481682867309, 0.0,
        0.0, 0.0004371155730107379, 0.0, 1.1041726426657346, 0.00066284834129271, 0.00015231632783718752,
        0.0, 0.0016406437456599754, 0.0, 1.8422455520539298, 11.441172603757666, 0.0,
        0.0007989109436015163, 0.000176816438078653, 0.0, 1.8787594979546387, 10.94906990605142, 0.0,
        0.0007289346991508072, 0.9677937080626833, 0.0, 0.00014003424285435884, 0.9981766977854967,
        0.00031949755934435053,
        0.0004550992113792063, 0.0, 0.0, 0.0013648766163243398, 0.0, 0.0,
        // Y
        0.0, 0.0, 0.0, 7.466890328078848, 0.0, 17.445833984131262,
        0.0006235601634041466, 0.0, 0.0, 6.683678146179332, 0.00037724407979611296, 1.027889937768264,
        225.20515300849274, 0.0, 0.0, 19.213238186143016, 0.0011401524586618361, 0.001237755635509985,
        176.39317598450694, 0.0, 0.0, 24.43300999870476, 0.28520802612117757, 0.0004485436923833408,
        0.0, 0.0, 0.0, 34.77906344483772, 44.835625328877896, 0.0,
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
        // B
        0.0, 0.0008680556573291698, 0.0, 0.0, 0.0, 0.0,
        0.0, 0.0005313191874358747, 0.0, 0.00016533814161379112, 0.0, 0.0,
        0.0, 0.0, 0.0, 0.0004179171803251336, 0.0017290828234722833, 0.0,
        0.0020827005846636437, 0.0, 0.0, 8.826982764996862, 23.19243343998926, 0.0,
        95.1080498811086, 0.9863978034400682, 0.9834382792465353, 0.0012286405048278493, 171.2667255897307,
        0.9807858872435379,
        0.0, 0.0, 0.0, 0.0005130064588990679, 0.0, 0.00010854057858411537,
    };

    private Ssimulacra2() {
    }

    /**
     * The SSIMULACRA 2.1 score of {@code distorted} against {@code original}: 100 when equal, lower is worse,
     * unbounded below. Images smaller than 8x8 have no scale to compare and score 100, as in the reference tool.
     *
     * @throws IllegalArgumentException when the sizes differ
     */
    public static double score(BufferedImage original, BufferedImage distorted) {
        SrgbPixels.checkSameSize(original, distorted);
        int w = original.getWidth();
        int h = original.getHeight();
        LinearRgbImage a = LinearRgbImage.fromSrgb(SrgbPixels.read(original), w, h);
        LinearRgbImage b = LinearRgbImage.fromSrgb(SrgbPixels.read(distorted), w, h);
        return score(a, b);
    }

    static double score(LinearRgbImage original, LinearRgbImage distorted) {
        Scratch scratch = new Scratch(original.width * original.height);
        double[][][] pooled = new double[SCALES][][];
        int scales = 0;
        LinearRgbImage a = original;
        LinearRgbImage b = distorted;
        for (int scale = 0; scale < SCALES; scale++) {
            // The tool stops when the previous scale was smaller than 8 in either direction.
            if (a.width < MIN_SIZE || a.height < MIN_SIZE) {
                break;
            }
            if (scale > 0) {
                a = a.halved();
                b = b.halved();
            }
            pooled[scale] = compareScale(Xyb.positiveXyb(a), Xyb.positiveXyb(b), a.width, a.height, scratch);
            scales++;
        }
        return mapToScore(weightedSum(pooled, scales));
    }

    /**
     * The 6 pooled values of each channel at one scale, in weight order: 1-norms of SSIM error, artifact and
     * detail lost, then their 4-norms.
     */
    private static double[][] compareScale(float[][] img1, float[][] img2, int width, int height,
        Scratch s) {
        int n = width * height;
        double[][] out = new double[3][];
        for (int c = 0; c < 3; c++) {
            float[] p1 = img1[c];
            float[] p2 = img2[c];
            s.blur.apply(p1, s.mu1, s.temp, width, height);
            s.blur.apply(p2, s.mu2, s.temp, width, height);
            product(p1, p1, s.product, n);
            s.blur.apply(s.product, s.sigma11, s.temp, width, height);
            product(p2, p2, s.product, n);
            s.blur.apply(s.product, s.sigma22, s.temp, width, height);
            product(p1, p2, s.product, n);
            s.blur.apply(s.product, s.sigma12, s.temp, width, height);

            double ssim1 = 0;
            double ssim4 = 0;
            double artifact1 = 0;
            double artifact4 = 0;
            double lost1 = 0;
            double lost4 = 0;
            for (int i = 0; i < n; i++) {
                double mu1 = s.mu1[i];
                double mu2 = s.mu2[i];
                double diff = mu1 - mu2;
                double numM = 1.0 - diff * diff;
                double numS = 2 * (s.sigma12[i] - mu1 * mu2) + C2;
                double denS = (s.sigma11[i] - mu1 * mu1) + (s.sigma22[i] - mu2 * mu2) + C2;
                double d = Math.max(1.0 - numM * numS / denS, 0.0);
                ssim1 += d;
                ssim4 += fourth(d);

                double edge = (1.0 + Math.abs(p2[i] - s.mu2[i])) / (1.0 + Math.abs(p1[i] - s.mu1[i])) - 1.0;
                if (edge > 0) {
                    artifact1 += edge;
                    artifact4 += fourth(edge);
                } else {
                    lost1 -= edge;
                    lost4 += fourth(edge);
                }
            }
            double inv = 1.0 / n;
            out[c] = new double[] {
                ssim1 * inv, artifact1 * inv, lost1 * inv,
                Math.sqrt(Math.sqrt(ssim4 * inv)), Math.sqrt(Math.sqrt(artifact4 * inv)),
                Math.sqrt(Math.sqrt(lost4 * inv)),
            };
        }
        return out;
    }

    /**
     * Sum of weight x |pooled value|. The weight index runs on over channels and scales actually computed, so
     * with fewer than 6 scales (images under 256 pixels on a side) later channels read shifted weights; this
     * reproduces the reference tool exactly.
     */
    private static double weightedSum(double[][][] pooled, int scales) {
        double sum = 0;
        int i = 0;
        for (int c = 0; c < 3; c++) {
            for (int scale = 0; scale < scales; scale++) {
                for (double v : pooled[scale][c]) {
                    sum += WEIGHTS[i++] * Math.abs(v);
                }
            }
        }
        return sum;
    }

    /** The published mapping of the weighted sum to the 100-point scale. */
    private static double mapToScore(double weighted) {
        double s = weighted * 0.9562382616834844;
        s = 2.326765642916932 * s - 0.020884521182843837 * s * s + 6.248496625763138e-05 * s * s * s;
        return s > 0 ? 100.0 - 10.0 * Math.pow(s, 0.6276336467831387) : 100.0;
    }

    private static void product(float[] a, float[] b, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * b[i];
        }
    }

    private static double fourth(double x) {
        double x2 = x * x;
        return x2 * x2;
    }

    /** Planes reused across channels and scales, sized for the first (largest) scale. */
    private static final class Scratch {
        final CosineGaussianBlur blur = new CosineGaussianBlur(SIGMA);
        final float[] mu1;
        final float[] mu2;
        final float[] sigma11;
        final float[] sigma22;
        final float[] sigma12;
        final float[] product;
        final float[] temp;

        Scratch(int n) {
            mu1 = new float[n];
            mu2 = new float[n];
            sigma11 = new float[n];
            sigma22 = new float[n];
            sigma12 = new float[n];
            product = new float[n];
            temp = new float[n];
        }
    }
}
