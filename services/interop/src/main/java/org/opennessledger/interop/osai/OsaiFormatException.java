package org.opennessledger.interop.osai;

/** A model file the OSAI reader cannot take, with the line (1-based, 0 when unknown) and the reason. */
public final class OsaiFormatException extends Exception {

    private final int line;

    public OsaiFormatException(int line, String reason) {
        super((line > 0 ? "line " + line + ": " : "") + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
