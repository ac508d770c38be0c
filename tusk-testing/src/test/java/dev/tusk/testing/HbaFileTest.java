package dev.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HbaFileTest {

  /** "user method" per source ("local", "host 127.0.0.1/32", ...), in file order. */
  private static Map<String, List<String>> rulesBySource() {
    return HbaFile.contents()
        .lines()
        .filter(line -> !line.startsWith("#"))
        .map(line -> line.trim().split("\\s+"))
        .collect(
            Collectors.groupingBy(
                rule -> rule[0] + (rule.length == 5 ? " " + rule[3] : ""),
                LinkedHashMap::new,
                Collectors.mapping(
                    rule -> rule[2] + " " + rule[rule.length - 1], Collectors.toList())));
  }

  @Test
  void socketsAndBothLoopbacksSendEachRoleToItsMethodThenTrustTheRest() {
    List<String> expected =
        Arrays.stream(TestRole.values())
            .map(role -> role.user() + " " + role.method())
            .collect(Collectors.toList());
    expected.add("all trust");
    Map<String, List<String>> rules = rulesBySource();
    assertEquals(
        List.of("local", "host 127.0.0.1/32", "host ::1/128"), List.copyOf(rules.keySet()));
    rules.values().forEach(rulesOfSource -> assertEquals(expected, rulesOfSource));
  }

  @Test
  void everyRuleCoversAllDatabases() {
    HbaFile.contents()
        .lines()
        .filter(line -> !line.startsWith("#"))
        .forEach(line -> assertEquals("all", line.trim().split("\\s+")[1], line));
  }
}
