package dev.tessera.jpeg.imageio;

/**
 * Reads a system property that gives the threads ImageIO reads or writes start from: {@code auto} (or unset,
 * blank or invalid) for the automatic count, 0, else a whole number from 1 to {@code max}.
 */
final class ThreadsProperty {
    private ThreadsProperty() {
    }

    /** The value of property {@code name}: 1..{@code max}, else 0 (automatic). */
    static int read(String name, int max) {
        String value;
        try {
            value = System.getProperty(name);
        } catch (SecurityException e) {
            return 0;
        }
        if (value == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n >= 1 && n <= max ? n : 0;
        } catch (NumberFormatException e) {
            return 0; // "auto", blank or not a number
        }
    }
}
