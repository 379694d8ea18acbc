package org.bertfit.evaluation;

/**
 * One named number of a report beside the per-class table (e.g. Matthews correlation). {@code key}
 * is the JSON key; NaN means undefined for this data and is written as {@code null}.
 */
public record Figure(String key, String title, double value) {}
