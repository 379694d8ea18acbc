package org.bertfit.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/** Compares JSON trees: the same structure, keys and texts; numbers within a tolerance. */
final class JsonAssert {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonAssert() {}

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void closeTo(JsonNode actual, JsonNode expected, double tolerance) {
    closeTo(actual, expected, tolerance, "$");
  }

  private static void closeTo(JsonNode actual, JsonNode expected, double tolerance, String path) {
    if (expected.isNumber()) {
      assertThat(actual.isNumber()).as(path + " is a number").isTrue();
      assertThat(actual.asDouble()).as(path).isCloseTo(expected.asDouble(), within(tolerance));
      return;
    }
    assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
    assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
    if (expected.isObject()) {
      assertThat(iterable(actual.fieldNames()))
          .as(path + " keys")
          .containsExactlyElementsOf(iterable(expected.fieldNames()));
      expected
          .fieldNames()
          .forEachRemaining(
              k -> closeTo(actual.get(k), expected.get(k), tolerance, path + "." + k));
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        closeTo(actual.get(i), expected.get(i), tolerance, path + "[" + i + "]");
      }
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
  }

  private static Iterable<String> iterable(Iterator<String> names) {
    return () -> names;
  }
}
