package dev.tessera.jpeg.spec;

/**
 * Marker codes of T.81 Table B.1 (the second byte, after the 0xFF prefix).
 */
public enum Marker {
    SOF0(0xC0, "baseline DCT"),
    SOF1(0xC1, "extended sequential DCT, Huffman"),
    SOF2(0xC2, "progressive DCT, Huffman"),
    SOF3(0xC3, "lossless, Huffman"),
    DHT(0xC4, "define Huffman tables"),
    SOF5(0xC5, "differential sequential DCT, Huffman"),
    SOF6(0xC6, "differential progressive DCT, Huffman"),
    SOF7(0xC7, "differential lossless, Huffman"),
    JPG(0xC8, "reserved for JPEG extensions"),
    SOF9(0xC9, "extended sequential DCT, arithmetic"),
    SOF10(0xCA, "progressive DCT, arithmetic"),
    SOF11(0xCB, "lossless, arithmetic"),
    DAC(0xCC, "define arithmetic conditioning"),
    SOF13(0xCD, "differential sequential DCT, arithmetic"),
    SOF14(0xCE, "differential progressive DCT, arithmetic"),
    SOF15(0xCF, "differential lossless, arithmetic"),
    RST0(0xD0, "restart 0"), RST1(0xD1, "restart 1"), RST2(0xD2, "restart 2"), RST3(0xD3, "restart 3"),
    RST4(0xD4, "restart 4"), RST5(0xD5, "restart 5"), RST6(0xD6, "restart 6"), RST7(0xD7, "restart 7"),
    SOI(0xD8, "start of image"),
    EOI(0xD9, "end of image"),
    SOS(0xDA, "start of scan"),
    DQT(0xDB, "define quantization tables"),
    DNL(0xDC, "define number of lines"),
    DRI(0xDD, "define restart interval"),
    DHP(0xDE, "define hierarchical progression"),
    EXP(0xDF, "expand reference components"),
    APP0(0xE0, "application 0"), APP1(0xE1, "application 1"), APP2(0xE2, "application 2"),
    APP3(0xE3, "application 3"), APP4(0xE4, "application 4"), APP5(0xE5, "application 5"),
    APP6(0xE6, "application 6"), APP7(0xE7, "application 7"), APP8(0xE8, "application 8"),
    APP9(0xE9, "application 9"), APP10(0xEA, "application 10"), APP11(0xEB, "application 11"),
    APP12(0xEC, "application 12"), APP13(0xED, "application 13"), APP14(0xEE, "application 14"),
    APP15(0xEF, "application 15"),
    COM(0xFE, "comment"),
    TEM(0x01, "temporary private use in arithmetic coding");

    private static final Marker[] BY_CODE = new Marker[256];

    static {
        for (Marker m : values()) {
            BY_CODE[m.code] = m;
        }
    }

    private final int code;
    private final String description;

    Marker(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The marker's second byte, 0x01..0xFE. */
    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The marker for a code byte, or {@code null} for reserved codes (JPGn 0xF0..0xFD, RES 0x02..0xBF). */
    public static Marker of(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }

    /** T.81 B.1.1.3: RSTm and the standalone markers carry no length field. */
    public boolean isStandalone() {
        return this == SOI || this == EOI || this == TEM || isRestart();
    }

    public boolean isRestart() {
        return code >= 0xD0 && code <= 0xD7;
    }

    /** True for the 13 start-of-frame markers SOF0..SOF15 (T.81 B.1.1.3), excluding DHT, JPG and DAC. */
    public boolean isStartOfFrame() {
        return code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
    }

    public boolean isApplication() {
        return code >= 0xE0 && code <= 0xEF;
    }
}
