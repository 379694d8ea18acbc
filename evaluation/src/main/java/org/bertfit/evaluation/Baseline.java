package org.bertfit.evaluation;

/**
 * What the majority-class baseline (scikit-learn's {@code DummyClassifier(strategy="most_frequent")})
 * scores on the same data: the bar a model must clear. Multi-label predicts each label's majority
 * value; its accuracy is NaN (no subset accuracy is computed for it).
 */
public record Baseline(String prediction, double accuracy, double macroF1, double microF1) {

  /** The baseline of a multi-class evaluation over the reported labels. */
  static Baseline of(ConfusionMatrix cm, LabelSet labels, int[] reported) {
    int majority = -1;
    for (int c = 0; c < cm.numLabels(); c++) {
      if (majority < 0 || cm.actual(c) > cm.actual(majority)
          || (cm.actual(c) == cm.actual(majority)
              && LabelSet.ORDER.compare(labels.name(c), labels.name(majority)) < 0)) {
        majority = c;
      }
    }
    long[] tp = new long[cm.numLabels()];
    long[] predicted = new long[cm.numLabels()];
    long[] actual = new long[cm.numLabels()];
    for (int c = 0; c < cm.numLabels(); c++) {
      actual[c] = cm.actual(c);
    }
    tp[majority] = actual[majority];
    predicted[majority] = cm.total();
    Counts counts = new Counts(tp, predicted, actual);
    return new Baseline(
        "always '" + labels.name(majority) + "'",
        cm.total() == 0 ? Double.NaN : (double) tp[majority] / cm.total(),
        PrecisionRecall.average(counts, reported, Average.MACRO, ZeroDivision.ZERO).f1(),
        PrecisionRecall.average(counts, reported, Average.MICRO, ZeroDivision.ZERO).f1());
  }

  /** The baseline of a multi-label evaluation: each label predicted when most examples have it. */
  static Baseline of(MultiLabelConfusion m, int[] reported) {
    int n = m.numLabels();
    long[] tp = new long[n];
    long[] predicted = new long[n];
    long[] actual = new long[n];
    int present = 0;
    for (int c = 0; c < n; c++) {
      actual[c] = m.actual(c);
      if (2 * actual[c] > m.examples()) {
        tp[c] = actual[c];
        predicted[c] = m.examples();
        present++;
      }
    }
    Counts counts = new Counts(tp, predicted, actual);
    return new Baseline(
        present == 0 ? "no labels" : present + " majority labels",
        Double.NaN,
        PrecisionRecall.average(counts, reported, Average.MACRO, ZeroDivision.ZERO).f1(),
        PrecisionRecall.average(counts, reported, Average.MICRO, ZeroDivision.ZERO).f1());
  }

  private record Counts(long[] tp, long[] predictedCounts, long[] actualCounts)
      implements LabelCounts {
    @Override
    public int numLabels() {
      return tp.length;
    }

    @Override
    public long truePositives(int label) {
      return tp[label];
    }

    @Override
    public long predicted(int label) {
      return predictedCounts[label];
    }

    @Override
    public long actual(int label) {
      return actualCounts[label];
    }
  }
}
