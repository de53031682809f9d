/**
 * The check API: everything a check, built-in or plugin, depends on.
 *
 * <p>A check is a class implementing {@link dev.dlvaudit.api.Check}, annotated with
 * {@link dev.dlvaudit.api.CheckSpec}, listed in {@code META-INF/services/dev.dlvaudit.api.Check}.
 * It reads facts through {@link dev.dlvaudit.api.CheckContext#fact} and thresholds through
 * {@link dev.dlvaudit.api.CheckContext#settings}, and returns {@link dev.dlvaudit.api.Finding}s.
 * Guarantees made by the engine: each check runs isolated with a time limit; an exception
 * becomes that check's ERROR result and the other checks still run; the policy's severity
 * override and waivers are applied after the check returns; a fact is read once per run (per
 * database for database facts) and shared by every check that asks.
 *
 * <p>A plugin is a jar holding such classes and their service files, compiled against this
 * package alone and dropped into a check directory ({@code checks/} next to the installed jar,
 * {@code /etc/dlv-audit/checks.d}, or {@code --checks-dir}). Each plugin jar gets a class loader of
 * its own whose parent is the tool's; it may add {@link dev.dlvaudit.api.FactProvider}s for fact
 * types it defines, not for the tool's. The repository's {@code checks/README.md} is the guide.
 */
package dev.dlvaudit.api;
