package dev.tessera.cli;

import dev.tessera.jpeg.model.ImageMetadata;
import java.awt.image.BufferedImage;

/**
 * An input image ready for the encoder: pixels, the metadata to write, and the name of the format read.
 *
 * @param image    pixels; when {@code metadata} carries an ICC profile, the raw values in that profile's space
 * @param metadata what the output carries ({@link ImageMetadata#NONE} with {@code --strip-metadata})
 * @param format   the ImageIO format name, lower case ("png", "jpeg", ...)
 */
public record SourceImage(BufferedImage image, ImageMetadata metadata, String format) {
}
