package dev.dlvaudit.db;

/** One key/value pair of a DBI, with a prefix-compressed key expanded and an overflow value read. */
public record KeyValue(byte[] key, byte[] value) {
}
