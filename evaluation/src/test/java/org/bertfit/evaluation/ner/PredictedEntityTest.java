package org.bertfit.evaluation.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Entities of word predictions, Hugging Face's "first" aggregation, worked by hand. */
class PredictedEntityTest {
  private static final List<String> TAGS = List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC");

  /** One probability row a word: {@code p} on the word's tag, the rest spread evenly. */
  private static float[] rows(int[] tags, float[] p) {
    float[] rows = new float[tags.length * TAGS.size()];
    for (int w = 0; w < tags.length; w++) {
      for (int c = 0; c < TAGS.size(); c++) {
        rows[w * TAGS.size() + c] = tags[w] < 0 ? 0 : c == tags[w] ? p[w] : (1 - p[w]) / 4;
      }
    }
    return rows;
  }

  @Test
  void consecutiveWordsOfAnEntityAreGroupedAndScoredByTheirMean() {
    List<String> words = List.of("Peter", "Blackburn", "visited", "New", "York", "today");
    // "New York" then "today" as an entity cut off by truncation (-1): no entity there
    int[] tags = {1, 2, 0, 3, 4, -1};
    float[] rows = rows(tags, new float[] {0.9f, 0.7f, 0.99f, 0.8f, 0.6f, 0});

    List<PredictedEntity> entities =
        PredictedEntity.of("Peter Blackburn visited New York today", words, rows, tags, TAGS);

    assertThat(entities).hasSize(2);
    PredictedEntity per = entities.get(0);
    PredictedEntity loc = entities.get(1);
    // "Peter Blackburn visited New York today": PER 0-15, LOC 24-32
    assertThat(per).extracting(PredictedEntity::type, PredictedEntity::text,
        PredictedEntity::start, PredictedEntity::end).containsExactly("PER", "Peter Blackburn", 0, 15);
    assertThat(per.score()).isCloseTo((0.9 + 0.7) / 2, within(1e-6));
    assertThat(loc).extracting(PredictedEntity::type, PredictedEntity::text,
        PredictedEntity::start, PredictedEntity::end).containsExactly("LOC", "New York", 24, 32);
    assertThat(loc.score()).isCloseTo((0.8 + 0.6) / 2, within(1e-6));
    assertThat(PredictedEntity.tagNames(tags, TAGS))
        .containsExactly("B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O");
  }

  @Test
  void spansAreTheTextsOwnCharactersAndATypeChangeSplitsEntities() {
    // plain text split into words by the tokenizer: punctuation is a word of its own
    List<String> words = List.of("Zürich", ",", "Bern", "-", "Ost", "!");
    // I-LOC after O starts an entity; I-PER after I-LOC is another entity (seqeval's rules)
    int[] tags = {3, 0, 4, 4, 2, 0};
    float[] rows = rows(tags, new float[] {0.5f, 0.9f, 0.6f, 0.4f, 0.8f, 0.9f});

    List<PredictedEntity> entities = PredictedEntity.of("Zürich,  Bern-Ost!", words, rows, tags, TAGS);

    assertThat(entities).extracting(PredictedEntity::type,
        PredictedEntity::text, PredictedEntity::start, PredictedEntity::end)
        .containsExactly(
            tuple("LOC", "Zürich", 0, 6),
            tuple("LOC", "Bern-", 9, 14),
            tuple("PER", "Ost", 14, 17));
    assertThat(entities.get(1).score()).isCloseTo(0.5, within(1e-6));
  }
}
