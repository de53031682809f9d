package dev.dlvaudit.api;

/** What a check is evaluated for: the host once per run, or each audited database. */
public enum Scope {
    HOST, DATABASE
}
