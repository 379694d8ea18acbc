package org.bertfit.training.predict;

import org.bertfit.datasets.Example;

/**
 * What the model said about one example.
 *
 * @param example the example as read (text, text pair, true labels when the input has them)
 * @param probabilities one probability per label, in the model's label order
 * @param labels the predicted label ids, ascending: one for a single-label model, any number for a
 *     multi-label one
 */
public record Prediction(Example example, float[] probabilities, int[] labels) {}
