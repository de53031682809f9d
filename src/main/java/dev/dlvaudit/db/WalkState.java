package dev.dlvaudit.db;

/** Whether the page-level facts (named DBIs, free list, node layout) could be read. */
public enum WalkState {
    /** Walked, and the meta did not move in a way that could invalidate the walk. */
    COMPLETE,
    /** Not read, by design: DLMDB format 2 (no fixture proves a walk right yet), no valid meta, unknown version. */
    NOT_AVAILABLE,
    /** The walk hit damage (a page beyond the file, a corrupt page): see the problems. */
    FAILED,
    /** A writer kept committing while the walk ran: retried, still moving. */
    INCONSISTENT
}
