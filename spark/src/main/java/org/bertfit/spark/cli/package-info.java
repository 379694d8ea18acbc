/**
 * {@code bertfit spark-evaluate}, {@code spark-predict} and {@code spark-bench}: the entry point
 * {@link org.bertfit.spark.cli.Main} for {@code ./bertfit} and {@code spark-submit}.
 */
package org.bertfit.spark.cli;
