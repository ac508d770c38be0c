package dev.tusk.errors.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrcodesFileTest {

  @Test
  void keepsNamedErrorsInFileOrder() {
    List<String> lines =
        List.of(
            "# comment",
            "",
            "Section: Class 01 - Warning",
            "01000    W    ERRCODE_WARNING                 warning",
            "Section: Class 00 - Successful Completion",
            "00000    S    ERRCODE_SUCCESSFUL_COMPLETION   successful_completion",
            "Section: Class 23 - Integrity Constraint Violation",
            "  23505    E    ERRCODE_UNIQUE_VIOLATION      unique_violation  ",
            "23000    E    ERRCODE_INTEGRITY_CONSTRAINT_VIOLATION integrity_constraint_violation",
            "23000    E    ERRCODE_ALIAS_WITHOUT_CONDITION_NAME");
    assertEquals(
        List.of(
            new ErrorCode("23505", "unique_violation"),
            new ErrorCode("23000", "integrity_constraint_violation")),
        ErrcodesFile.errors(lines));
  }

  @Test
  void rejectsLinesOfUnknownShape() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ErrcodesFile.errors(List.of("2350    E    ERRCODE_X    x")));
    assertEquals(
        "Unexpected line in errcodes.txt: 2350    E    ERRCODE_X    x", error.getMessage());
  }

  @Test
  void rejectsASqlStateListedTwiceWithNames() {
    List<String> lines = List.of("23505 E ERRCODE_A first_name", "23505 E ERRCODE_B second_name");
    var error = assertThrows(IllegalArgumentException.class, () -> ErrcodesFile.errors(lines));
    assertEquals("SQLSTATE listed twice: 23505", error.getMessage());
  }

  @Test
  void knowsTheClassAndWhetherACodeIsGeneric() {
    assertEquals("2F", new ErrorCode("2F002", "x").sqlClass());
    assertEquals(true, new ErrorCode("2F000", "x").isClassLevel());
    assertEquals(false, new ErrorCode("2F002", "x").isClassLevel());
  }
}
