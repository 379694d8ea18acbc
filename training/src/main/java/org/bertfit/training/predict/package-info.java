/**
 * Prediction and offline evaluation of sequence classifiers over inputs of any size.
 *
 * <p>{@link org.bertfit.training.predict.ModelFiles} opens a bertfit model directory or export;
 * {@link org.bertfit.training.predict.Classifier} holds its graph, tokenizer and decision rule;
 * {@link org.bertfit.training.predict.Predictor} streams examples through it (tokenizing on a
 * second thread, sorting by length within bounded windows, yielding in input order); {@link
 * org.bertfit.training.predict.PredictionsJsonl} writes the predictions; {@link
 * org.bertfit.training.predict.EvaluationState} accumulates them with the evaluation module's
 * counters, per {@link org.bertfit.training.predict.Shard}, and merges shards exactly.
 */
package org.bertfit.training.predict;
