package dev.dlvaudit.datalevin;

/**
 * A value this auditor does not decode: a nippy type id outside the supported subset, a
 * length or count that runs past the end of the bytes, or nesting deeper than the limit.
 * It is reported as such ("unsupported value"), never guessed at.
 *
 * @param typeId the type id (nippy) or header byte (Datalevin typed) at {@code offset}, -1 if none
 * @param offset where in the value's bytes decoding stopped
 * @param reason what was wrong, in a few words
 */
public record Unsupported(int typeId, int offset, String reason) {

    @Override
    public String toString() {
        return "unsupported value (" + reason + (typeId >= 0 ? ", type id " + typeId : "")
                + " at byte " + offset + ")";
    }
}
