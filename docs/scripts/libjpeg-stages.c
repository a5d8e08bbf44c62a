/*
 * Per-stage CPU time of the system libjpeg (libjpeg-turbo 2.1.5 on Debian: the library behind the JDK 17
 * ImageIO plugin), for comparison with Tessera's stage profile in docs/performance.md.
 *
 * Each stage is measured as the difference of two libjpeg calls that share everything else:
 *   decode:  entropy      = jpeg_read_raw_data at scale 1/8 (Huffman decoding; a 1x1 IDCT is the DC alone)
 *            + IDCT       = jpeg_read_raw_data     (Huffman + dequantization + IDCT, no upsampling/colour)
 *            + colour     = jpeg_read_scanlines    (everything, RGB output as the JDK plugin asks for)
 *   encode:  entropy      = jpeg_write_coefficients (Huffman coding of the file's own coefficients)
 *            + FDCT/quant = jpeg_write_raw_data     (from already downsampled YCbCr planes)
 *            + colour     = jpeg_write_scanlines    (from RGB rows: colour conversion and downsampling too)
 * Timing is thread CPU time (CLOCK_THREAD_CPUTIME_ID), so other processes on the machine change it little;
 * each figure is the median of the rounds, in ms per image and ns per pixel.
 *
 * Build and run:
 *   gcc -O2 -o /tmp/libjpeg-stages docs/scripts/libjpeg-stages.c -ljpeg
 *   /tmp/libjpeg-stages FILE.jpg [rounds] [quality]
 * FILE.jpg is decoded as it is; the encode figures re-encode its pixels (4:2:0 or the file's sampling) at the
 * quality given (default 90), with the Annex K Huffman tables and again with optimized ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <jpeglib.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *values, int count) {
  qsort(values, count, sizeof(double), compare_doubles);
  return count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

static unsigned char *file_bytes;
static unsigned long file_size;
static int width, height, components;

/* Decode modes. */
enum { ENTROPY, RAW, PIXELS };

static double decode(int mode, unsigned char *rgb) {
  struct jpeg_decompress_struct d;
  struct jpeg_error_mgr err;
  d.err = jpeg_std_error(&err);
  double start = now_ms();
  jpeg_create_decompress(&d);
  jpeg_mem_src(&d, file_bytes, file_size);
  jpeg_read_header(&d, TRUE);
  if (mode == ENTROPY || mode == RAW) {
    if (mode == ENTROPY) {
      d.scale_num = 1;
      d.scale_denom = 8;
    }
    d.raw_data_out = TRUE;
    jpeg_start_decompress(&d);
    int rows_per_call = d.max_v_samp_factor * d.min_DCT_scaled_size;
    JSAMPARRAY planes[MAX_COMPONENTS];
    JSAMPROW *row_space = malloc(sizeof(JSAMPROW) * rows_per_call * d.num_components);
    for (int c = 0; c < d.num_components; c++) {
      jpeg_component_info *info = &d.comp_info[c];
      int rows = info->v_samp_factor * info->DCT_scaled_size;
      int stride = info->width_in_blocks * info->DCT_scaled_size;
      planes[c] = row_space + c * rows_per_call;
      for (int r = 0; r < rows; r++) {
        planes[c][r] = malloc(stride);
      }
    }
    while (d.output_scanline < d.output_height) {
      jpeg_read_raw_data(&d, planes, rows_per_call);
    }
    for (int c = 0; c < d.num_components; c++) {
      for (int r = 0; r < d.comp_info[c].v_samp_factor * d.comp_info[c].DCT_scaled_size; r++) {
        free(planes[c][r]);
      }
    }
    free(row_space);
  } else {
    d.out_color_space = d.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_start_decompress(&d);
    int stride = d.output_width * d.output_components;
    while (d.output_scanline < d.output_height) {
      JSAMPROW row = rgb + (size_t)d.output_scanline * stride;
      jpeg_read_scanlines(&d, &row, 1);
    }
  }
  jpeg_finish_decompress(&d);
  jpeg_destroy_decompress(&d);
  return now_ms() - start;
}

/* Encode modes. */
enum { FROM_COEFFICIENTS, FROM_RAW, FROM_PIXELS };

static int h_samp[3], v_samp[3];
static int quality = 90;

static void set_sampling(struct jpeg_compress_struct *c) {
  for (int i = 0; i < c->num_components; i++) {
    c->comp_info[i].h_samp_factor = h_samp[i];
    c->comp_info[i].v_samp_factor = v_samp[i];
  }
}

static double encode(int mode, int optimize, unsigned char *rgb, JSAMPARRAY *planes,
                     unsigned char **out, unsigned long *out_size) {
  struct jpeg_compress_struct c;
  struct jpeg_error_mgr err;
  c.err = jpeg_std_error(&err);
  double start;
  if (mode == FROM_COEFFICIENTS) {
    struct jpeg_decompress_struct d;
    struct jpeg_error_mgr derr;
    d.err = jpeg_std_error(&derr);
    jpeg_create_decompress(&d);
    jpeg_mem_src(&d, file_bytes, file_size);
    jpeg_read_header(&d, TRUE);
    jvirt_barray_ptr *coefficients = jpeg_read_coefficients(&d);
    /* Force the coefficients into memory before the clock starts. */
    for (int ci = 0; ci < d.num_components; ci++) {
      jpeg_component_info *info = &d.comp_info[ci];
      for (JDIMENSION row = 0; row < info->height_in_blocks; row += info->v_samp_factor) {
        (*d.mem->access_virt_barray)((j_common_ptr)&d, coefficients[ci], row, info->v_samp_factor, FALSE);
      }
    }
    start = now_ms();
    jpeg_create_compress(&c);
    jpeg_mem_dest(&c, out, out_size);
    jpeg_copy_critical_parameters(&d, &c);
    c.optimize_coding = optimize;
    jpeg_write_coefficients(&c, coefficients);
    jpeg_finish_compress(&c);
    double elapsed = now_ms() - start;
    jpeg_destroy_compress(&c);
    jpeg_finish_decompress(&d);
    jpeg_destroy_decompress(&d);
    return elapsed;
  }
  start = now_ms();
  jpeg_create_compress(&c);
  jpeg_mem_dest(&c, out, out_size);
  c.image_width = width;
  c.image_height = height;
  c.input_components = components;
  c.in_color_space = components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, quality, TRUE);
  set_sampling(&c);
  c.optimize_coding = optimize;
  if (mode == FROM_RAW) {
    c.raw_data_in = TRUE;
    jpeg_start_compress(&c, TRUE);
    int rows_per_call = c.max_v_samp_factor * DCTSIZE;
    JSAMPARRAY slices[MAX_COMPONENTS];
    while (c.next_scanline < c.image_height) {
      for (int i = 0; i < c.num_components; i++) {
        int first = c.next_scanline * c.comp_info[i].v_samp_factor / c.max_v_samp_factor;
        slices[i] = planes[i] + first;
      }
      jpeg_write_raw_data(&c, slices, rows_per_call);
    }
  } else {
    jpeg_start_compress(&c, TRUE);
    int stride = width * components;
    while (c.next_scanline < c.image_height) {
      JSAMPROW row = rgb + (size_t)c.next_scanline * stride;
      jpeg_write_scanlines(&c, &row, 1);
    }
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  return now_ms() - start;
}

/* The decoder's raw planes for the encoder's raw-data input, padded to whole iMCU rows. */
static JSAMPARRAY *raw_planes(void) {
  struct jpeg_decompress_struct d;
  struct jpeg_error_mgr err;
  d.err = jpeg_std_error(&err);
  jpeg_create_decompress(&d);
  jpeg_mem_src(&d, file_bytes, file_size);
  jpeg_read_header(&d, TRUE);
  d.raw_data_out = TRUE;
  jpeg_start_decompress(&d);
  JSAMPARRAY *planes = calloc(MAX_COMPONENTS, sizeof(JSAMPARRAY));
  int rows_per_call = d.max_v_samp_factor * DCTSIZE;
  int imcu_rows = (d.output_height + rows_per_call - 1) / rows_per_call;
  for (int c = 0; c < d.num_components; c++) {
    jpeg_component_info *info = &d.comp_info[c];
    int rows = imcu_rows * info->v_samp_factor * DCTSIZE;
    planes[c] = malloc(sizeof(JSAMPROW) * rows);
    for (int r = 0; r < rows; r++) {
      planes[c][r] = calloc(info->width_in_blocks * DCTSIZE + DCTSIZE * 4, 1);
    }
  }
  JSAMPARRAY slices[MAX_COMPONENTS];
  for (int imcu = 0; d.output_scanline < d.output_height; imcu++) {
    for (int c = 0; c < d.num_components; c++) {
      slices[c] = planes[c] + imcu * d.comp_info[c].v_samp_factor * DCTSIZE;
    }
    jpeg_read_raw_data(&d, slices, rows_per_call);
  }
  jpeg_finish_decompress(&d);
  jpeg_destroy_decompress(&d);
  return planes;
}

static void report(const char *stage, double ms) {
  printf("  %-44s %8.2f ms  %6.2f ns/pixel\n", stage, ms, ms * 1e6 / ((double)width * height));
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE.jpg [rounds] [quality]\n", argv[0]);
    return 2;
  }
  int rounds = argc > 2 ? atoi(argv[2]) : 21;
  if (argc > 3) {
    quality = atoi(argv[3]);
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  fseek(f, 0, SEEK_END);
  file_size = ftell(f);
  fseek(f, 0, SEEK_SET);
  file_bytes = malloc(file_size);
  if (fread(file_bytes, 1, file_size, f) != file_size) {
    perror(argv[1]);
    return 1;
  }
  fclose(f);

  struct jpeg_decompress_struct d;
  struct jpeg_error_mgr err;
  d.err = jpeg_std_error(&err);
  jpeg_create_decompress(&d);
  jpeg_mem_src(&d, file_bytes, file_size);
  jpeg_read_header(&d, TRUE);
  width = d.image_width;
  height = d.image_height;
  components = d.num_components == 1 ? 1 : 3;
  for (int i = 0; i < d.num_components && i < 3; i++) {
    h_samp[i] = d.comp_info[i].h_samp_factor;
    v_samp[i] = d.comp_info[i].v_samp_factor;
  }
  int progressive = d.progressive_mode;
  jpeg_destroy_decompress(&d);

  unsigned char *rgb = malloc((size_t)width * height * components);
  double *times[6];
  for (int m = 0; m < 6; m++) {
    times[m] = malloc(sizeof(double) * rounds);
  }
  for (int warm = 0; warm < 3; warm++) {
    decode(PIXELS, rgb);
  }
  for (int r = 0; r < rounds; r++) {
    times[0][r] = decode(ENTROPY, NULL);
    times[1][r] = decode(RAW, NULL);
    times[2][r] = decode(PIXELS, rgb);
  }
  double coefficients = median(times[0], rounds);
  double raw = median(times[1], rounds);
  double pixels = median(times[2], rounds);
  printf("%s: %dx%d, %d components, %s, libjpeg-turbo %d\n", argv[1], width, height, components,
         progressive ? "progressive" : "sequential", LIBJPEG_TURBO_VERSION_NUMBER);
  printf("decode (median of %d rounds, thread CPU time)\n", rounds);
  report("entropy decoding (raw data at 1/8 scale)", coefficients);
  report("dequantize + IDCT (read_raw_data - above)", raw - coefficients);
  report("upsample + colour (read_scanlines - above)", pixels - raw);
  report("total (read_scanlines)", pixels);
  printf("  = %.1f MP/s\n", (double)width * height / 1e3 / pixels);

  if (!progressive) {
    JSAMPARRAY *planes = raw_planes();
    for (int optimize = 0; optimize <= 1; optimize++) {
      unsigned char *out = NULL;
      unsigned long out_size = 0;
      for (int r = 0; r < rounds; r++) {
        times[3][r] = encode(FROM_COEFFICIENTS, optimize, NULL, NULL, &out, &out_size);
        times[4][r] = encode(FROM_RAW, optimize, NULL, planes, &out, &out_size);
        times[5][r] = encode(FROM_PIXELS, optimize, rgb, NULL, &out, &out_size);
      }
      free(out);
      double entropy = median(times[3], rounds);
      double from_raw = median(times[4], rounds);
      double from_pixels = median(times[5], rounds);
      printf("encode q%d, %s Huffman tables (median of %d rounds)\n", quality,
             optimize ? "optimized" : "Annex K", rounds);
      report("entropy coding (write_coefficients)", entropy);
      report("FDCT + quantize (write_raw_data - above)", from_raw - entropy);
      report("colour + downsample (write_scanlines - above)", from_pixels - from_raw);
      report("total (write_scanlines)", from_pixels);
      printf("  = %.1f MP/s\n", (double)width * height / 1e3 / from_pixels);
    }
  }
  return 0;
}
