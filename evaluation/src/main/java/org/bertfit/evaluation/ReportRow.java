package org.bertfit.evaluation;

/** One line of a classification report: a class or an average, with its scores. */
public record ReportRow(String name, PrfScores scores) {}
