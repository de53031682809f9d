/**
 * The check API: everything a check, built-in or plugin, depends on.
 *
 * <p>A check is a class implementing {@link dev.dlvaudit.api.Check}, annotated with
 * {@link dev.dlvaudit.api.CheckSpec}, listed in {@code META-INF/services/dev.dlvaudit.api.Check}.
 * It reads facts through {@link dev.dlvaudit.api.CheckContext#fact} and thresholds through
 * {@link dev.dlvaudit.api.CheckContext#settings}, and returns {@link dev.dlvaudit.api.Finding}s.
 * Guarantees made by the engine: each check runs isolated with a time limit; an exception
 * becomes that check's ERROR result and the other checks still run; the policy's severity
 * override and waivers are applied after the check returns.
 */
package dev.dlvaudit.api;
