package dev.surge.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** {@link PlainText}: the length before anything else, then one pass over the chars. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {
  private int min;
  private int max;
  private boolean multiline;

  @Override
  public void initialize(PlainText annotation) {
    min = annotation.min();
    max = annotation.max();
    multiline = annotation.multiline();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    String reason;
    if (Texts.longerThan(value, max)) {
      reason = "must be at most " + max + " characters";
    } else if (min > 0 && (value.codePoints().count() < min || Texts.isBlank(value))) {
      reason = "must be at least " + min + " visible characters";
    } else {
      reason = Texts.problem(value, multiline);
    }
    if (reason == null) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
    return false;
  }
}
