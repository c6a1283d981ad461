package org.opennessledger.licences;

/** A licence expression that does not parse or names an unknown id; the message says what and where. */
public class InvalidLicenceExpression extends IllegalArgumentException {

    private final int position;

    public InvalidLicenceExpression(String message, int position) {
        super(message);
        this.position = position;
    }

    /** Zero-based character offset of the problem in the expression. */
    public int position() {
        return position;
    }
}
