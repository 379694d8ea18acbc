/**
 * Prediction and offline evaluation of text and token classifiers over inputs of any size.
 *
 * <p>{@link org.bertfit.models.export.ModelFiles} opens a bertfit model directory or export;
 * {@link org.bertfit.inference.Classifier} holds its graph, tokenizer and decision rule;
 * {@link org.bertfit.inference.Predictor} streams examples through it (tokenizing on a
 * second thread, sorting by length within bounded windows, yielding in input order; a token
 * classifier's words are predicted by their first sub-token); {@link
 * org.bertfit.inference.output.PredictionsJsonl} writes the predictions (a token classifier's as
 * {@link org.bertfit.evaluation.ner.PredictedEntity entities}, or as conlleval's input with
 * {@link org.bertfit.inference.output.PredictionsConll}); {@link
 * org.bertfit.inference.shard.EvaluationState} accumulates them with the evaluation module's
 * {@link org.bertfit.evaluation.Accumulator}, per {@link org.bertfit.inference.shard.Shard}, and merges shards exactly.
 */
package org.bertfit.inference;
