package org.bertfit.evaluation.ner;

import java.util.ArrayList;
import java.util.List;
import org.bertfit.evaluation.ClassificationReport;
import org.bertfit.evaluation.Diagnostic;
import org.bertfit.evaluation.ReportOptions;

/**
 * The evaluation of a token classifier: seqeval's classification_report over entity types (with
 * micro, macro and weighted averages) and the token accuracy. Written by {@code TextReport} and
 * {@code JsonReport}.
 *
 * @param entities one row per entity type, then the averages; its warnings (zero divisions, and
 *     any added with {@link #withWarningsFirst}) lead the text
 * @param tokenAccuracy the share of words whose tag was predicted exactly
 * @param sentences sentences evaluated
 * @param tokens words evaluated
 * @param digits decimals of the text layout
 */
public record EntityReport(
    ClassificationReport entities, double tokenAccuracy, long sentences, long tokens, int digits) {

  /** The report of {@code counts}. */
  public static EntityReport of(EntityCounts counts, ReportOptions options) {
    return new EntityReport(
        counts.report(options),
        counts.tokenAccuracy(),
        counts.sentences(),
        counts.tags(),
        options.digits());
  }

  /** The same report with {@code first} (problems of the data, say) before its own warnings. */
  public EntityReport withWarningsFirst(List<Diagnostic> first) {
    List<Diagnostic> all = new ArrayList<>(first);
    all.addAll(entities.warnings());
    ClassificationReport e = entities;
    return new EntityReport(
        new ClassificationReport(e.classes(), e.accuracy(), e.averages(), all, e.floatSupport()),
        tokenAccuracy,
        sentences,
        tokens,
        digits);
  }
}
