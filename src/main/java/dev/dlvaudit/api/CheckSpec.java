package dev.dlvaudit.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a check is, kept beside its code so that {@code list}, {@code explain}, the man page
 * and every report show the same text. Every {@link Check} class carries one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CheckSpec {
    /** Stable id, {@code area.name} in lower case with hyphens. Never renamed once published. */
    String id();

    /** One line, shown in listings and report headings. */
    String title();

    Severity severity();

    Scope scope();

    /** Why the check matters, in a few sentences. */
    String rationale();

    /** The files, processes or options the check reads. */
    String reads();

    /** The default thresholds and the policy keys that change them. */
    String thresholds() default "";

    /** How to fix a violation, in general terms; each finding carries the exact command. */
    String fix();

    /** Where the facts behind the check come from (documentation, source files). */
    String[] sources() default {};
}
