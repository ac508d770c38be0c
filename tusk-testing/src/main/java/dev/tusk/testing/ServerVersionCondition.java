package dev.tusk.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresServerVersion} against the test server. */
final class ServerVersionCondition implements ExecutionCondition {

  ServerVersionCondition() {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context
        .getElement()
        .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresServerVersion.class))
        .map(required -> evaluate(required.min()))
        .orElse(ConditionEvaluationResult.enabled("no @RequiresServerVersion"));
  }

  private static ConditionEvaluationResult evaluate(int min) {
    int actual = PostgresServer.get().serverVersionNum();
    String comparison = "server_version_num " + actual + ", required " + min;
    return actual >= min
        ? ConditionEvaluationResult.enabled(comparison)
        : ConditionEvaluationResult.disabled(comparison);
  }
}
