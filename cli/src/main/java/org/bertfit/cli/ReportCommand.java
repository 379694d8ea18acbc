package org.bertfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bertfit.evaluation.ConfusionMatrix;
import org.bertfit.evaluation.ErrorAnalysis;
import org.bertfit.evaluation.EvaluationReport;
import org.bertfit.evaluation.Evaluator;
import org.bertfit.evaluation.LabelSet;
import org.bertfit.evaluation.MultiLabelConfusion;
import org.bertfit.evaluation.ReportOptions;
import org.bertfit.evaluation.ScoreBuffer;
import org.bertfit.evaluation.Thresholds;
import org.bertfit.evaluation.ner.EntityCounts;
import org.bertfit.evaluation.ner.EntityReport;
import org.bertfit.evaluation.report.CsvReport;
import org.bertfit.evaluation.report.HtmlReport;
import org.bertfit.evaluation.report.JsonReport;
import org.bertfit.evaluation.report.ReportFormat;
import org.bertfit.evaluation.report.TextReport;
import org.bertfit.evaluation.report.TrainingLog;
import org.bertfit.inference.shard.EvaluationState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bertfit report}: the evaluation report of predictions made anywhere. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Class-wise report of predictions (scikit-learn's classification_report and more).",
        "Files hold one example per line: a label, or with --multilabel space-separated labels"
            + " (an empty line is no label).",
        "--task token-classification: the entity-level report of tag sequences (seqeval's"
            + " classification_report and the token accuracy; text or json), from --y-true and"
            + " --y-pred files of one sentence a line (space-separated tags), or from --conll"
            + " FILE, conlleval's input (the last two columns gold and predicted tags)."})
public final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--y-true", paramLabel = "FILE", description = "True labels, one per line.")
  Path yTrue;

  @Option(names = "--y-pred", paramLabel = "FILE", description = "Predicted labels, one per line.")
  Path yPred;

  @Mixin TaskOption task;

  @Option(names = "--conll", paramLabel = "FILE",
      description = "Token classification: word, gold and predicted tag a line (as bertfit predict"
          + " --format conll writes it), a blank line between sentences.")
  Path conll;

  @Option(names = "--scores", paramLabel = "FILE",
      description = "CSV of probabilities: a header naming the labels, one row per example.")
  Path scores;

  @Option(names = "--multilabel", description = "Each line holds a set of labels.")
  boolean multiLabel;

  @Option(names = "--labels", split = ",", paramLabel = "a,b,c",
      description = "Labels to report, in this order (default: all, sorted).")
  List<String> labels;

  @Mixin ReportOutputOptions output;

  @Option(names = "--texts", paramLabel = "FILE",
      description = "Texts, one per line: adds error analysis (needs --scores, not multi-label).")
  Path texts;

  @Option(names = "--training-log", paramLabel = "FILE",
      description = "JSON lines of training metrics: training curves in the HTML report.")
  Path trainingLog;

  @Option(names = "--thresholds", paramLabel = "FILE",
      description = "thresholds.json that made the multi-label predictions (shown in the report).")
  Path thresholds;

  @Option(names = "--merge", arity = "1..*", paramLabel = "SHARD_STATE",
      description = "Instead of prediction files: the states of every shard of an evaluation"
          + " (bertfit evaluate --shard i/n --state FILE), combined into the full report.")
  List<Path> merge;

  @Override
  public Integer call() throws IOException {
    ReportFormat fmt = output.format();
    Path out = output.out();
    ReportOptions options = output.reportOptions().labels(labels).build();
    new DistinctPaths().output("--out", out).input("--y-true", yTrue).input("--y-pred", yPred)
        .input("--scores", scores).input("--texts", texts).input("--conll", conll)
        .input("--training-log", trainingLog).input("--thresholds", thresholds)
        .inputs("--merge", merge).require();
    PrintWriter stdout = spec.commandLine().getOut();
    EvaluationState merged = merge == null ? null : mergedState();
    boolean tagging = merged != null ? merged.tagging() : task.tokens() || conll != null;
    task.requireAgrees(tagging, merged != null ? "the merged evaluation" : "the input");
    if (tagging) {
      print(merged != null ? merged.entityReport(options) : entityReport(options), fmt, out, stdout);
      return 0;
    }
    if (merged == null && (yTrue == null || yPred == null)) {
      throw new IllegalArgumentException("--y-true and --y-pred are required (see --help)");
    }
    Evaluator evaluator = Evaluator.builder().options(options).build();
    EvaluationReport report = merged != null ? merged.report(evaluator)
        : multiLabel ? multiLabel(evaluator) : multiClass(evaluator);
    if (thresholds != null) {
      report = report.withThresholds(Thresholds.load(thresholds));
    }
    TrainingLog log = trainingLog == null ? null : TrainingLog.read(trainingLog);
    print(report, fmt, log, out, stdout);
    return 0;
  }

  /** Writes an entity-level report (text or JSON) to {@code out}, or to {@code stdout}. */
  static void print(EntityReport report, ReportFormat fmt, Path out, PrintWriter stdout)
      throws IOException {
    StringWriter text = new StringWriter();
    switch (fmt) {
      case TEXT -> TextReport.write(report, text);
      case JSON -> JsonReport.write(report, text);
      default -> throw new IllegalArgumentException(
          "an entity-level report is text or json, not " + fmt.name().toLowerCase(Locale.ROOT));
    }
    emit(text, out, stdout);
  }

  /** Writes {@code report} to {@code out}, or to {@code stdout} when {@code out} is null. */
  static void print(EvaluationReport report, ReportFormat fmt, TrainingLog log, Path out,
      PrintWriter stdout) throws IOException {
    StringWriter text = new StringWriter();
    write(report, fmt, log, text);
    emit(text, out, stdout);
  }

  private static void emit(StringWriter text, Path out, PrintWriter stdout) throws IOException {
    if (out == null) {
      stdout.print(text);
      stdout.flush();
    } else {
      Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
    }
  }

  private EvaluationState mergedState() {
    if (yTrue != null || yPred != null || scores != null || texts != null || multiLabel
        || thresholds != null || conll != null) {
      throw new IllegalArgumentException("--merge reads predictions, scores and thresholds from the"
          + " shard states; leave out --y-true, --y-pred, --conll, --scores, --texts, --multilabel"
          + " and --thresholds");
    }
    return EvaluationState.merge(merge.stream().map(EvaluationState::load).toList());
  }

  private EntityReport entityReport(ReportOptions options) throws IOException {
    ReportInputs.Tags tags = ReportInputs.tags(conll, yTrue, yPred);
    EntityCounts counts = new EntityCounts();
    for (int i = 0; i < tags.truth().size(); i++) {
      counts.update(tags.truth().get(i), tags.predicted().get(i));
    }
    return EntityReport.of(counts, options);
  }

  private EvaluationReport multiClass(Evaluator evaluator) throws IOException {
    List<String> truth = ReportInputs.singleLabels(yTrue);
    List<String> predicted = ReportInputs.singleLabels(yPred);
    ReportInputs.sameCount(yTrue, truth.size(), yPred, predicted.size());
    ReportInputs.Scores scoreFile = scores == null ? null : ReportInputs.scores(scores);
    LabelSet labelSet = LabelSet.sortedUnion(truth, predicted, optional(labels),
        scoreFile == null ? List.of() : scoreFile.header());
    int[] t = labelSet.ids(truth);
    ConfusionMatrix cm = new ConfusionMatrix(labelSet.size());
    cm.update(t, labelSet.ids(predicted));
    ScoreBuffer buffer = null;
    double[][] rows = null;
    if (scoreFile != null) {
      ReportInputs.sameCount(yTrue, truth.size(), scores, scoreFile.rows().length);
      scoreFile.requireProbabilities(scores);
      rows = scoreFile.inOrderOf(labelSet, scores);
      buffer = ScoreBuffer.multiClass(labelSet.size());
      for (int i = 0; i < t.length; i++) {
        buffer.add(t[i], rows[i]);
      }
    }
    EvaluationReport report = evaluator.multiClass(labelSet, cm, buffer);
    if (texts != null) {
      if (rows == null) {
        throw new IllegalArgumentException("--texts needs --scores (the losses come from them)");
      }
      List<String> lines = ReportInputs.texts(texts);
      ReportInputs.sameCount(yTrue, truth.size(), texts, lines.size());
      report = report.withErrors(ErrorAnalysis.of(lines, t, rows, labelSet, 10));
    }
    return report;
  }

  private EvaluationReport multiLabel(Evaluator evaluator) throws IOException {
    if (texts != null) {
      throw new IllegalArgumentException("--texts (error analysis) is for single-label reports");
    }
    List<List<String>> truth = ReportInputs.labelSets(yTrue);
    List<List<String>> predicted = ReportInputs.labelSets(yPred);
    ReportInputs.sameCount(yTrue, truth.size(), yPred, predicted.size());
    ReportInputs.Scores scoreFile = scores == null ? null : ReportInputs.scores(scores);
    LabelSet labelSet = LabelSet.sortedUnion(flatten(truth), flatten(predicted), optional(labels),
        scoreFile == null ? List.of() : scoreFile.header());
    int[] selected = labels == null
        ? java.util.stream.IntStream.range(0, labelSet.size()).toArray()
        : labelSet.ids(labels);
    MultiLabelConfusion counts = new MultiLabelConfusion(labelSet.size(), selected);
    for (int i = 0; i < truth.size(); i++) {
      counts.update(indicators(labelSet, truth.get(i)), indicators(labelSet, predicted.get(i)));
    }
    ScoreBuffer buffer = null;
    if (scoreFile != null) {
      ReportInputs.sameCount(yTrue, truth.size(), scores, scoreFile.rows().length);
      double[][] rows = scoreFile.inOrderOf(labelSet, scores);
      buffer = ScoreBuffer.multiLabel(labelSet.size());
      for (int i = 0; i < rows.length; i++) {
        buffer.add(indicators(labelSet, truth.get(i)), rows[i]);
      }
    }
    return evaluator.multiLabel(labelSet, counts, buffer);
  }

  private static void write(EvaluationReport report, ReportFormat fmt, TrainingLog log,
      Writer writer) throws IOException {
    switch (fmt) {
      case TEXT -> TextReport.write(report, writer);
      case JSON -> JsonReport.write(report, writer);
      case CSV -> CsvReport.write(report, writer);
      case HTML -> HtmlReport.write(report, log, writer);
    }
  }

  private static int[] indicators(LabelSet labels, List<String> present) {
    int[] row = new int[labels.size()];
    for (String label : present) {
      row[labels.id(label)] = 1;
    }
    return row;
  }

  private static List<String> flatten(List<List<String>> sets) {
    List<String> out = new ArrayList<>();
    sets.forEach(out::addAll);
    return out;
  }

  private static Collection<String> optional(List<String> list) {
    return list == null ? List.of() : new HashSet<>(list);
  }
}
