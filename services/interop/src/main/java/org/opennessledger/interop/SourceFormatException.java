package org.opennessledger.interop;

/** A file an importer cannot take, with the line (1-based, 0 when unknown) and the reason. */
public final class SourceFormatException extends Exception {

    private final int line;

    public SourceFormatException(int line, String reason) {
        super((line > 0 ? "line " + line + ": " : "") + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
