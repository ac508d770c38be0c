package dev.tusk.errors.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorClassPlanTest {

  private static Map<String, ErrorClass> bySqlState(List<ErrorCode> codes) {
    return ErrorClassPlan.of(codes).stream()
        .collect(Collectors.toMap(c -> c.code().sqlState(), Function.identity()));
  }

  @Test
  void camelCasesConditionNames() {
    assertEquals("UniqueViolation", ErrorClassPlan.camelCase("unique_violation"));
    assertEquals("SqlJsonArrayNotFound", ErrorClassPlan.camelCase("sql_json_array_not_found"));
    assertEquals("UnterminatedCString", ErrorClassPlan.camelCase("unterminated_c_string"));
  }

  @Test
  void genericCodesExtendTheDbApiClassAndOthersTheirGenericCode() {
    Map<String, ErrorClass> plan =
        bySqlState(
            List.of(
                new ErrorCode("23000", "integrity_constraint_violation"),
                new ErrorCode("23505", "unique_violation"),
                new ErrorCode("23502", "not_null_violation"),
                new ErrorCode("57014", "query_canceled")));
    assertEquals("IntegrityError", plan.get("23000").parent());
    assertEquals(List.of("UniqueViolation", "NotNullViolation"), plan.get("23000").children());
    assertEquals("IntegrityConstraintViolation", plan.get("23505").parent());
    assertEquals(List.of(), plan.get("23505").children());
    // No generic 57000 in this list: the DB-API class of class 57.
    assertEquals("OperationalError", plan.get("57014").parent());
  }

  @Test
  void suffixesARepeatedConditionNameWithItsGenericCodesLeadingWords() {
    Map<String, ErrorClass> plan =
        bySqlState(
            List.of(
                new ErrorCode("2F000", "sql_routine_exception"),
                new ErrorCode("2F002", "modifying_sql_data_not_permitted"),
                new ErrorCode("38000", "external_routine_exception"),
                new ErrorCode("38002", "modifying_sql_data_not_permitted"),
                new ErrorCode("39000", "external_routine_invocation_exception"),
                new ErrorCode("39002", "modifying_sql_data_not_permitted")));
    assertEquals("ModifyingSqlDataNotPermitted", plan.get("2F002").name());
    assertEquals("ModifyingSqlDataNotPermittedExternal", plan.get("38002").name());
    assertEquals("ModifyingSqlDataNotPermittedExternalRoutine", plan.get("39002").name());
  }

  @Test
  void appendsTheSqlStateToANameTakenByAHandWrittenClass() {
    Map<String, ErrorClass> plan =
        bySqlState(
            List.of(
                new ErrorCode("XX000", "internal_error"),
                new ErrorCode("XX001", "data_corrupted")));
    assertEquals("InternalErrorXx000", plan.get("XX000").name());
    assertEquals("InternalError", plan.get("XX000").parent());
    assertEquals("InternalErrorXx000", plan.get("XX001").parent());
  }

  @Test
  void failsWhenNoSuffixMakesANameUnique() {
    List<ErrorCode> codes =
        List.of(new ErrorCode("99001", "same_name"), new ErrorCode("99002", "same_name"));
    var error = assertThrows(IllegalStateException.class, () -> ErrorClassPlan.of(codes));
    assertEquals(
        "No unique class name for ErrorCode[sqlState=99002, conditionName=same_name]",
        error.getMessage());
  }

  @Test
  void mapsSqlStateClassesToDbApiClasses() {
    assertEquals("OperationalError", DbApiBase.of("08"));
    assertEquals("NotSupportedError", DbApiBase.of("0A"));
    assertEquals("DataError", DbApiBase.of("22"));
    assertEquals("InternalError", DbApiBase.of("25"));
    assertEquals("ProgrammingError", DbApiBase.of("P0"));
    assertEquals("DatabaseError", DbApiBase.of("03"));
    assertEquals("DatabaseError", DbApiBase.of("ZZ"));
  }
}
