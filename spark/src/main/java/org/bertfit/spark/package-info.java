/**
 * Batch prediction and offline evaluation of bertfit classifiers on Apache Spark.
 *
 * <p>{@link org.bertfit.spark.SparkInput} reads Parquet, CSV, TSV or JSONL into an {@link
 * org.bertfit.spark.ExampleFrame} (any DataFrame will do); {@link
 * org.bertfit.spark.SparkClassifier#score} counts its rows and bad rows, then sends whole windows
 * of texts to each partition, where one classifier an executor JVM predicts them as {@code bertfit
 * evaluate} does; {@link org.bertfit.spark.ScoredFrame} gives the predictions as a DataFrame or
 * combines the partitions' evaluation states into the report of {@code bertfit evaluate}.
 */
package org.bertfit.spark;
