package dev.surge.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text field checked without a regex, length first: at most {@code max} code points, at least
 * {@code min}, not only whitespace when {@code min > 0}, no control character (line breaks and tabs
 * only when {@code multiline}) and no unpaired surrogate. Null is valid (combine with
 * {@code @NotNull}). Replaces {@code @Size} + {@code @Pattern}, whose regex ran on any length and
 * overflowed the stack on a few thousand characters.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {
  String message() default "must be plain text of the allowed length";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Fewest code points; above 0, whitespace alone does not count as text. */
  int min() default 0;

  /** Most code points. */
  int max();

  /** Whether line feed, carriage return and tab are allowed. */
  boolean multiline() default false;
}
