package org.bertfit.models.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainedModelTest {
  @TempDir Path dir;

  private Path vocab(String... tokens) throws IOException {
    return Files.write(dir.resolve("vocab.txt"), List.of(tokens));
  }

  @Test
  void vocabularyWithoutUpperCaseIsUncased() throws IOException {
    assertThat(PretrainedModel.isUncased(vocab("[PAD]", "[UNK]", "[CLS]", "the", "##s", "é"))).isTrue();
  }

  @Test
  void upperCaseLettersWithoutALowerCaseFormKeepItUncased() throws IOException {
    // Google's uncased vocabulary has these two: a capital with no lower-case form.
    assertThat(PretrainedModel.isUncased(vocab("[UNK]", "the", "ℝ", "##ℝ"))).isTrue();
  }

  @Test
  void oneWordThatLowerCasingChangesMakesItCased() throws IOException {
    assertThat(PretrainedModel.isUncased(vocab("[UNK]", "the", "The"))).isFalse();
    assertThat(PretrainedModel.isUncased(vocab("[UNK]", "the", "Ω"))).isFalse();
  }
}
