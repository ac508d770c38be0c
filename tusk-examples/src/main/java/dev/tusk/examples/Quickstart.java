package dev.tusk.examples;

/** The README quickstart. */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) {
    System.out.println("Tusk quickstart");
  }
}
